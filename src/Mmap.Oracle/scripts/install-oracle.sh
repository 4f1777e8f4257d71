#!/usr/bin/env bash
# Installs what the real-kernel oracle needs on a Debian bookworm host. The only kernel installer of the suite:
# run-verify.sh calls it, and so does the oracle (Mmap.Oracle.Kernels.KernelPackages) when a series is missing.
#   1. host tools: qemu-system-x86, busybox-static, gcc-12, make, libc6-dev (+ libs the kbuild tools link)
#   2. for each kernel series: the newest cloud-amd64 kernel image of the series, its headers, common
#      headers and kbuild, fetched with `apt-get download` and unpacked with `dpkg -x` into the cache
#      (never installed as the host kernel).
#        6.1   Debian 12      linux-image-6.1.0-NN-cloud-amd64-unsigned
#        6.12  Debian 12      linux-image-6.12.NNN+deb12-cloud-amd64-unsigned
#        7.3   Debian 13      linux-binary-7.3.N+deb13-cloud-amd64 from trixie-backports, through
#              private-apt.sh (a private apt configuration; the system's sources are never touched). Its kbuild
#              programs need glibc 2.38, so trixie's libc6 is unpacked beside them and each affected program is
#              wrapped to run with it; the kernel was built with gcc-14, so modules are built with gcc-12 and
#              CONFIG_CC_HAS_MIN_FUNCTION_ALIGNMENT cleared (make-args).
# Cache layout (read by Mmap.Oracle.Kernels.KernelPackages):
#   $MMAPV_CACHE_DIR (default /var/cache/mmap-verify for root, ~/.cache/mmap-verify otherwise)
#     kernels/<series>/{debs/,root/,make-args,ready}
#       ready     = "<abi>\n<debian version>\n"; root/boot/vmlinuz-<release> is the kernel image
#       make-args = extra `make` arguments for building a module against this series, one per line
# Idempotent: a series with a `ready` file is left alone. Usage: install-oracle.sh [6.1] [6.12] [7.3]
set -euo pipefail

if [[ -n "${MMAPV_CACHE_DIR:-}" ]]; then cache="$MMAPV_CACHE_DIR"
elif [[ "$(id -u)" == 0 ]]; then cache=/var/cache/mmap-verify
else cache="${XDG_CACHE_HOME:-$HOME/.cache}/mmap-verify"; fi

die() { echo "install-oracle: $*" >&2; exit 1; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Per series: how apt is reached, and the image package's name around the ABI ("6.1.0-57", "7.3.4+deb13").
series_config() { # $1 = series; sets apt_get, apt_cache, image_prefix, image_suffix, abi_expr
  case "$1" in
    6.1)  apt_get=(apt-get); apt_cache=(apt-cache); image_prefix=linux-image-; image_suffix=-cloud-amd64-unsigned
          abi_expr='6\.1\.0-[0-9]+' ;;
    6.12) apt_get=(apt-get); apt_cache=(apt-cache); image_prefix=linux-image-; image_suffix=-cloud-amd64-unsigned
          abi_expr='6\.12\.[0-9]+\+deb12' ;;
    7.3)  apt_get=("$here/private-apt.sh" apt-get); apt_cache=("$here/private-apt.sh" apt-cache)
          image_prefix=linux-binary-; image_suffix=-cloud-amd64; abi_expr='7\.3\.[0-9]+\+deb13' ;;
    *) die "unknown kernel series '$1' (allowed: 6.1, 6.12, 7.3)" ;;
  esac
}

series=("$@"); (( ${#series[@]} )) || series=(6.1 6.12 7.3)
for s in "${series[@]}"; do series_config "$s"; done   # refuse an unknown series before installing anything

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

newest_abi() { # $1 = series (series_config already called)
  "${apt_cache[@]}" search --names-only "^${image_prefix//./\\.}${abi_expr}${image_suffix}\$" | cut -d' ' -f1 \
    | sed -E "s/^${image_prefix}(.*)${image_suffix}\$/\\1/" | sort -V | tail -n1
}

# Kbuild helper programs built against a newer glibc than the host's (Debian 13's need 2.38; Debian 12 has
# 2.36) run through that glibc's loader, unpacked from the same suite's libc6 into <dir>/glibc.
wrap_new_glibc_programs() { # $1 = series dir, $2 = unpacked root
  local dir=$1 root=$2 host newest f need=()
  host=$(getconf GNU_LIBC_VERSION | awk '{print $2}')
  while IFS= read -r f; do
    head -c4 "$f" 2>/dev/null | grep -q ELF || continue
    newest=$(objdump -T "$f" 2>/dev/null | grep -o 'GLIBC_2\.[0-9]*' | sed 's/GLIBC_//' | sort -V | tail -n1)
    [[ -n "$newest" ]] && [[ "$(printf '%s\n%s\n' "$host" "$newest" | sort -V | tail -n1)" != "$host" ]] && need+=("$f")
  done < <(find "$root/usr/lib" "$root/usr/src" -type f -perm -u+x 2>/dev/null)
  (( ${#need[@]} )) || return 0
  mkdir -p "$dir/glibc-debs"
  ( cd "$dir/glibc-debs" && "${apt_get[@]}" download libc6 >/dev/null 2>"$dir/apt-glibc.log" ) \
    || die "apt-get download libc6 for the kbuild programs failed: $(grep -E '^E:' "$dir/apt-glibc.log" | tail -n1)"
  dpkg -x "$dir"/glibc-debs/libc6_*.deb "$root/glibc" || die "dpkg -x libc6 failed"
  local lib="$dir/root/glibc/usr/lib/x86_64-linux-gnu"
  for f in "${need[@]}"; do
    mv "$f" "$f.bin"
    printf '#!/bin/sh\nexec %s/ld-linux-x86-64.so.2 --library-path %s:/usr/lib/x86_64-linux-gnu "$0.bin" "$@"\n' "$lib" "$lib" >"$f"
    chmod +x "$f"
  done
  echo "kernel: ${#need[@]} kbuild programs run with $(ls "$dir"/glibc-debs/libc6_*.deb | sed -E 's/.*libc6_([^_]+)_.*/glibc \1/')"
}

ensure_series() { # $1 = series
  local series=$1 dir="$cache/kernels/$1"
  if [[ -f "$dir/ready" ]]; then
    echo "kernel $series: $(head -n1 "$dir/ready") (cached)"; return 0
  fi
  series_config "$series"
  local abi; abi=$(newest_abi "$series")
  [[ -n "$abi" ]] || { apt-get update >/dev/null 2>&1 || true; abi=$(newest_abi "$series"); }
  [[ -n "$abi" ]] || die "no ${image_prefix}<abi>${image_suffix} package for $series is known to apt"
  local headers="linux-headers-$abi-cloud-amd64"
  local info; info=$("${apt_cache[@]}" show --no-all-versions "$headers") || die "apt-cache show $headers failed"
  local version; version=$(sed -n 's/^Version: //p' <<<"$info" | head -n1)
  local depends; depends=$(sed -n 's/^Depends: //p' <<<"$info" | head -n1)
  local common kbuild spec
  common=$(tr ',' '\n' <<<"$depends" | sed 's/|.*//; s/^ *//; s/ *$//' | grep -E '^linux-headers-.*-common( |$)' | head -n1)
  kbuild=$(tr ',' '\n' <<<"$depends" | sed 's/|.*//; s/^ *//; s/ *$//' | grep -E '^linux-kbuild-' | head -n1)
  [[ -n "$common" && -n "$kbuild" ]] || die "$headers: cannot find common headers / kbuild in Depends"
  spec() { sed -E 's/^([^ ]+) \((=|>=) ([^)]+)\)$/\1=\3/; s/ .*//' <<<"$1"; }
  rm -rf "$dir/debs" "$dir/root.partial"; mkdir -p "$dir/debs" "$dir/root.partial"
  ( cd "$dir/debs" && "${apt_get[@]}" download "$image_prefix$abi$image_suffix=$version" "$headers=$version" \
      "$(spec "$common")" "$(spec "$kbuild")" >/dev/null 2>"$dir/apt.log" ) \
    || die "apt-get download for $abi failed: $(grep -E '^E:' "$dir/apt.log" | tail -n1)"
  for deb in "$dir"/debs/*.deb; do dpkg -x "$deb" "$dir/root.partial" || die "dpkg -x $deb failed"; done
  local release="$abi-cloud-amd64"
  local mk="$dir/root.partial/usr/src/linux-headers-$release/Makefile"
  [[ -f "$mk" ]] || die "$headers did not contain usr/src/linux-headers-$release/Makefile"
  # The arch headers' Makefile names the common tree (and, from Debian 13 on, its own output folder) by
  # absolute /usr/src paths; point them at the unpacked tree.
  sed -i -E "s|^include /usr/src/|include $dir/root/usr/src/|; s|^KBUILD_OUTPUT=/usr/src/|KBUILD_OUTPUT=$dir/root/usr/src/|" "$mk"
  # Debian 13 ships the image as usr/lib/modules/<release>/vmlinuz; give every series the same boot/ path.
  if [[ ! -f "$dir/root.partial/boot/vmlinuz-$release" && -f "$dir/root.partial/usr/lib/modules/$release/vmlinuz" ]]; then
    mkdir -p "$dir/root.partial/boot"
    ln -s "../usr/lib/modules/$release/vmlinuz" "$dir/root.partial/boot/vmlinuz-$release"
  fi
  rm -rf "$dir/root"; mv "$dir/root.partial" "$dir/root"
  [[ -f "$dir/root/boot/vmlinuz-$release" ]] || die "image for $abi has no boot/vmlinuz-$release"
  wrap_new_glibc_programs "$dir" "$dir/root"
  # A kernel built by a newer gcc than the host's gcc-12: build with gcc-12 and clear the one option gcc-12
  # lacks (-fmin-function-alignment, turned on by CONFIG_CC_HAS_MIN_FUNCTION_ALIGNMENT); Kbuild then falls
  # back to -falign-functions.
  : >"$dir/make-args"
  if grep -q '^CONFIG_CC_HAS_MIN_FUNCTION_ALIGNMENT=y' "$dir/root/usr/src/linux-headers-$release/.config" \
     && ! gcc-12 -fmin-function-alignment=16 -x c -c -o /dev/null /dev/null 2>/dev/null; then
    printf '%s\n' CC=gcc-12 CONFIG_CC_HAS_MIN_FUNCTION_ALIGNMENT= >"$dir/make-args"
  fi
  printf '%s\n%s\n' "$abi" "$version" >"$dir/ready"
  echo "kernel $series: $abi ($version) installed in $dir"
}

for s in "${series[@]}"; do ensure_series "$s"; done
