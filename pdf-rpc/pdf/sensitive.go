package pdf

// Not generated: go-zero's logx masks values that implement logx.Sensitive; notes are free text (PHI).

import "google.golang.org/protobuf/proto"

// MaskSensitive implements logx.Sensitive.
func (x *RenderRequest) MaskSensitive() any {
	c := proto.Clone(x).(*RenderRequest)
	c.Notes = "***"
	return c
}
