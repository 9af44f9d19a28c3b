// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package svc

import (
	"github.com/openepro/epro/common/boot"
	"github.com/openepro/epro/project-api/internal/config"
	"github.com/openepro/epro/project-api/internal/model"
	"github.com/openepro/epro/report-rpc/report"
	"github.com/openepro/epro/report-rpc/report_client"
	"github.com/openepro/epro/user-rpc/user"
	"github.com/openepro/epro/user-rpc/user_client"
	"github.com/zeromicro/go-zero/zrpc"
)

// ServiceContext holds project-api's dependencies.
type ServiceContext struct {
	Config    config.Config
	Projects  model.ProjectsModel
	Members   model.ProjectMembersModel
	UserRpc   user_client.User
	ReportRpc report_client.Report
}

// NewServiceContext connects to epro_project and to the services; it panics at start-up on a bad config.
func NewServiceContext(c config.Config) *ServiceContext {
	boot.NoClientContentLogs(user.User_ServiceDesc, report.Report_ServiceDesc) // bodies carry PHI
	conn := boot.SQL(c.DataSource)
	return &ServiceContext{
		Config:    c,
		Projects:  model.NewProjectsModel(conn),
		Members:   model.NewProjectMembersModel(conn),
		UserRpc:   user_client.NewUser(zrpc.MustNewClient(c.UserRpc)),
		ReportRpc: report_client.NewReport(zrpc.MustNewClient(c.ReportRpc)),
	}
}
