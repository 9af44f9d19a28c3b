package logic

import (
	"context"
	"time"

	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/report-rpc/internal/store"
	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type ExportReportsLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewExportReportsLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ExportReportsLogic {
	return &ExportReportsLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// exportPage is how many reports one query reads.
const exportPage = 200

// ExportReports streams a trial's reports, by subject and oldest first, each with every version and its current scores.
func (l *ExportReportsLogic) ExportReports(in *report.ExportRequest, stream report.Report_ExportReportsServer) error {
	from, err := audit.ParseTime("from", in.From)
	if err != nil {
		return err
	}
	to, err := audit.ParseTime("to", in.To)
	if err != nil {
		return err
	}
	f := store.ExportFilter{ProjectID: in.ProjectId, SiteID: in.SiteId, From: from, To: to}
	var pos store.ExportPosition
	for {
		rows, err := l.svcCtx.Store.ExportPage(stream.Context(), f, pos, exportPage)
		if err != nil {
			return err
		}
		for _, row := range rows {
			if err := stream.Send(toExportRecord(row)); err != nil {
				return err
			}
		}
		if len(rows) < exportPage {
			return nil
		}
		last := rows[len(rows)-1].Report
		pos = store.ExportPosition{PatientID: last.PatientId, At: last.ReceivedAt, ID: last.Id}
	}
}

func toExportRecord(row store.ExportRow) *report.ExportRecord {
	r := row.Report
	out := &report.ExportRecord{ReportId: r.Id, SiteId: r.SiteId, PatientId: r.PatientId, ReceivedAt: ts(r.ReceivedAt),
		Notes: r.Notes, ShortScore: r.Score}
	if r.QuestionnaireUrl != "" {
		out.Questionnaire = r.QuestionnaireUrl + "|" + r.QuestionnaireVersion
	}
	if r.AuthoredAt.Valid {
		out.AuthoredAt = r.AuthoredAt.Time.In(time.FixedZone("", int(r.AuthoredOffsetMin)*60)).Format(time.RFC3339)
	}
	out.Versions = append(out.Versions, &report.ExportVersion{Version: 1, Items: r.Items.String, At: ts(r.ReceivedAt)})
	for _, v := range row.Corrected {
		out.Versions = append(out.Versions, &report.ExportVersion{Version: int32(v.Version), Items: v.Items,
			At: ts(v.CreatedAt), AuthorId: v.CorrectedBy, AuthorRole: v.CorrectedRole, Reason: v.Reason})
	}
	for _, s := range row.Scores {
		out.Scores = append(out.Scores, toScore(s))
	}
	return out
}
