module github.com/openepro/epro/report-rpc

go 1.26.0
