module github.com/openepro/epro/deploy/e2e

go 1.26.0
