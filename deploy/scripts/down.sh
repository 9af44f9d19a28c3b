#!/usr/bin/env bash
# make down: stop what make up started (the services, and etcd/Redis/MariaDB only if it started them).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
  stop_pidfile "${SERVICES[$i]%%:*}"
done
if [ -f "$RUN/started" ]; then
  while read -r what; do
    case $what in
      redis) stop_pidfile redis ;;
      etcd) stop_pidfile etcd ;;
      mariadb) stop_pidfile mariadb ;;
    esac
  done < <(tac "$RUN/started")
  rm -f "$RUN/started"
fi
echo "stopped."
