// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package svc

import (
	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/common/boot"
	"github.com/openepro/epro/pdf-rpc/pdf"
	"github.com/openepro/epro/pdf-rpc/pdf_client"
	"github.com/openepro/epro/project-api/internal/authn"
	"github.com/openepro/epro/project-api/internal/config"
	"github.com/openepro/epro/project-api/internal/middleware"
	"github.com/openepro/epro/project-api/internal/model"
	"github.com/openepro/epro/report-rpc/report"
	"github.com/openepro/epro/report-rpc/report_client"
	"github.com/openepro/epro/user-rpc/user"
	"github.com/openepro/epro/user-rpc/user_client"
	"github.com/zeromicro/go-zero/core/collection"
	"github.com/zeromicro/go-zero/core/limit"
	"github.com/zeromicro/go-zero/core/stores/redis"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
	"github.com/zeromicro/go-zero/rest"
	"github.com/zeromicro/go-zero/zrpc"
	"google.golang.org/grpc"
)

// ServiceContext holds project-api's dependencies.
type ServiceContext struct {
	Config       config.Config
	DB           sqlx.SqlConn
	Projects     model.ProjectsModel
	Members      model.ProjectMembersModel
	Sites        model.SitesModel
	Participants model.ParticipantsModel
	Activations  model.ActivationCodesModel
	UserRpc      user_client.User
	ReportRpc    report_client.Report
	PdfRpc       pdf_client.Pdf
	// AccountFailures and IPFailures count failed logins in Redis (go-zero's PeriodLimit).
	AccountFailures *limit.PeriodLimit
	IPFailures      *limit.PeriodLimit
	Redis           *redis.Redis
	// Authn checks access tokens on every route the .api files mark `middleware: Authn`.
	Authn rest.Middleware
	// UserNames caches display names by user id for members listings (Config.MemberNameCacheTTL).
	UserNames *collection.Cache
	// MemberLists caches each trial's member rows for members listings (Config.MemberListCacheTTL).
	MemberLists *collection.Cache
}

// NewServiceContext connects to epro_project, Redis and the services; it panics at start-up on a bad config.
func NewServiceContext(c config.Config) *ServiceContext {
	if len(c.Auth.AccessSecret) < 16 { // HS256 with a short secret can be brute-forced offline from one token
		panic("Auth.AccessSecret (EPRO_JWT_SECRET) must be at least 16 characters")
	}
	if len(c.ExportKey) < 16 { // a short key lets whoever holds an export guess subject codes back from pseudonyms
		panic("ExportKey (EPRO_EXPORT_KEY) must be at least 16 characters")
	}
	boot.NoClientContentLogs(user.User_ServiceDesc, report.Report_ServiceDesc, pdf.Pdf_ServiceDesc) // bodies carry PHI
	conn := boot.SQL(c.DataSource)
	rds := redis.MustNewRedis(c.Redis)
	withActor := zrpc.WithUnaryClientInterceptor(actor.UnaryClientInterceptor)
	t := c.LoginThrottle
	names, err := collection.NewCache(c.MemberNameCacheTTL, collection.WithLimit(100_000), collection.WithName("user-names"))
	if err != nil {
		panic(err)
	}
	lists, err := collection.NewCache(c.MemberListCacheTTL, collection.WithLimit(10_000), collection.WithName("member-lists"))
	if err != nil {
		panic(err)
	}
	return &ServiceContext{
		UserNames:    names,
		MemberLists:  lists,
		Config:       c,
		DB:           conn,
		Projects:     model.NewProjectsModel(conn),
		Members:      model.NewProjectMembersModel(conn),
		Sites:        model.NewSitesModel(conn),
		Participants: model.NewParticipantsModel(conn),
		Activations:  model.NewActivationCodesModel(conn),
		UserRpc:      user_client.NewUser(zrpc.MustNewClient(c.UserRpc, withActor)),
		ReportRpc:    report_client.NewReport(zrpc.MustNewClient(c.ReportRpc, withActor)),
		PdfRpc: pdf_client.NewPdf(zrpc.MustNewClient(c.PdfRpc, withActor,
			zrpc.WithDialOption(grpc.WithDefaultCallOptions(grpc.MaxCallSendMsgSize(c.MaxPhotoBytes+1<<20))))),
		AccountFailures: limit.NewPeriodLimit(t.Window, t.AccountFailures, rds, "epro:login:acct:"),
		IPFailures:      limit.NewPeriodLimit(t.Window, t.ClientIPFailures, rds, "epro:login:ip:"),
		Redis:           rds,
		Authn: middleware.NewAuthnMiddleware(authn.NewVerifier(c.Auth.AccessSecret, c.Auth.PrevSecret,
			c.Auth.MaxCachedTokens)).Handle,
	}
}
