#!/usr/bin/env bash
# Builds the CLI, writes the demo portfolio's HTML report and screenshots it with headless
# Chromium at 1280px wide, to check how the report looks (docs/cli.md).
#
#   bash eng/screenshot-report.sh [OUT.png] [HEIGHT]
#
# OUT.png defaults to docs/images/report.png; HEIGHT (the window height in CSS pixels, default
# 2620) cuts the page there: pass a larger one, such as 5400, to see every section. With
# ImageMagick installed, the PNG is reduced to 256 colours to keep it small.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$root/docs/images/report.png}")"
height="${2:-2620}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then
  echo "Chromium is needed: apt-get install chromium" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/PartnerMetrics.Cli" -c Release --nologo -v quiet
dotnet "$root/src/PartnerMetrics.Cli/bin/Release/net10.0/PartnerMetrics.Cli.dll" demo --format html --out "$work/report.html"

mkdir -p "$(dirname "$out")"
# Chromium logs harmless D-Bus errors in containers: keep its output unless it fails.
if ! "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$work/profile" --window-size="1280,$height" \
  --screenshot="$out" "file://$work/report.html" >"$work/chromium.log" 2>&1; then
  cat "$work/chromium.log" >&2
  exit 1
fi
if command -v convert >/dev/null; then
  convert "$out" -strip -colors 256 "PNG8:$out"
fi
echo "Screenshot: $out"
