# ePRO suite. `make help` lists the targets.
SHELL := /bin/bash
MODULES := common user-rpc report-rpc pdf-rpc ai-gateway project-api deploy/e2e

.PHONY: help up down test bench faults fuzz gen gen-check lint build tidy

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

up: ## build and run the whole suite locally (installs MariaDB/Redis/etcd if missing); Ctrl-C stops it
	@deploy/scripts/up.sh

down: ## stop what `make up` started
	@deploy/scripts/down.sh

test: ## run every test: unit, integration (real MariaDB) and end-to-end (etcd + the five services)
	@deploy/scripts/test.sh

bench: ## measure the suite side by side with Gin, net/http and mysqlslap; writes bench/RESULTS.md (~10 min)
	@deploy/scripts/bench.sh

faults: ## kill -9 report-rpc, stop etcd, crash MariaDB, take the AI model down, all under load; prints the table (~5 min)
	@deploy/scripts/faults.sh

fuzz: ## run every fuzz target for FUZZTIME each (default 20s); crashers land in testdata/fuzz as regression seeds
	@deploy/scripts/fuzz.sh

gen: ## regenerate code from .proto, .api and schema.sql with the pinned goctl/protoc plugins
	@deploy/scripts/gen.sh

gen-check: gen ## fail if `make gen` changes any file
	@git diff --exit-code --stat && test -z "$$(git status --porcelain)" || \
		{ echo "make gen changed files: commit generated code"; git status --porcelain; exit 1; }

build: ## compile every module
	@for m in $(MODULES); do (cd $$m && go build ./...) || exit 1; done

lint: ## go vet and gofmt over every module
	@for m in $(MODULES); do (cd $$m && go vet ./...) || exit 1; done
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }

tidy: ## go mod tidy every module (outside the workspace, as a standalone build would)
	@for m in $(MODULES); do (cd $$m && GOWORK=off go mod tidy) || exit 1; done
