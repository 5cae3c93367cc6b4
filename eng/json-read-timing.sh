#!/usr/bin/env bash
# Reading a portfolio document, this checkout against an earlier commit, in alternation on the same machine: for the
# JSON target of docs/benchmarks.md. Each round runs benchmarks/JsonReadTiming once per version under each collector
# (workstation, then server), so that the machine's drift falls on both versions alike; each run prints the median of
# its reads. The script ends with the median, over the rounds, of each round's ratio (this checkout ÷ the commit).
#
#   bash eng/json-read-timing.sh f69bc0d               # 10,000 partnerships (a 135 MB document), 5 rounds of 7 reads
#   bash eng/json-read-timing.sh f69bc0d 10000 9 7     # partnerships, rounds, reads a run
#
# The commit must have benchmarks/PartnerMetrics.Benchmarks/SyntheticPortfolio.cs and PortfolioJsonReader, as every
# commit since the one-pass reader does; the timing program is this checkout's, built against each.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
before=${1:?the commit to compare with}
partnerships=${2:-10000}
rounds=${3:-5}
reads=${4:-7}
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/before-checkout" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add -q --detach "$work/before-checkout" "$before"
for version in before after; do
  checkout=$root/
  [ "$version" = before ] && checkout=$work/before-checkout/
  # A copy of the timing project for each version, outside the repository, so that the two builds share nothing.
  mkdir "$work/$version-src"
  cp "$root/benchmarks/JsonReadTiming/JsonReadTiming.csproj" "$root/benchmarks/JsonReadTiming/Program.cs" "$work/$version-src"
  if ! dotnet build "$work/$version-src/JsonReadTiming.csproj" -c Release -p:Checkout="$checkout" -o "$work/$version" > "$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    exit 1
  fi
done
echo "Before: $(git -C "$root" rev-parse --short "$before"); after: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo ' with changes not committed')"
echo "| Round | Version | Collector | Document | Whole read | Allocated | One at a time | Allocated |"
echo "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |"
for round in $(seq 1 "$rounds"); do
  for collector in 0 1; do
    for version in before after; do
      line=$(DOTNET_gcServer=$collector dotnet "$work/$version/JsonReadTiming.dll" "$partnerships" "$reads")
      echo "$round $version $line" >> "$work/lines"
      # The program's line: collector, MB, whole MB/s, allocated ÷ document, one at a time MB/s, allocated ÷ document.
      echo "$round $version $line" | awk '{ printf "| %s | %s | %s | %s MB | %s MB/s | %.2f× | %s MB/s | %.2f× |\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
    done
  done
done
echo
echo "Median over the rounds of a round's ratio, after ÷ before (above 1: after is faster):"
for collector in workstation server; do
  for way in whole "one at a time"; do
    field=5; [ "$way" = whole ] || field=7
    ratios=$(awk -v c="$collector" -v f="$field" '$3 == c { v[$1 "," $2] = $f + 0; r[$1] = 1 } END { for (k in r) print v[k ",after"] / v[k ",before"] }' "$work/lines" | sort -g)
    median=$(echo "$ratios" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
    printf -- "- %s, %s: %.3f (rounds: %s)\n" "$collector" "$way" "$median" "$(echo "$ratios" | awk '{ printf "%s%.3f", (NR > 1 ? ", " : ""), $1 }')"
  done
done
