#!/usr/bin/env bash
# Regenerates every generated file from its source of truth (.proto, .api, schema.sql) with pinned tools:
# goctl v1.10.1, protoc-gen-go and protoc-gen-go-grpc from deploy/tools (a module outside go.work), protoc from
# Debian's protobuf-compiler. Running it twice leaves no diff; CI checks that.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tools=$root/deploy/tools
bin=$tools/bin
"$root/deploy/scripts/deps.sh" build

build_tool() { # name package
  if [ ! -x "$bin/$1" ] || [ "$tools/go.mod" -nt "$bin/$1" ]; then
    echo "gen: building $1 (pinned in deploy/tools/go.mod)" >&2
    (cd "$tools" && GOWORK=off go build -o "bin/$1" "$2")
  fi
}
build_tool goctl github.com/zeromicro/go-zero/tools/goctl
build_tool protoc-gen-go google.golang.org/protobuf/cmd/protoc-gen-go
build_tool protoc-gen-go-grpc google.golang.org/grpc/cmd/protoc-gen-go-grpc
export PATH=$bin:$PATH
goctl=$bin/goctl

# zRPC services: pb, grpc, server and client code from each .proto.
for svc in user-rpc:user report-rpc:report pdf-rpc:pdf ai-gateway:ai; do
  dir=${svc%%:*} proto=${svc##*:}.proto
  (cd "$root/$dir" && "$goctl" rpc protoc "$proto" --go_out=. --go-grpc_out=. --zrpc_out=. \
     --style go_zero -I . >/dev/null)
done

# HTTP gateway from the .api files; handlers from our template (deploy/goctl-home): they decode with
# project-api/internal/reqbody, whose errors name the field and never quote the body.
(cd "$root/project-api" && "$goctl" api go -api api/project.api -dir . --style go_zero --home "$root/deploy/goctl-home" >/dev/null)

# Models from each service's current schema (schema.sql; migrations/ must produce the same schema, a test checks).
for m in user-rpc:cache project-api:nocache report-rpc:nocache pdf-rpc:nocache ai-gateway:nocache; do
  dir=${m%%:*} cache=${m##*:}
  [ -f "$root/$dir/schema.sql" ] || continue
  flags=(); [ "$cache" = cache ] && flags=(-c)
  (cd "$root/$dir" && "$goctl" model mysql ddl -s schema.sql -d internal/model --style go_zero "${flags[@]}" >/dev/null)
done

# goctl writes Go that gofmt may still reformat; keep the tree gofmt-clean.
gofmt -w $(cd "$root" && git ls-files -co --exclude-standard '*.go' | sed "s#^#$root/#") 2>/dev/null || true

# The roles × actions docs page, from the permission table.
(cd "$root/project-api" && go run ./internal/access/cmd/permdoc) > "$root/docs/permissions.md"
