#!/usr/bin/env bash
# make up: build and start the whole suite on this machine. Uses MariaDB, Redis and etcd when they answer,
# otherwise installs (as root) and starts them; applies the schemas; starts the five services registered in etcd;
# seeds a demo trial; prints the URLs and a curl line. Ctrl-C (or `make down`) stops what it started.
# EPRO_DETACH=1 returns after start-up instead of waiting.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
load_env deploy/local/dev.env
[[ $EPRO_STORAGE_DIR = /* ]] || export EPRO_STORAGE_DIR=$ROOT/$EPRO_STORAGE_DIR

for svc in "${SERVICES[@]}"; do
  [ -f "$RUN/pids/${svc%%:*}.pid" ] && kill -0 "$(cat "$RUN/pids/${svc%%:*}.pid")" 2>/dev/null &&
    die "the suite is already running (make down stops it)"
done
for p in 8888 9001 9002 9003 9004 6060 6061 6062 6063 6064; do
  port_open 127.0.0.1 $p && die "port $p is in use by another program"
done

# on any failure, stop what this run started
trap 'status=$?; "$ROOT/deploy/scripts/down.sh" >/dev/null 2>&1; echo "make up failed (exit $status); logs in $RUN/logs" >&2' ERR

command -v go >/dev/null || die "Go is required (https://go.dev/dl); see README"
ensure_mariadb
ensure_redis
ensure_etcd

log "provisioning the MariaDB account $EPRO_DB_USER (rights on epro_* only)"
mysql_admin <<SQL
CREATE USER IF NOT EXISTS '$EPRO_DB_USER'@'localhost' IDENTIFIED BY '$EPRO_DB_PASSWORD';
CREATE USER IF NOT EXISTS '$EPRO_DB_USER'@'127.0.0.1' IDENTIFIED BY '$EPRO_DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`epro\_%\`.* TO '$EPRO_DB_USER'@'localhost';
GRANT ALL PRIVILEGES ON \`epro\_%\`.* TO '$EPRO_DB_USER'@'127.0.0.1';
SQL

log "building the services into $RUN/bin"
for svc in "${SERVICES[@]}"; do
  name=${svc%%:*}
  (cd "$name" && go build -o "$RUN/bin/$name" .)
done

log "building grpcurl (pinned in deploy/tools/go.mod) into deploy/tools/bin"
(cd deploy/tools && GOWORK=off go build -o bin/grpcurl github.com/fullstorydev/grpcurl/cmd/grpcurl)

log "applying migrations"
for svc in "${SERVICES[@]}"; do
  name=${svc%%:*} conf=${svc##*:}
  "$RUN/bin/$name" -f "$name/etc/$conf.yaml" -migrate
done

log "starting the services (logs in $RUN/logs)"
for svc in "${SERVICES[@]}"; do
  name=${svc%%:*} conf=${svc##*:}
  nohup "$RUN/bin/$name" -f "$name/etc/$conf.yaml" > "$RUN/logs/$name.log" 2>&1 &
  echo $! > "$RUN/pids/$name.pid"
  wait_for "$name" 60 curl -fs -o /dev/null "http://127.0.0.1:${DEVPORT[$name]}/healthz"
done

# the gateway answers once it has found user-rpc in etcd
wait_for "the login route" 30 sh -c 'curl -s -o /dev/null -w "%{http_code}" -X POST http://127.0.0.1:8888/api/v1/auth/login \
  -H "Content-Type: application/json" -d "{\"username\":\"-\",\"password\":\"-\"}" | grep -q 401'

log "seeding the demo trial through the API"
credentials=$(deploy/local/seed-demo.sh)
pin=$(awk '$1 == "BJ01-001" {print $NF}' <<<"$credentials")
[ -n "$pin" ] || pin='<PIN of BJ01-001, printed when the demo trial was created>'

cat <<MSG

ePRO suite is running.
  HTTP gateway      http://127.0.0.1:8888        (project-api)
  zRPC (etcd keys)  user.rpc :9001  report.rpc :9002  pdf.rpc :9003  ai.rpc :9004   etcd $EPRO_ETCD_HOSTS
  metrics/health    http://127.0.0.1:606[0-4]/metrics  /healthz
  logs              $RUN/logs/
  admin account     $EPRO_ADMIN_USER / $EPRO_ADMIN_PASSWORD (dev default from deploy/local/dev.env)

$credentials

Try (participant BJ01-001 logs in, then submits a report):
  TOKEN=\$(curl -s -X POST http://127.0.0.1:8888/api/v1/auth/patient/login -H 'Content-Type: application/json' \\
       -d '{"projectId":"demo-trial","subjectCode":"BJ01-001","pin":"$pin"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
  curl -s -X POST http://127.0.0.1:8888/v1/report -H 'Content-Type: application/json' -H "Authorization: Bearer \$TOKEN" \\
       -d '{"patientId":"BJ01-001","score":85,"notes":"Patient shows steady improvement"}'
  ADMIN=\$(curl -s -X POST http://127.0.0.1:8888/api/v1/auth/login -H 'Content-Type: application/json' \\
       -d '{"username":"$EPRO_ADMIN_USER","password":"$EPRO_ADMIN_PASSWORD"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
  curl -s http://127.0.0.1:8888/api/project/demo-trial/members -H "Authorization: Bearer \$ADMIN"
  deploy/tools/bin/grpcurl -plaintext 127.0.0.1:9001 list
  deploy/tools/bin/grpcurl -plaintext -d '{"userID":1}' 127.0.0.1:9001 user.User/GetUserInfo

MSG

trap - ERR
if [ "${EPRO_DETACH:-0}" = 1 ]; then
  echo "Detached: stop it with make down."
  exit 0
fi
trap '"$ROOT/deploy/scripts/down.sh"; exit 0' INT TERM
echo "Press Ctrl-C to stop (or run make down in another terminal)."
while :; do
  for svc in "${SERVICES[@]}"; do
    name=${svc%%:*}
    if ! kill -0 "$(cat "$RUN/pids/$name.pid" 2>/dev/null || echo 0)" 2>/dev/null; then
      echo "$name stopped; see $RUN/logs/$name.log" >&2
      "$ROOT/deploy/scripts/down.sh"
      exit 1
    fi
  done
  sleep 2 & wait $!
done
