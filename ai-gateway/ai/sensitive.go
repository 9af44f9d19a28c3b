package ai

// Not generated: go-zero's logx masks values that implement logx.Sensitive; the assessed text is free text (PHI).

// MaskSensitive implements logx.Sensitive.
func (x *AssessRequest) MaskSensitive() any {
	return &AssessRequest{ReportId: x.GetReportId(), Text: "***"}
}
