module github.com/openepro/epro/user-rpc

go 1.26.0
