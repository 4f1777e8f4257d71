#!/usr/bin/env bash
# Installs what the real-kernel oracle needs on a Debian bookworm host:
#   1. host tools: qemu-system-x86, busybox-static, gcc-12, make, libc6-dev (+ libs the kbuild tools link)
#   2. for each kernel series (6.1, 6.12): the newest cloud-amd64 unsigned image, its headers, common
#      headers and kbuild, fetched with `apt-get download` and unpacked with `dpkg -x` into the cache
#      (never installed as the host kernel).
# Cache layout (shared with Mmap.Oracle.Kernels.KernelPackages):
#   $MMAPV_CACHE_DIR (default /var/cache/mmap-verify for root, ~/.cache/mmap-verify otherwise)
#     kernels/<series>/{debs/,root/,ready}     ready = "<abi>\n<debian version>\n"
# Idempotent: a series with a `ready` file is left alone. Usage: install-oracle.sh [6.1] [6.12]
set -euo pipefail

if [[ -n "${MMAPV_CACHE_DIR:-}" ]]; then cache="$MMAPV_CACHE_DIR"
elif [[ "$(id -u)" == 0 ]]; then cache=/var/cache/mmap-verify
else cache="${XDG_CACHE_HOME:-$HOME/.cache}/mmap-verify"; fi

die() { echo "install-oracle: $*" >&2; exit 1; }

host_packages=(qemu-system-x86 busybox-static gcc-12 make libc6-dev libelf1 libssl3 zlib1g)
missing=()
for p in "${host_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if (( ${#missing[@]} )); then
  [[ "$(id -u)" == 0 ]] || die "missing host packages (run as root or apt-get install): ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null \
    || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; } \
    || die "apt-get install ${missing[*]} failed"
fi

newest_abi() { # $1 = series
  local expr
  case "$1" in
    6.1)  expr='^linux-image-6\.1\.0-[0-9]+-cloud-amd64-unsigned$' ;;
    6.12) expr='^linux-image-6\.12\.[0-9]+\+deb12-cloud-amd64-unsigned$' ;;
    *) die "unknown kernel series '$1' (allowed: 6.1, 6.12)" ;;
  esac
  apt-cache search --names-only "$expr" | cut -d' ' -f1 \
    | sed -E 's/^linux-image-(.*)-cloud-amd64-unsigned$/\1/' | sort -V | tail -n1
}

ensure_series() { # $1 = series
  local series=$1 dir="$cache/kernels/$1"
  if [[ -f "$dir/ready" ]]; then
    echo "kernel $series: $(head -n1 "$dir/ready") (cached)"; return 0
  fi
  local abi; abi=$(newest_abi "$series")
  [[ -n "$abi" ]] || { apt-get update >/dev/null 2>&1 || true; abi=$(newest_abi "$series"); }
  [[ -n "$abi" ]] || die "no linux-image cloud-amd64-unsigned package for $series is known to apt"
  local headers="linux-headers-$abi-cloud-amd64"
  local info; info=$(apt-cache show --no-all-versions "$headers") || die "apt-cache show $headers failed"
  local version; version=$(sed -n 's/^Version: //p' <<<"$info" | head -n1)
  local depends; depends=$(sed -n 's/^Depends: //p' <<<"$info" | head -n1)
  local common kbuild spec
  common=$(tr ',' '\n' <<<"$depends" | sed 's/|.*//; s/^ *//; s/ *$//' | grep -E '^linux-headers-.*-common( |$)' | head -n1)
  kbuild=$(tr ',' '\n' <<<"$depends" | sed 's/|.*//; s/^ *//; s/ *$//' | grep -E '^linux-kbuild-' | head -n1)
  [[ -n "$common" && -n "$kbuild" ]] || die "$headers: cannot find common headers / kbuild in Depends"
  spec() { sed -E 's/^([^ ]+) \((=|>=) ([^)]+)\)$/\1=\3/; s/ .*//' <<<"$1"; }
  rm -rf "$dir/debs" "$dir/root.partial"; mkdir -p "$dir/debs" "$dir/root.partial"
  ( cd "$dir/debs" && apt-get download "linux-image-$abi-cloud-amd64-unsigned=$version" "$headers=$version" \
      "$(spec "$common")" "$(spec "$kbuild")" >/dev/null 2>"$dir/apt.log" ) \
    || die "apt-get download for $abi failed: $(grep -E '^E:' "$dir/apt.log" | tail -n1)"
  for deb in "$dir"/debs/*.deb; do dpkg -x "$deb" "$dir/root.partial" || die "dpkg -x $deb failed"; done
  local release="$abi-cloud-amd64"
  local mk="$dir/root.partial/usr/src/linux-headers-$release/Makefile"
  [[ -f "$mk" ]] || die "$headers did not contain usr/src/linux-headers-$release/Makefile"
  sed -i "s|^include /usr/src/|include $dir/root/usr/src/|" "$mk"
  rm -rf "$dir/root"; mv "$dir/root.partial" "$dir/root"
  [[ -f "$dir/root/boot/vmlinuz-$release" ]] || die "image for $abi has no boot/vmlinuz-$release"
  printf '%s\n%s\n' "$abi" "$version" >"$dir/ready"
  echo "kernel $series: $abi ($version) installed in $dir"
}

series=("$@"); (( ${#series[@]} )) || series=(6.1 6.12)
for s in "${series[@]}"; do ensure_series "$s"; done
