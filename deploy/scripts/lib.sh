# Shared helpers of the stack scripts (sourced, not run). Every helper starts a daemon only when nothing answers
# on its address, and records what it started in $RUN/started so that down.sh stops exactly that.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN=${EPRO_RUN_DIR:-$ROOT/.run}
mkdir -p "$RUN/bin" "$RUN/logs" "$RUN/pids"

log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# load_env FILE: export KEY=VALUE lines, expanding ${VAR}s, without overriding variables already set.
load_env() {
  local line name value
  while IFS= read -r line || [ -n "$line" ]; do
    [[ $line =~ ^[A-Z][A-Z0-9_]*= ]] || continue
    name=${line%%=*}
    [ -n "${!name+x}" ] && continue
    value=${line#*=}
    eval "export $name=\"$value\""
  done < "$1"
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_for() { # description seconds command...
  local what=$1 secs=$2; shift 2
  local i
  for ((i = 0; i < secs * 10; i++)); do "$@" && return 0; sleep 0.1; done
  die "$what did not come up within ${secs}s"
}

mark_started() { echo "$1" >> "$RUN/started"; }

# mysql_admin ARGS...: the MariaDB administrator: EPRO_MYSQL_ADMIN (a command), else root over the socket
# (Debian's default), else root with an empty password over TCP.
mysql_admin() {
  if [ -n "${EPRO_MYSQL_ADMIN:-}" ]; then $EPRO_MYSQL_ADMIN "$@"; return; fi
  if mysql -uroot -e 'SELECT 1' >/dev/null 2>&1; then mysql -uroot "$@"; return; fi
  mysql -h127.0.0.1 -P3306 -uroot "$@"
}

ensure_mariadb() {
  if port_open 127.0.0.1 3306; then return; fi
  "$ROOT/deploy/scripts/deps.sh" stack
  log "starting MariaDB"
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --background --make-pidfile --pidfile "$RUN/pids/mariadb.pid" \
    --exec /usr/sbin/mariadbd -- --user=mysql >/dev/null
  mark_started mariadb
  wait_for MariaDB 60 port_open 127.0.0.1 3306
}

ensure_redis() {
  local host=${EPRO_REDIS_ADDR%%:*} port=${EPRO_REDIS_ADDR##*:}
  if port_open "$host" "$port"; then return; fi
  "$ROOT/deploy/scripts/deps.sh" stack
  log "starting Redis on $EPRO_REDIS_ADDR (memory only)"
  redis-server --daemonize yes --bind "$host" --port "$port" --save "" --appendonly no \
    --pidfile "$RUN/pids/redis.pid" --logfile "$RUN/logs/redis.log" --dir "$RUN"
  mark_started redis
  wait_for Redis 20 port_open "$host" "$port"
}

ensure_etcd() {
  local hostport=${EPRO_ETCD_HOSTS%%,*}
  local host=${hostport%%:*} port=${hostport##*:}
  if port_open "$host" "$port"; then return; fi
  "$ROOT/deploy/scripts/deps.sh" stack
  log "starting etcd on $hostport"
  mkdir -p "$RUN/etcd"
  nohup etcd --name epro-dev --data-dir "$RUN/etcd" \
    --listen-client-urls "http://$hostport" --advertise-client-urls "http://$hostport" \
    --listen-peer-urls "http://$host:$((port + 1))" --initial-advertise-peer-urls "http://$host:$((port + 1))" \
    --initial-cluster "epro-dev=http://$host:$((port + 1))" --log-level warn \
    > "$RUN/logs/etcd.log" 2>&1 &
  echo $! > "$RUN/pids/etcd.pid"
  mark_started etcd
  wait_for etcd 30 port_open "$host" "$port"
}

# stop_pidfile NAME: stop the process in $RUN/pids/NAME.pid (TERM, then KILL after 10 s).
stop_pidfile() {
  local f="$RUN/pids/$1.pid" pid i
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

SERVICES=(user-rpc:user ai-gateway:ai pdf-rpc:pdf report-rpc:report project-api:project-api)
declare -A DEVPORT=([project-api]=6060 [user-rpc]=6061 [report-rpc]=6062 [pdf-rpc]=6063 [ai-gateway]=6064)

# provision_test_account creates the MariaDB account tests use (rights on t_* databases only) and exports its DSN.
provision_test_account() {
  [ -n "${EPRO_TEST_MYSQL_DSN:-}" ] && return 0
  local pw=epro-test-only
  mysql_admin <<SQL
CREATE USER IF NOT EXISTS 'epro_test'@'localhost' IDENTIFIED BY '$pw';
CREATE USER IF NOT EXISTS 'epro_test'@'127.0.0.1' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON \`t\_%\`.* TO 'epro_test'@'localhost';
GRANT ALL PRIVILEGES ON \`t\_%\`.* TO 'epro_test'@'127.0.0.1';
SQL
  export EPRO_TEST_MYSQL_DSN="epro_test:$pw@tcp(127.0.0.1:3306)/"
}
