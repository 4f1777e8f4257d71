#!/usr/bin/env bash
# Renders address-space pictures (and heatmaps) in real headless Chromium and checks each one:
#  - at its natural size: Chromium exits 0, the PNG has the picture's width and height, and it is far
#    bigger than a blank page would be;
#  - in windows 1000 and 1400 px wide (MMAP_FIT_WIDTHS to change): the whole picture is visible, the
#    PASS/FAIL badge included: fit-probe.html opens it in a frame as wide as the window and measures every
#    drawn element's bounding box (no element past the right edge, no horizontal scrolling); a screenshot
#    at that width is kept too (<name>-<width>.png, with OUT=dir).
#
#   src/Mmap.Pictures/render-check.sh                 # every snapshots/*.verified.svg
#   src/Mmap.Pictures/render-check.sh a.svg b.svg     # given files
#   OUT=pngs src/Mmap.Pictures/render-check.sh        # keep the PNGs in ./pngs (default: a temp folder, removed)
#
# Installs Debian's chromium when run as root and it is missing. Exit: 0 all rendered, 1 a picture
# failed, 3 no Chromium.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
min_bytes=30000
probe="$root/src/Mmap.Pictures/fit-probe.html"
read -r -a fit_widths <<<"${MMAP_FIT_WIDTHS:-1000 1400}"

chromium=${MMAP_CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [[ -z "$chromium" && $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "render-check: installing chromium (apt-get install -y chromium)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null; }
  chromium=$(command -v chromium || true)
fi
if [[ -z "$chromium" ]]; then
  echo "render-check: no Chromium (apt-get install -y chromium, or set MMAP_CHROMIUM)" >&2
  exit 3
fi

if [[ $# -gt 0 ]]; then svgs=("$@"); else shopt -s nullglob; svgs=("$root"/snapshots/*.verified.svg); fi
if [[ ${#svgs[@]} -eq 0 ]]; then echo "render-check: no SVG files to render" >&2; exit 1; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=${OUT:-$work/png}
mkdir -p "$out"

# Big-endian 32-bit integer at a byte offset of a file.
be32() { od -An -tu1 -j"$2" -N4 "$1" | awk '{ print ($1 * 16777216) + ($2 * 65536) + ($3 * 256) + $4 }'; }

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/profile")
passed=0 failed=0
for svg in "${svgs[@]}"; do
  name=$(basename "$svg" .svg)
  png="$out/$name.png"
  size=$(grep -o -m1 '<svg [^>]*' "$svg" | sed -E 's/.*width="([0-9]+)" height="([0-9]+)".*/\1 \2/')
  read -r width height <<<"$size"
  abs=$(cd "$(dirname "$svg")" && pwd)/$(basename "$svg")
  if ! timeout 120 "$chromium" "${flags[@]}" --window-size="$width,$height" --screenshot="$png" "file://$abs" \
       >"$work/chromium.log" 2>&1 || [[ ! -s "$png" ]]; then
    echo "FAIL $name: chromium did not produce a PNG"; grep -v dbus "$work/chromium.log" | sed 's/^/  /' | tail -5
    failed=$((failed + 1)); continue
  fi
  signature=$(od -An -tx1 -N8 "$png" | tr -d ' \n')
  got_w=$(be32 "$png" 16) got_h=$(be32 "$png" 20) bytes=$(stat -c %s "$png")
  if [[ "$signature" != 89504e470d0a1a0a || "$got_w" != "$width" || "$got_h" != "$height" || "$bytes" -lt $min_bytes ]]; then
    echo "FAIL $name: png ${got_w}x${got_h} $bytes bytes (want ${width}x${height}, at least $min_bytes bytes)"
    failed=$((failed + 1)); continue
  fi
  fit_ok=1 fits=""
  for w in "${fit_widths[@]}"; do
    h=$(( (height * w + width - 1) / width ))
    (( h > height )) && h=$height
    timeout 120 "$chromium" "${flags[@]}" --window-size="$w,$h" --screenshot="$out/$name-$w.png" "file://$abs" >"$work/chromium.log" 2>&1 || true
    result=$(timeout 120 "$chromium" "${flags[@]}" --allow-file-access-from-files --virtual-time-budget=5000 --window-size="$w,$h" \
               --dump-dom "file://$probe#file://$abs" 2>"$work/chromium.log" | grep -o 'id="result">FIT [^<]*' | sed 's/.*">FIT //' || true)
    if [[ "$result" != ok* ]]; then
      echo "FAIL $name at ${w}px: ${result:-the probe page reported nothing}"; grep -v dbus "$work/chromium.log" | sed 's/^/  /' | tail -3
      fit_ok=0
    fi
    fits+=" ${w}px:${result%% *}"
  done
  if [[ $fit_ok -eq 0 ]]; then failed=$((failed + 1)); continue; fi
  echo "ok   $name: ${width}x${height}, $bytes bytes; fits at$fits"
  passed=$((passed + 1))
done

echo "render-check: $passed rendered, $failed failed${OUT:+ (PNGs in $OUT)}"
[[ $failed -eq 0 ]]
