#!/usr/bin/env bash
# Mutation testing with Stryker.NET (eng/stryker-config.json). Health and Pipeline mutate one folder of
# src/PartnerMetrics against tests/PartnerMetrics.Tests; Import mutates the whole
# src/PartnerMetrics.Import project against tests/PartnerMetrics.Import.Tests. Every mutant is tested
# against the tests that cover it, and the markdown summary is copied to docs/mutation/.
# Slow (from half an hour to several hours per folder on two cores), so not part of CI; see
# docs/reliability.md.
#
#   bash eng/mutation.sh Health     # one folder; the summary goes to docs/mutation/health.md
#   bash eng/mutation.sh Pipeline   # docs/mutation/pipeline.md
#   bash eng/mutation.sh Import     # the import package; docs/mutation/import.md
#   bash eng/mutation.sh            # Health and Pipeline in one run; docs/mutation/summary.md
#   bash eng/mutation.sh Timeouts Health   # the last Health run's timeouts again, each alone, with 30 s more
#                                          # per test run; docs/mutation/health-timeouts.md
#
# Anything after the folder is passed to dotnet-stryker, e.g. `--concurrency 1` on a busy machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/artifacts/tools"
if [ ! -x "$tools/dotnet-stryker" ]; then
  dotnet tool install dotnet-stryker --version 5.1.0 --tool-path "$tools"
fi

if [ "${1:-}" = Timeouts ]; then
  # A timeout counts as detected, but it may be a test that fails slowly (killed given time), a slow pass (a
  # survivor) or a mutant that cannot end. Each timeout of the folder's last run (its mutation-report.json) is
  # selected by its own span of text (eng/MutationTimeouts.cs) and run again with 30 s more per test run instead of 5 s.
  case "${2:-}" in
    Health|Pipeline) folder=$2; shift 2 ;;
    *) echo "usage: $0 Timeouts Health|Pipeline [dotnet-stryker options]" >&2; exit 2 ;;
  esac
  report="$root/artifacts/mutation-$folder/reports/mutation-report.json"
  if [ ! -f "$report" ]; then echo "no report of a $folder run: $report" >&2; exit 2; fi
  config=$(mktemp --suffix .json)
  trap 'rm -f "$config"' EXIT
  sed 's/"additional-timeout": [0-9]*/"additional-timeout": 30000/' "$root/eng/stryker-config.json" > "$config"
  mutate=()
  while IFS= read -r pattern; do mutate+=(--mutate "$pattern"); done < <(dotnet run "$root/eng/MutationTimeouts.cs" -- "$report")
  if [ ${#mutate[@]} -eq 0 ]; then echo "the $folder run has no timeouts"; exit 0; fi
  out="$root/artifacts/mutation-$folder-timeouts"
  cd "$root/tests/PartnerMetrics.Tests"
  "$tools/dotnet-stryker" --config-file "$config" --output "$out" --skip-version-check "${mutate[@]}" "$@"
  name="$(echo "$folder" | tr '[:upper:]' '[:lower:]')-timeouts"
  cp "$out/reports/mutation-report.md" "$root/docs/mutation/$name.md"
  echo "summary: docs/mutation/$name.md; full report: ${out#"$root/"}/reports/mutation-report.html"
  exit 0
fi

folder=""
case "${1:-}" in
  Health|Pipeline|Import) folder=$1; shift ;;
  -*|"") ;;
  *) echo "usage: $0 [Health|Pipeline|Import] [dotnet-stryker options], or $0 Timeouts Health|Pipeline" >&2; exit 2 ;;
esac

out="$root/artifacts/mutation${folder:+-$folder}"
args=(--config-file "$root/eng/stryker-config.json" --output "$out" --skip-version-check)
tests="$root/tests/PartnerMetrics.Tests"
case "$folder" in
  Import)
    # The import package has its own test project. The command line replaces the config's project,
    # test project and --mutate list: every source file under src/PartnerMetrics.Import is mutated,
    # but not the serialization files it links from src/PartnerMetrics/Serialization (Stryker names them
    # by a path through the import project's folder, ../PartnerMetrics/Serialization/, so the first
    # pattern alone matches them too; the import package has no Serialization folder of its own).
    tests="$root/tests/PartnerMetrics.Import.Tests"
    args+=(--project PartnerMetrics.Import.csproj --test-project PartnerMetrics.Import.Tests.csproj
      --mutate "**/PartnerMetrics.Import/**/*.cs" --mutate "!**/Serialization/**")
    ;;
  ?*)
    # --mutate on the command line replaces the config's list: only this folder is mutated.
    args+=(--mutate "**/$folder/**/*.cs")
    ;;
esac

cd "$tests"
"$tools/dotnet-stryker" "${args[@]}" "$@"

name=summary
if [ -n "$folder" ]; then name=$(echo "$folder" | tr '[:upper:]' '[:lower:]'); fi
mkdir -p "$root/docs/mutation"
cp "$out/reports/mutation-report.md" "$root/docs/mutation/$name.md"
echo "summary: docs/mutation/$name.md; full report: ${out#"$root/"}/reports/mutation-report.html"
