module github.com/openepro/epro/pdf-rpc

go 1.26.0
