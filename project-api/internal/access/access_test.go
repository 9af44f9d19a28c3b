package access

import (
	"os"
	"testing"

	"github.com/openepro/epro/common/errs"
)

func TestAuthorize(t *testing.T) {
	tests := []struct {
		name  string
		m     Membership
		a     Action
		t     Target
		allow bool
		site  int64
		deid  bool
	}{
		{"PI updates the trial", Membership{Role: PI}, TrialUpdate, Target{}, true, 0, false},
		{"monitor reads", Membership{Role: Monitor}, ParticipantRead, Target{}, true, 0, false},
		{"monitor never writes", Membership{Role: Monitor}, ParticipantEnroll, Target{SiteID: 1}, false, 0, false},
		{"monitor never sets a PIN", Membership{Role: Monitor}, ParticipantPin, Target{SiteID: 1}, false, 0, false},
		{"monitor cannot add members", Membership{Role: Monitor}, MemberManage, Target{}, false, 0, false},
		{"CRC reads its site", Membership{Role: CRC, SiteID: 1}, ParticipantRead, Target{SiteID: 1}, true, 1, false},
		{"CRC lists: limited to its site", Membership{Role: CRC, SiteID: 1}, ParticipantRead, Target{}, true, 1, false},
		{"CRC cannot read another site", Membership{Role: CRC, SiteID: 1}, ParticipantRead, Target{SiteID: 2}, false, 0, false},
		{"CRC without a site sees nothing", Membership{Role: CRC}, ParticipantRead, Target{}, false, 0, false},
		{"CRC enrolls at its site", Membership{Role: CRC, SiteID: 1}, ParticipantEnroll, Target{SiteID: 1}, true, 1, false},
		{"CRC cannot change the trial", Membership{Role: CRC, SiteID: 1}, TrialUpdate, Target{}, false, 0, false},
		{"sponsor reads de-identified", Membership{Role: Sponsor}, ParticipantRead, Target{}, true, 0, true},
		{"sponsor never sees PHI", Membership{Role: Sponsor}, PHIRead, Target{}, false, 0, false},
		{"DM sees no PHI", Membership{Role: DM}, PHIRead, Target{}, false, 0, false},
		{"participant submits", Membership{Role: Participant, ParticipantID: 7}, ReportSubmit, Target{ParticipantID: 7}, true, 0, false},
		{"participant reads self", Membership{Role: Participant, ParticipantID: 7}, ParticipantRead, Target{ParticipantID: 7}, true, 0, false},
		{"participant cannot read another", Membership{Role: Participant, ParticipantID: 7}, ParticipantRead, Target{ParticipantID: 8}, false, 0, false},
		{"participant cannot list members", Membership{Role: Participant, ParticipantID: 7}, MemberRead, Target{}, false, 0, false},
		{"staff cannot submit reports", Membership{Role: PI}, ReportSubmit, Target{}, false, 0, false},
		{"unknown role", Membership{Role: "NURSE"}, TrialRead, Target{}, false, 0, false},
		{"PI limited to a site", Membership{Role: PI, SiteID: 3}, ParticipantRead, Target{SiteID: 4}, false, 0, false},
		{"CRC acknowledges its site's alerts", Membership{Role: CRC, SiteID: 1}, AlertManage, Target{SiteID: 1}, true, 1, false},
		{"CRC cannot touch another site's alerts", Membership{Role: CRC, SiteID: 1}, AlertManage, Target{SiteID: 2}, false, 0, false},
		{"sponsor sees no alerts", Membership{Role: Sponsor}, AlertRead, Target{}, false, 0, false},
		{"DM publishes questionnaires", Membership{Role: DM}, QuestionnaireEdit, Target{}, true, 0, false},
	}
	for _, tt := range tests {
		d, err := Authorize(tt.m, tt.a, tt.t)
		if tt.allow != (err == nil) {
			t.Errorf("%s: err %v", tt.name, err)
			continue
		}
		if err != nil {
			if e, ok := errs.As(err); !ok || e.Kind != errs.KindForbidden || e.Reason != ReasonDenied {
				t.Errorf("%s: want forbidden, got %v", tt.name, err)
			}
			continue
		}
		if d.SiteID != tt.site || d.DeIdentified != tt.deid {
			t.Errorf("%s: decision %+v", tt.name, d)
		}
	}
}

func TestMonitorAndSponsorNeverWrite(t *testing.T) {
	writes := []Action{TrialUpdate, SiteManage, MemberManage, ParticipantEnroll, ParticipantPin, ReportSubmit,
		QuestionnaireEdit, AlertManage, ReportRescore, SettingsManage}
	for _, r := range []Role{Monitor, Sponsor} {
		for _, a := range writes {
			if _, err := Authorize(Membership{Role: r}, a, Target{}); err == nil {
				t.Errorf("%s may %s", r, a)
			}
		}
	}
}

// docs/permissions.md is generated from the table; this fails when the two drift apart.
func TestDocsPageIsCurrent(t *testing.T) {
	b, err := os.ReadFile("../../../docs/permissions.md")
	if err != nil {
		t.Fatalf("docs/permissions.md: %v (run make gen)", err)
	}
	if string(b) != Markdown() {
		t.Fatal("docs/permissions.md is out of date: run make gen")
	}
}
