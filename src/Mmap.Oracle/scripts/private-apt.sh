#!/usr/bin/env bash
# Runs apt-get or apt-cache against a private apt configuration for Debian 13 (trixie and trixie-backports),
# where Debian serves its newest kernels (7.3), without touching the system's apt sources.
#
#   private-apt.sh apt-get download linux-source-7.3
#   private-apt.sh apt-cache show linux-headers-7.3.4+deb13-cloud-amd64
#
# The configuration lives in $MMAPV_CACHE_DIR/apt-trixie (default /var/cache/mmap-verify for root,
# ~/.cache/mmap-verify otherwise): a sources file with the same mirror the machine's own sources use,
# suites trixie and trixie-backports, component main, signed by Debian's archive keyring (Debian 12's keyring
# holds the trixie keys, so signatures are checked), and its own lists and package cache. The lists are
# fetched on first use and again when older than a day.
set -euo pipefail

if [[ -n "${MMAPV_CACHE_DIR:-}" ]]; then cache="$MMAPV_CACHE_DIR"
elif [[ "$(id -u)" == 0 ]]; then cache=/var/cache/mmap-verify
else cache="${XDG_CACHE_HOME:-$HOME/.cache}/mmap-verify"; fi

die() { echo "private-apt: $*" >&2; exit 1; }
(( $# >= 1 )) || die "usage: private-apt.sh apt-get|apt-cache ARGS..."
tool=$1; shift
case "$tool" in apt-get|apt-cache) ;; *) die "'$tool' is not apt-get or apt-cache" ;; esac

dir="$cache/apt-trixie"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[[ -f "$keyring" ]] || die "$keyring is missing (package debian-archive-keyring)"
mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"

# The mirror the machine already uses (deb822 .sources or one-line .list), deb.debian.org otherwise.
mirror=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list /etc/apt/sources.list 2>/dev/null \
  | grep -v -- '-security' | sed -E 's/^URIs: *//; s/^deb (\[[^]]*\] )?//; s/ .*//' | grep -E '^https?://' | head -n1 || true)
[[ -n "$mirror" ]] || mirror=http://deb.debian.org/debian
printf 'deb [signed-by=%s] %s trixie main\ndeb [signed-by=%s] %s trixie-backports main\n' \
  "$keyring" "$mirror" "$keyring" "$mirror" >"$dir/sources.list.new"
if ! cmp -s "$dir/sources.list.new" "$dir/sources.list" 2>/dev/null; then
  mv "$dir/sources.list.new" "$dir/sources.list"; rm -f "$dir/updated"
else
  rm -f "$dir/sources.list.new"
fi

opts=(-o "Dir::Etc::sourcelist=$dir/sources.list" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$dir/lists"
      -o "Dir::Cache=$dir/cache" -o APT::Get::List-Cleanup=0 -o Debug::NoLocking=1)

if [[ ! -f "$dir/updated" ]] || [[ -n "$(find "$dir/updated" -mmin +1440 2>/dev/null)" ]]; then
  apt-get "${opts[@]}" update -qq >"$dir/update.log" 2>&1 \
    || die "apt-get update with the private trixie configuration failed: $(grep -E '^(E|W):' "$dir/update.log" | tail -n1)"
  touch "$dir/updated"
fi
exec "$tool" "${opts[@]}" "$@"
