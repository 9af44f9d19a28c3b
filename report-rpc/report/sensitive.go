package report

// Not generated: go-zero's logx masks values that implement logx.Sensitive; notes are free text (PHI).

import "google.golang.org/protobuf/proto"

const hidden = "***"

// MaskSensitive implements logx.Sensitive.
func (x *SubmitReportRequest) MaskSensitive() any {
	c := proto.Clone(x).(*SubmitReportRequest)
	c.Notes = hidden
	return c
}

// MaskSensitive implements logx.Sensitive.
func (x *GetReportResponse) MaskSensitive() any {
	c := proto.Clone(x).(*GetReportResponse)
	c.Notes = hidden
	return c
}
