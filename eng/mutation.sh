#!/usr/bin/env bash
# Mutation testing with Stryker.NET: mutates src/PartnerMetrics/Health and Pipeline, runs
# tests/PartnerMetrics.Tests against every mutant, and copies the summary to docs/mutation/.
# Slow (an hour or more on two cores), so not part of CI; see docs/reliability.md.
#
#   bash eng/mutation.sh            # the whole of Health/ and Pipeline/
#   bash eng/mutation.sh --since    # only what changed since main
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/artifacts/tools"
if [ ! -x "$tools/dotnet-stryker" ]; then
  dotnet tool install dotnet-stryker --version 5.1.0 --tool-path "$tools"
fi

cd "$root/tests/PartnerMetrics.Tests"
"$tools/dotnet-stryker" --config-file "$root/eng/stryker-config.json" --output "$root/artifacts/mutation" --skip-version-check "$@"

mkdir -p "$root/docs/mutation"
cp "$root/artifacts/mutation/reports/mutation-report.md" "$root/docs/mutation/summary.md"
echo "summary: docs/mutation/summary.md; full report: artifacts/mutation/reports/mutation-report.html"
