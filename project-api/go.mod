module github.com/openepro/epro/project-api

go 1.26.0
