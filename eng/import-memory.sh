#!/usr/bin/env bash
# Peak memory of `partnermetrics pipeline --profile salesforce` on Salesforce-shaped exports of growing size:
# the import streams, so the peak should not grow with the number of rows (docs/benchmarks.md, "Import").
#
#   bash eng/import-memory.sh                 # 1M and 5M rows
#   bash eng/import-memory.sh 100000 200000   # other sizes
#
# Needs GNU time (/usr/bin/time, Debian package "time") for the peak resident set size.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(1000000 5000000); fi
if [ ! -x /usr/bin/time ]; then echo "GNU time is needed: apt-get install time" >&2; exit 2; fi

dotnet build "$root/benchmarks/PartnerMetrics.Benchmarks" -c Release >/dev/null
dotnet build "$root/src/PartnerMetrics.Cli" -c Release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| Rows | File (MB) | Seconds | Peak resident memory (MB) |"
echo "| ---: | ---: | ---: | ---: |"
for rows in "${sizes[@]}"; do
  csv="$work/opportunities-$rows.csv"
  dotnet "$root/benchmarks/PartnerMetrics.Benchmarks/bin/Release/net10.0/PartnerMetrics.Benchmarks.dll" --write-salesforce-csv "$rows" "$csv"
  /usr/bin/time -f "%e %M" -o "$work/time" dotnet "$root/src/PartnerMetrics.Cli/bin/Release/net10.0/PartnerMetrics.Cli.dll" \
    pipeline "$csv" --profile salesforce --by district --format json --out "$work/out.json" >/dev/null 2>&1
  read -r seconds kb < "$work/time"
  printf "| %s | %s | %s | %s |\n" "$rows" "$(( $(stat -c %s "$csv") / 1000000 ))" "$seconds" "$(( kb / 1024 ))"
done
