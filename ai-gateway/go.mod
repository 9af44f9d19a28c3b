module github.com/openepro/epro/ai-gateway

go 1.26.0
