#!/usr/bin/env bash
# make faults: the suite under load while parts of it fail (deploy/e2e TestFaults), on loopback, bounded in
# time (about 4 minutes of faults plus the build), cleaning up what it starts: a private stack (etcd, Redis,
# the five services, t_* databases on the local MariaDB) and a private mariadbd for report-rpc's database.
# Prints the table; EPRO_FAULTS_WRITE=bench/FAULTS.md also writes it there.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/deploy/scripts/deps.sh" test stack
ensure_mariadb
provision_test_account
export EPRO_REQUIRE_INFRA=1 EPRO_FAULTS=1
[ -n "${EPRO_FAULTS_WRITE:-}" ] && export EPRO_FAULTS_WRITE="$ROOT/$EPRO_FAULTS_WRITE"
cd deploy/e2e
go test -count=1 -timeout 14m -run '^TestFaults$' -v . 2>&1 | grep -v '^=== RUN\|^--- PASS\|^PASS$'
exit "${PIPESTATUS[0]}"
