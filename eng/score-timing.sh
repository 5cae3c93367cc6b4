#!/usr/bin/env bash
# Time and peak memory of `partnermetrics score` on a synthetic portfolio (about 100 evidence items a partnership)
# in every output format, for the tool-end-to-end target of docs/benchmarks.md. To compare two versions, run the
# script in each checkout on the same machine, one after the other.
#
#   bash eng/score-timing.sh                    # 20,000 partnerships (a 271 MB document), the native tool
#   bash eng/score-timing.sh 2000               # another size
#   bash eng/score-timing.sh 20000 readytorun   # the ReadyToRun tool that the .NET runtime runs, as packed for other platforms
#   bash eng/score-timing.sh 20000 native 5     # five rounds of the three formats, one after the other
#
# Needs GNU time (/usr/bin/time, Debian package "time") for the peak resident set size.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
partnerships=${1:-20000}
build=${2:-native}
rounds=${3:-1}
if [ ! -x /usr/bin/time ]; then echo "GNU time is needed: apt-get install time" >&2; exit 2; fi

dotnet build "$root/benchmarks/PartnerMetrics.Benchmarks" -c Release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The tool as `dotnet tool install` gets it on this machine: for its platform, native code (Native AOT; linking needs a C
# compiler, clang or GCC); or, with "readytorun", the package every other platform gets, compiled ahead of time but run by
# the .NET runtime.
rid=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')
case "$build" in
  native)
    dotnet publish "$root/src/PartnerMetrics.Cli" -c Release -r "$rid" -p:NativeTool=true -o "$work/tool" >/dev/null
    tool=("$work/tool/PartnerMetrics.Cli") ;;
  readytorun)
    dotnet publish "$root/src/PartnerMetrics.Cli" -c Release -r "$rid" -o "$work/tool" >/dev/null
    tool=(dotnet "$work/tool/PartnerMetrics.Cli.dll") ;;
  *) echo "the build is native or readytorun, not $build" >&2; exit 2 ;;
esac
portfolio="$work/portfolio-$partnerships.json"
dotnet "$root/benchmarks/PartnerMetrics.Benchmarks/bin/Release/net10.0/PartnerMetrics.Benchmarks.dll" --write-portfolio "$partnerships" "$portfolio"
echo "Portfolio: $partnerships partnerships, $(( $(stat -c %s "$portfolio") / 1000000 )) MB"
echo "| Round | Format | Seconds | Peak resident memory (MB) |"
echo "| ---: | --- | ---: | ---: |"
for round in $(seq 1 "$rounds"); do
  for format in table json html; do
    /usr/bin/time -f "%e %M" -o "$work/time" "${tool[@]}" \
      score "$portfolio" --as-of 2025-06-30 --format "$format" --out "$work/out.$format" >/dev/null 2>&1
    read -r seconds kb < "$work/time"
    printf "| %s | %s | %s | %s |\n" "$round" "$format" "$seconds" "$(( kb / 1024 ))"
  done
done
