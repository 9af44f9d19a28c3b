#!/usr/bin/env bash
# Installs the system packages the suite needs, from Debian's archive, only when they are missing.
# Usage: deploy/scripts/deps.sh [group...]   groups: build (protoc), stack (mariadb, redis, etcd, CJK font),
#        test (etcd, redis, CJK font, pdftotext, xmllint), bench (wrk, mysqlslap, mariadbd)
# Without root it only reports what is missing.
set -euo pipefail

declare -A PKGS=(
  [build]="protobuf-compiler"
  [stack]="mariadb-server mariadb-client redis-server etcd-server fonts-droid-fallback"
  [test]="etcd-server redis-server mariadb-client fonts-droid-fallback poppler-utils libxml2-utils"
  [bench]="wrk mariadb-client mariadb-server"
)
# command that proves a package is present
declare -A PROBE=(
  [protobuf-compiler]=protoc [mariadb-server]=mariadbd [mariadb-client]=mysql [redis-server]=redis-server
  [etcd-server]=etcd [wrk]=wrk [poppler-utils]=pdftotext [libxml2-utils]=xmllint
  [fonts-droid-fallback]=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
)

groups=("$@"); [ ${#groups[@]} -gt 0 ] || groups=(build stack test)
missing=()
for g in "${groups[@]}"; do
  for p in ${PKGS[$g]:-}; do
    probe=${PROBE[$p]:-$p}
    if ! command -v "$probe" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$probe" ] && [ ! -x "/usr/bin/$probe" ] && [ ! -f "$probe" ]; then
      [[ " ${missing[*]:-} " == *" $p "* ]] || missing+=("$p")
    fi
  done
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "deps: missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# Packages must not start their own daemons: the stack scripts start what they need, on the ports they choose.
policy=/usr/sbin/policy-rc.d; created_policy=0
if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; created_policy=1; fi
trap '[ $created_policy -eq 1 ] && rm -f "$policy"' EXIT
apt-get update -qq >/dev/null 2>&1 || apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
