module github.com/openepro/epro/deploy/e2e

go 1.26.0

require (
	github.com/golang-jwt/jwt/v4 v4.5.2
	github.com/google/uuid v1.6.0
	github.com/openepro/epro/ai-gateway v0.0.0
	github.com/openepro/epro/common v0.0.0
	github.com/openepro/epro/pdf-rpc v0.0.0
	github.com/openepro/epro/project-api v0.0.0
	github.com/openepro/epro/report-rpc v0.0.0
	github.com/openepro/epro/user-rpc v0.0.0
	google.golang.org/grpc v1.85.0
)

require (
	filippo.io/edwards25519 v1.2.0 // indirect
	github.com/go-sql-driver/mysql v1.10.2 // indirect
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.2 // indirect
	golang.org/x/net v0.61.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
	golang.org/x/text v0.44.0 // indirect
	google.golang.org/genproto/googleapis/rpc v0.0.0-20261110000943-09e21b237f2c // indirect
	google.golang.org/protobuf v1.36.12 // indirect
)

replace (
	github.com/openepro/epro/ai-gateway => ../../ai-gateway
	github.com/openepro/epro/common => ../../common
	github.com/openepro/epro/pdf-rpc => ../../pdf-rpc
	github.com/openepro/epro/project-api => ../../project-api
	github.com/openepro/epro/report-rpc => ../../report-rpc
	github.com/openepro/epro/user-rpc => ../../user-rpc
)
