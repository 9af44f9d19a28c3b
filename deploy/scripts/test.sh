#!/usr/bin/env bash
# make test: every test of every module. Installs what the tests need (Debian etcd-server, redis-server,
# mariadb-client) when missing, makes sure MariaDB answers, provisions a test account that may only touch t_*
# databases, and runs the tests with EPRO_REQUIRE_INFRA=1 so that missing infrastructure fails instead of skipping.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/deploy/scripts/deps.sh" test
ensure_mariadb

provision_test_account
export EPRO_REQUIRE_INFRA=1

status=0
for m in common user-rpc report-rpc pdf-rpc ai-gateway project-api deploy/e2e; do
  log "go test $m"
  (cd "$m" && go vet ./... && go test -count=1 -timeout 15m ./...) || status=1
done
exit $status
