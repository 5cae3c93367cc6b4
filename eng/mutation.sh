#!/usr/bin/env bash
# Mutation testing with Stryker.NET: mutates src/PartnerMetrics/Health and Pipeline, runs
# tests/PartnerMetrics.Tests against every mutant, and copies the summary to docs/mutation/.
# Slow (about half an hour per folder on two cores), so not part of CI; see docs/reliability.md.
#
#   bash eng/mutation.sh Health     # one folder; the summary goes to docs/mutation/health.md
#   bash eng/mutation.sh Pipeline   # docs/mutation/pipeline.md
#   bash eng/mutation.sh            # both folders in one run; docs/mutation/summary.md
#
# Anything after the folder is passed to dotnet-stryker, e.g. `--concurrency 1` on a busy machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/artifacts/tools"
if [ ! -x "$tools/dotnet-stryker" ]; then
  dotnet tool install dotnet-stryker --version 5.1.0 --tool-path "$tools"
fi

folder=""
case "${1:-}" in
  Health|Pipeline) folder=$1; shift ;;
  -*|"") ;;
  *) echo "usage: $0 [Health|Pipeline] [dotnet-stryker options]" >&2; exit 2 ;;
esac

out="$root/artifacts/mutation${folder:+-$folder}"
args=(--config-file "$root/eng/stryker-config.json" --output "$out" --skip-version-check)
if [ -n "$folder" ]; then
  # --mutate on the command line replaces the config's list: only this folder is mutated.
  args+=(--mutate "**/$folder/**/*.cs")
fi

cd "$root/tests/PartnerMetrics.Tests"
"$tools/dotnet-stryker" "${args[@]}" "$@"

name=summary
if [ -n "$folder" ]; then name=$(echo "$folder" | tr '[:upper:]' '[:lower:]'); fi
mkdir -p "$root/docs/mutation"
cp "$out/reports/mutation-report.md" "$root/docs/mutation/$name.md"
echo "summary: docs/mutation/$name.md; full report: ${out#"$root/"}/reports/mutation-report.html"
