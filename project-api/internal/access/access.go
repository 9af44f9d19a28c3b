// Package access is the suite's one permission table: which role may do which action, at which scope (the whole
// trial, the member's site, or the participant's own records), and whether it sees de-identified data only. Every
// route asks Authorize; docs/permissions.md is generated from the same table. It imports nothing of go-zero or gRPC.
package access

import (
	"fmt"
	"sort"
	"strings"

	"github.com/openepro/epro/common/errs"
)

// Role is a member's role in one trial, or the participant pseudo-role.
type Role string

// Roles (OpenClinica's names where they exist).
const (
	PI          Role = "PI"      // principal investigator
	SubI        Role = "SUB_I"   // sub-investigator (site)
	CRC         Role = "CRC"     // clinical research coordinator (site)
	DM          Role = "DM"      // data manager
	Monitor     Role = "MONITOR" // reads, never writes
	Sponsor     Role = "SPONSOR" // de-identified data only
	Admin       Role = "ADMIN"   // trial administrator; platform administrators act as ADMIN everywhere
	Participant Role = "PARTICIPANT"
)

// StaffRoles are the roles a member can be given, in display order.
var StaffRoles = []Role{PI, SubI, CRC, DM, Monitor, Sponsor, Admin}

// ParseRole reads a staff role name.
func ParseRole(s string) (Role, error) {
	for _, r := range StaffRoles {
		if string(r) == s {
			return r, nil
		}
	}
	names := make([]string, len(StaffRoles))
	for i, r := range StaffRoles {
		names[i] = string(r)
	}
	return "", errs.Invalid(errs.ReasonFieldFormat, "role must be one of %s", strings.Join(names, ", "))
}

// SiteLimited reports whether members with this role must be limited to a site.
func (r Role) SiteLimited() bool { return r == SubI || r == CRC }

// Action is something a route does.
type Action string

// Actions.
const (
	TrialRead         Action = "trial.read"
	TrialUpdate       Action = "trial.update"
	SiteManage        Action = "site.manage"
	MemberRead        Action = "member.read"
	MemberManage      Action = "member.manage"
	ParticipantRead   Action = "participant.read"
	ParticipantEnroll Action = "participant.enroll"
	ParticipantPin    Action = "participant.pin"
	PHIRead           Action = "phi.read" // see identifiers unmasked
	ReportSubmit      Action = "report.submit"
	ReportRead        Action = "report.read"
	DashboardRead     Action = "dashboard.read"
	QuestionnaireEdit Action = "questionnaire.manage" // adopt templates, store and publish versions
	AlertRead         Action = "alert.read"
	AlertManage       Action = "alert.manage" // acknowledge and resolve
	ReportRescore     Action = "report.rescore"
	SettingsManage    Action = "settings.manage" // acknowledgement deadline, thresholds
	AuditRead         Action = "audit.read"      // the trial's audit trail and its verification
	ReportCorrect     Action = "report.correct"  // a new version of a submitted report, with a reason
	ReportSign        Action = "report.sign"     // an investigator's electronic signature on a report
	DataExport        Action = "data.export"     // CSV, ODM and FHIR exports of the trial's reports
)

// Scope says how far a grant reaches.
type Scope int

// Scopes.
const (
	ScopeTrial Scope = iota // every site of the trial
	ScopeSite               // the member's site only
	ScopeOwn                // the participant's own records only
)

func (s Scope) String() string { return [...]string{"trial", "site", "own"}[s] }

// Grant is one cell of the table.
type Grant struct {
	Scope        Scope
	DeIdentified bool // only de-identified data
}

func set(scope Scope, deid bool, actions ...Action) map[Action]Grant {
	m := make(map[Action]Grant, len(actions))
	for _, a := range actions {
		m[a] = Grant{Scope: scope, DeIdentified: deid}
	}
	return m
}

var staffAll = []Action{TrialRead, TrialUpdate, SiteManage, MemberRead, MemberManage, ParticipantRead,
	ParticipantEnroll, ParticipantPin, PHIRead, ReportRead, DashboardRead, QuestionnaireEdit, AlertRead, AlertManage,
	ReportRescore, SettingsManage, AuditRead, ReportCorrect, DataExport}

// table is the permission table.
var table = map[Role]map[Action]Grant{
	Admin: set(ScopeTrial, false, staffAll...),
	PI:    set(ScopeTrial, false, append(staffAll, ReportSign)...),
	SubI: set(ScopeSite, false, TrialRead, MemberRead, ParticipantRead, ParticipantEnroll, ParticipantPin, PHIRead,
		ReportRead, DashboardRead, AlertRead, AlertManage, ReportCorrect, ReportSign),
	CRC: set(ScopeSite, false, TrialRead, MemberRead, ParticipantRead, ParticipantEnroll, ParticipantPin, PHIRead,
		ReportRead, DashboardRead, AlertRead, AlertManage, ReportCorrect),
	DM: set(ScopeTrial, false, TrialRead, SiteManage, MemberRead, ParticipantRead, ReportRead, DashboardRead,
		QuestionnaireEdit, AlertRead, ReportRescore, AuditRead, DataExport),
	Monitor: set(ScopeTrial, false, TrialRead, MemberRead, ParticipantRead, ReportRead, DashboardRead, AlertRead,
		AuditRead),
	Sponsor:     set(ScopeTrial, true, TrialRead, ParticipantRead, ReportRead, DashboardRead, DataExport),
	Participant: set(ScopeOwn, false, ReportSubmit, ReportRead, ParticipantRead),
}

// Membership is what the caller is in one trial.
type Membership struct {
	Role          Role
	SiteID        int64 // 0: not limited to a site
	ParticipantID int64 // for the participant role: who they are
}

// Target is what an action touches.
type Target struct {
	SiteID        int64 // 0: trial level (lists are filtered by the returned Decision instead)
	ParticipantID int64 // the participant whose records are touched, if any
}

// Decision is an allowed action with its limits.
type Decision struct {
	Grant
	// SiteID limits lists to one site (0: all sites).
	SiteID int64
	// ParticipantID limits lists to one participant (0: no limit).
	ParticipantID int64
}

// ReasonDenied is the reason of every refusal.
const ReasonDenied = "PERMISSION_DENIED"

func denied(role Role, a Action) error {
	return errs.New(errs.KindForbidden, ReasonDenied, "role %s may not %s here", role, a)
}

// Authorize decides whether m may do a on t.
func Authorize(m Membership, a Action, t Target) (Decision, error) {
	g, ok := table[m.Role][a]
	if !ok {
		return Decision{}, denied(m.Role, a)
	}
	d := Decision{Grant: g}
	switch g.Scope {
	case ScopeSite:
		if m.SiteID == 0 { // a site role without a site sees no site's data
			return Decision{}, denied(m.Role, a)
		}
		if t.SiteID != 0 && t.SiteID != m.SiteID {
			return Decision{}, denied(m.Role, a)
		}
		d.SiteID = m.SiteID
	case ScopeOwn:
		if m.ParticipantID == 0 || t.ParticipantID != 0 && t.ParticipantID != m.ParticipantID {
			return Decision{}, denied(m.Role, a)
		}
		d.ParticipantID = m.ParticipantID
	case ScopeTrial:
		if m.SiteID != 0 { // a trial role given a site is limited to it
			if t.SiteID != 0 && t.SiteID != m.SiteID {
				return Decision{}, denied(m.Role, a)
			}
			d.SiteID = m.SiteID
		}
	}
	return d, nil
}

// Actions lists every action in the table, sorted.
func Actions() []Action {
	seen := map[Action]bool{}
	for _, m := range table {
		for a := range m {
			seen[a] = true
		}
	}
	out := make([]Action, 0, len(seen))
	for a := range seen {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Markdown renders the table as the docs page (docs/permissions.md).
func Markdown() string {
	roles := append(append([]Role{}, StaffRoles...), Participant)
	var b strings.Builder
	b.WriteString("# Permissions: roles × actions\n\nGenerated from `project-api/internal/access` by `make gen`; do not edit.\n\n")
	b.WriteString("Cells: `trial` every site of the trial, `site` the member's site only, `own` the participant's own records only;\n")
	b.WriteString("`de-id` de-identified data only; `—` not allowed. Platform administrators act as ADMIN in every trial.\n\n")
	b.WriteString("| action |")
	for _, r := range roles {
		fmt.Fprintf(&b, " %s |", r)
	}
	b.WriteString("\n|---|")
	b.WriteString(strings.Repeat("---|", len(roles)))
	b.WriteString("\n")
	for _, a := range Actions() {
		fmt.Fprintf(&b, "| %s |", a)
		for _, r := range roles {
			g, ok := table[r][a]
			cell := "—"
			if ok {
				cell = g.Scope.String()
				if g.DeIdentified {
					cell += ", de-id"
				}
			}
			fmt.Fprintf(&b, " %s |", cell)
		}
		b.WriteString("\n")
	}
	return b.String()
}
