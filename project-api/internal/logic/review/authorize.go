package review

import (
	"context"

	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authz"
	"github.com/openepro/epro/project-api/internal/svc"
	rpc "github.com/openepro/epro/report-rpc/report"
)

// authorizeOnReport checks action on the report's site in projectID; a report of another trial is not found.
func authorizeOnReport(ctx context.Context, s *svc.ServiceContext, projectID, reportID string, action access.Action) (context.Context, error) {
	ctx, c, err := authz.Check(ctx, s.Projects, s.Members, projectID, action, access.Target{})
	if err != nil {
		return ctx, err
	}
	r, err := s.ReportRpc.GetReport(ctx, &rpc.GetReportRequest{ReportId: reportID})
	if err != nil {
		return ctx, err
	}
	if r.ProjectId != projectID {
		return ctx, errs.NotFound(errs.ReasonReportNotFound, "report not found")
	}
	target := c.RecordTarget(r.SiteId, r.PatientId)
	d, err := access.Authorize(c.Membership, action, target)
	if err == nil && d.DeIdentified { // a report's history names the participant and holds free text
		err = errs.New(errs.KindForbidden, access.ReasonDenied, "role %s sees de-identified data only: use the de-identified export", c.Membership.Role)
	}
	return ctx, err
}
