#!/usr/bin/env bash
# Fuzzes one target of fuzz/PartnerMetrics.Fuzz with afl-fuzz (AFL++) and SharpFuzz, then adds what it
# found to the committed corpus (fuzz/corpus/<target>) and any crash to fuzz/crashes/<target>, which
# the tests replay. Needs: apt-get install afl++.
#
#   bash eng/fuzz.sh json 30     # fuzz the JSON readers for 30 minutes
#   bash eng/fuzz.sh csv 30      # fuzz the CSV reader of the CLI
#   bash eng/fuzz.sh score 30    # fuzz scoring: a model, a portfolio, an as-of day and a history
#   bash eng/fuzz.sh writers 30  # fuzz the table, JSON and HTML writers with what the input names
#   bash eng/fuzz.sh import 30   # fuzz the import readers: CRM profiles, evidence profiles, Excel
set -euo pipefail
targets="json|csv|score|writers|import"
target=${1:?usage: eng/fuzz.sh <$targets> [minutes]}
case "|$targets|" in
  *"|$target|"*) ;;
  *) echo "unknown target '$target': use one of $targets" >&2; exit 1 ;;
esac
minutes=${2:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/artifacts/fuzz/$target"
tools="$root/artifacts/tools"

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 1; }
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"
fi

# Instrument published copies only: the instrumented assemblies never reach a build or a package.
rm -rf "$work/bin"
dotnet publish "$root/fuzz/PartnerMetrics.Fuzz" -c Release -o "$work/bin" >/dev/null
# Our assemblies and the CSV parser; not System.* nor DocumentFormat.OpenXml (see docs/reliability.md).
for assembly in PartnerMetrics.dll PartnerMetrics.Cli.dll PartnerMetrics.Import.dll PartnerMetrics.Reporting.dll Sylvan.Data.Csv.dll; do
  "$tools/sharpfuzz" "$work/bin/$assembly"
done

# A fresh run starts from the corpus; "-i -" resumes an interrupted one.
input="$root/fuzz/corpus/$target"
if [ -d "$work/findings/default/queue" ] && [ "${RESUME:-0}" = 1 ]; then input=-; fi
# The targets that read a portfolio or a model as JSON get the tokens of its documents, so that mutations build new
# shapes of portfolio rather than break the syntax (fuzz/dictionaries/portfolio.dict).
dictionary=()
case "$target" in
  json | score | writers) dictionary=(-x "$root/fuzz/dictionaries/portfolio.dict") ;;
esac
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  afl-fuzz -V $((minutes * 60)) -i "$input" -o "$work/findings" -t 10000 -m none "${dictionary[@]}" \
  -- dotnet "$work/bin/PartnerMetrics.Fuzz.dll" "$target" || true

# Keep every input that found new coverage, and every crash, under a name that is its content hash.
collect() {
  local from=$1 to=$2
  mkdir -p "$to"
  for file in "$from"/id:*; do
    [ -f "$file" ] || continue
    # afl-fuzz copies the inputs it started from into its queue ("orig:" names): those are in the corpus already.
    case "$file" in *,orig:*) continue ;; esac
    cp "$file" "$to/$(sha1sum "$file" | cut -c1-16)"
  done
}
collect "$work/findings/default/queue" "$root/fuzz/corpus/$target"
collect "$work/findings/default/crashes" "$root/fuzz/crashes/$target"
# The run's statistics, committed with the corpus (docs/reliability.md has the table); not the command line, which
# names this machine's folders.
if [ -f "$work/findings/default/fuzzer_stats" ]; then
  mkdir -p "$root/fuzz/stats"
  grep -v "^command_line" "$work/findings/default/fuzzer_stats" >"$root/fuzz/stats/$target.txt"
fi
grep -E "^(run_time|execs_done|execs_per_sec|corpus_count|bitmap_cvg|edges_found|saved_crashes|saved_hangs) " "$work/findings/default/fuzzer_stats" || true
echo "corpus: $(ls "$root/fuzz/corpus/$target" | wc -l) inputs; crashes: $(ls "$root/fuzz/crashes/$target" 2>/dev/null | wc -l)"
