// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package export

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/access"
	auditlog "github.com/openepro/epro/project-api/internal/audit"
	"github.com/openepro/epro/project-api/internal/authz"
	"github.com/openepro/epro/project-api/internal/export"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	rpc "github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type ExportReportsLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext

	// set by ExportReports for Stream
	info   *types.ExportInfo
	odm    string
	meta   export.Meta
	deid   *export.Deidentifier
	sites  map[int64]string
	stream rpc.Report_ExportReportsClient
	first  *rpc.ExportRecord
}

// Stream the trial's reports as CSV, CDISC ODM 1.3.2 (?type=snapshot|transactional) or an HL7 FHIR R4 Bundle; sponsors get the de-identified variant; audited
func NewExportReportsLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ExportReportsLogic {
	return &ExportReportsLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

var contentTypes = map[string]string{
	export.FormatCSV:  "text/csv; charset=utf-8",
	export.FormatODM:  "application/xml; charset=utf-8",
	export.FormatFHIR: "application/fhir+json; charset=utf-8",
}

var extensions = map[string]string{export.FormatCSV: "csv", export.FormatODM: "xml", export.FormatFHIR: "json"}

// ExportReports checks the request and the caller's right, and opens the stream of reports: everything that can
// fail with a clear status fails here, before the first byte of the file is sent.
func (l *ExportReportsLogic) ExportReports(req *types.ExportReq) (resp *types.ExportInfo, err error) {
	ct, ok := contentTypes[req.Format]
	if !ok {
		return nil, errs.NotFound(errs.ReasonNotFound, "format must be csv, odm or fhir")
	}
	switch req.Type {
	case "", "snapshot":
		l.odm = export.ODMSnapshot
	case "transactional":
		l.odm = export.ODMTransactional
	default:
		return nil, errs.Invalid(errs.ReasonFieldFormat, "type must be snapshot or transactional")
	}
	if req.Type != "" && req.Format != export.FormatODM {
		return nil, errs.Invalid(errs.ReasonFieldFormat, "type applies to the odm format only")
	}
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.DataExport, access.Target{})
	if err != nil {
		return nil, err
	}
	l.ctx = ctx
	variant := export.VariantFull
	switch req.Variant {
	case "", export.VariantFull:
		if c.Decision.DeIdentified {
			if req.Variant != "" {
				return nil, errs.New(errs.KindForbidden, access.ReasonDenied, "role %s may export de-identified data only", c.Membership.Role)
			}
			variant = export.VariantDeidentified
		}
	case export.VariantDeidentified:
		variant = export.VariantDeidentified
	default:
		return nil, errs.Invalid(errs.ReasonFieldFormat, "variant must be full or deidentified")
	}
	for _, t := range []struct{ field, v string }{{"from", req.From}, {"to", req.To}} {
		if _, err := audit.ParseTime(t.field, t.v); err != nil {
			return nil, err
		}
	}

	p, err := l.svcCtx.Projects.FindOne(ctx, req.ID)
	if err != nil {
		return nil, err
	}
	sites, err := l.svcCtx.Sites.ListByProject(ctx, req.ID)
	if err != nil {
		return nil, err
	}
	l.sites = map[int64]string{}
	for _, s := range sites {
		l.sites[s.Id] = s.Code
	}
	qs, err := l.svcCtx.ReportRpc.ListQuestionnaires(ctx, &rpc.ListQuestionnairesRequest{ProjectId: req.ID})
	if err != nil {
		return nil, err
	}
	var defs []string
	for _, q := range qs.Questionnaires {
		if q.Status != "draft" { // answers exist only for published versions
			defs = append(defs, q.Definition)
		}
	}
	now := time.Now().UTC()
	l.meta = export.Meta{ProjectID: req.ID, ProjectName: p.Name, Variant: variant, Created: now,
		Questionnaires: defs, FileOID: fmt.Sprintf("EPRO.%s.%s", req.ID, now.Format("20060102T150405Z"))}
	if err := l.meta.Check(); err != nil {
		return nil, err
	}
	if variant == export.VariantDeidentified {
		l.deid = export.NewDeidentifier([]byte(l.svcCtx.Config.ExportKey), req.ID)
	}

	l.stream, err = l.svcCtx.ReportRpc.ExportReports(ctx, &rpc.ExportRequest{ProjectId: req.ID, SiteId: req.SiteID,
		From: req.From, To: req.To})
	if err != nil {
		return nil, err
	}
	if l.first, err = l.stream.Recv(); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	name := fmt.Sprintf("%s-reports-%s", req.ID, now.Format("20060102-150405"))
	if variant == export.VariantDeidentified {
		name += "-deidentified"
	}
	if req.Format == export.FormatODM {
		name += "-" + req.Type
	}
	l.info = &types.ExportInfo{ProjectID: req.ID, Format: req.Format, Variant: variant, ContentType: ct,
		FileName: name + "." + extensions[req.Format]}
	return l.info, nil
}

// Stream writes the file to w, record by record, and audits the export: what, for whom, how many reports, the
// SHA-256 of what was sent, and whether it completed.
func (l *ExportReportsLogic) Stream(w io.Writer) error {
	h := sha256.New()
	out := io.MultiWriter(w, h)
	var wr export.Writer
	switch l.info.Format {
	case export.FormatCSV:
		wr = export.NewCSV(out, l.meta)
	case export.FormatODM:
		wr = export.NewODM(out, l.meta, l.odm)
	default:
		wr = export.NewFHIR(out, l.meta)
	}
	n, err := l.write(wr)
	outcome := "complete"
	if err != nil {
		outcome = "failed"
		l.Errorf("export %s of trial %s failed after %d reports: %v", l.info.Format, l.info.ProjectID, n, err)
	}
	// recorded even when the client went away midway (its request context is cancelled by then)
	auditlog.Event(context.WithoutCancel(l.ctx), l.svcCtx.DB, audit.Entry{Action: "export." + l.info.Format, EntityType: "project",
		EntityID: l.info.ProjectID, ProjectID: l.info.ProjectID, Changes: map[string][2]any{
			"variant": {nil, l.info.Variant}, "reports": {nil, n}, "sha256": {nil, hex.EncodeToString(h.Sum(nil))},
			"outcome": {nil, outcome}, "file": {nil, l.info.FileName}}})
	return err
}

func (l *ExportReportsLogic) write(wr export.Writer) (int, error) {
	if err := wr.Begin(); err != nil {
		return 0, err
	}
	n := 0
	for rec := l.first; rec != nil; n++ {
		r, err := l.record(rec)
		if err != nil {
			return n, err
		}
		if err := wr.Write(r); err != nil {
			return n, err
		}
		if rec, err = l.stream.Recv(); errors.Is(err, io.EOF) {
			rec = nil
		} else if err != nil {
			return n, err
		}
	}
	return n, wr.End()
}

// record converts a streamed report, de-identifying it for that variant.
func (l *ExportReportsLogic) record(in *rpc.ExportRecord) (*export.Record, error) {
	r := &export.Record{ReportID: in.ReportId, SubjectKey: in.PatientId, SiteCode: l.sites[in.SiteId],
		Questionnaire: in.Questionnaire, Notes: in.Notes, ShortScore: in.ShortScore}
	if r.SiteCode == "" {
		r.SiteCode = fmt.Sprint(in.SiteId)
	}
	var err error
	if r.ReceivedAt, err = time.Parse(time.RFC3339Nano, in.ReceivedAt); err != nil {
		return nil, err
	}
	if in.AuthoredAt != "" {
		if r.AuthoredAt, err = time.Parse(time.RFC3339, in.AuthoredAt); err != nil {
			return nil, err
		}
		r.HasAuthored = true
	}
	for _, v := range in.Versions {
		items, err := export.ParseItems(v.Items)
		if err != nil {
			return nil, err
		}
		at, err := time.Parse(time.RFC3339Nano, v.At)
		if err != nil {
			return nil, err
		}
		r.Versions = append(r.Versions, export.Version{Number: int(v.Version), Items: items, At: at, AuthorID: v.AuthorId,
			AuthorRole: v.AuthorRole, Reason: v.Reason})
	}
	for _, s := range in.Scores {
		r.Scores = append(r.Scores, export.Score{Instrument: s.Instrument, Total: s.Total, Band: s.Band,
			RuleSetID: s.RuleSetId, RuleSetVersion: s.RuleSetVersion})
	}
	if l.deid != nil {
		l.deid.Apply(r)
	}
	return r, nil
}
