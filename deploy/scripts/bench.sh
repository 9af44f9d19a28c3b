#!/usr/bin/env bash
# make bench: the suite side by side with Gin, net/http (bench/baseline) and mysqlslap on this machine. Installs
# wrk and mysqlslap (Debian), runs deploy/e2e TestBench against a private stack (etcd, Redis, the five services,
# fresh t_* databases on the local MariaDB), prints the tables and writes bench/RESULTS.md.
# EPRO_BENCH_ROUNDS (default 3) and EPRO_BENCH_DURATION (default 10s) tune the run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/deploy/scripts/deps.sh" test bench
ensure_mariadb
provision_test_account
export EPRO_REQUIRE_INFRA=1 EPRO_BENCH=1 EPRO_BENCH_WRITE=1
cd deploy/e2e
go test -count=1 -timeout 30m -run '^TestBench$' -v . 2>&1 | grep -v '^=== RUN\|^--- PASS\|^PASS$'
exit "${PIPESTATUS[0]}"
