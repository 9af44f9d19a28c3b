package logic

import (
	"context"
	"errors"

	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/report-rpc/internal/review"
	"github.com/openepro/epro/report-rpc/internal/store"
	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"
)

// history reads a report of projectID with its versions; a report of another trial is not found.
func history(ctx context.Context, s *svc.ServiceContext, projectID, reportID string) (store.History, error) {
	if reportID == "" {
		return store.History{}, errs.Invalid(errs.ReasonFieldRequired, "reportId is required")
	}
	h, err := s.Store.History(ctx, reportID)
	if errors.Is(err, store.ErrNotFound) || err == nil && h.Report.ProjectId != projectID {
		return store.History{}, errs.NotFound(errs.ReasonReportNotFound, "report not found")
	}
	return h, err
}

func toSignature(h store.History, i int) *report.SignatureInfo {
	s := h.Signatures[i]
	v := review.Check(review.Signed{Version: int(s.ReportVersion), ContentHash: s.ContentHash}, h.Current())
	return &report.SignatureInfo{SignatureId: s.Id, Version: int32(s.ReportVersion), ContentHash: s.ContentHash,
		SignerId: s.SignerId, SignerRole: s.SignerRole, PrintedName: s.PrintedName, Meaning: s.Meaning,
		SignedAt: ts(s.SignedAt), Valid: v.Valid, InvalidReason: v.Reason}
}
