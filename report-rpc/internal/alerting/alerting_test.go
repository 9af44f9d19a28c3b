package alerting

import (
	"testing"

	"github.com/openepro/epro/common/errs"
)

func TestLifecycle(t *testing.T) {
	if Acknowledge(Open) != nil || Acknowledge(Acknowledged) == nil || Acknowledge(Resolved) == nil {
		t.Error("acknowledge transitions")
	}
	if Resolve(Acknowledged, "called the patient") != nil || Resolve(Open, "x") == nil || Resolve(Resolved, "x") == nil {
		t.Error("resolve transitions")
	}
	if errs.KindOf(Resolve(Acknowledged, " ")) != errs.KindInvalid {
		t.Error("a resolution needs a note")
	}
	if errs.KindOf(Acknowledge(Resolved)) != errs.KindFailedPrecondition {
		t.Error("state errors are FailedPrecondition")
	}
}
