package types

// Rules of the request types, beyond what their field types say. Messages name the field and the rule and never
// quote a value. (types.go is generated; these methods live here so that regeneration keeps them.)

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/openepro/epro/common/errs"
)

var (
	projectIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)
	codePattern      = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$`)
	subjectPattern   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)
)

func required(field, v string) error {
	if strings.TrimSpace(v) == "" {
		return errs.Invalid(errs.ReasonFieldRequired, "%s is required", field)
	}
	return nil
}

func maxLen(field, v string, n int) error {
	if !utf8.ValidString(v) || utf8.RuneCountInString(v) > n {
		return errs.Invalid(errs.ReasonFieldTooLong, "%s must be at most %d characters of UTF-8 text", field, n)
	}
	return nil
}

func pattern(field, v string, re *regexp.Regexp, rule string) error {
	if !re.MatchString(v) {
		return errs.Invalid(errs.ReasonFieldFormat, "%s must be %s", field, rule)
	}
	return nil
}

func first(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

const codeRule = "1 to %d letters, digits, '.', '_' or '-'"

func (r *LoginReq) Validate() error {
	return first(required("username", r.Username), maxLen("username", r.Username, 64),
		required("password", r.Password), maxLen("password", r.Password, 128))
}

func (r *PatientLoginReq) Validate() error {
	return first(required("projectId", r.ProjectID), maxLen("projectId", r.ProjectID, 64),
		required("subjectCode", r.SubjectCode), maxLen("subjectCode", r.SubjectCode, 64),
		required("pin", r.Pin), maxLen("pin", r.Pin, 16))
}

func (r *CreateStaffReq) Validate() error {
	return first(required("username", r.Username), required("name", r.Name), required("password", r.Password))
}

func (r *CreateProjectReq) Validate() error {
	return first(required("id", r.ID), pattern("id", r.ID, projectIDPattern, strings.Replace(codeRule, "%d", "64", 1)),
		required("name", r.Name), maxLen("name", r.Name, 200))
}

func (r *UpdateProjectReq) Validate() error {
	if r.Name == "" && r.Status == "" {
		return errs.Invalid(errs.ReasonFieldRequired, "name or status is required")
	}
	if r.Status != "" && r.Status != "active" && r.Status != "closed" {
		return errs.Invalid(errs.ReasonFieldFormat, "status must be active or closed")
	}
	return maxLen("name", r.Name, 200)
}

func (r *CreateSiteReq) Validate() error {
	return first(required("code", r.Code), pattern("code", r.Code, codePattern, strings.Replace(codeRule, "%d", "32", 1)),
		required("name", r.Name), maxLen("name", r.Name, 200))
}

func (r *AddMemberReq) Validate() error {
	if r.UserID <= 0 {
		return errs.Invalid(errs.ReasonFieldRange, "userId must be a positive integer")
	}
	if r.SiteID < 0 {
		return errs.Invalid(errs.ReasonFieldRange, "siteId must not be negative")
	}
	return required("role", r.Role)
}

func (r *EnrollReq) Validate() error {
	if r.SiteID <= 0 {
		return errs.Invalid(errs.ReasonFieldRequired, "siteId is required")
	}
	return first(required("subjectCode", r.SubjectCode),
		pattern("subjectCode", r.SubjectCode, subjectPattern, strings.Replace(codeRule, "%d", "64", 1)),
		maxLen("arm", r.Arm, 32), required("name", r.Name))
}

func (r *SetPinReq) Validate() error { return required("pin", r.Pin) }

func (r *ActivateReq) Validate() error {
	return first(required("projectId", r.ProjectID), maxLen("projectId", r.ProjectID, 64),
		required("subjectCode", r.SubjectCode), maxLen("subjectCode", r.SubjectCode, 64),
		required("code", r.Code), maxLen("code", r.Code, 32), required("pin", r.Pin), maxLen("pin", r.Pin, 16))
}

func (r *AdoptReq) Validate() error { return required("template", r.Template) }

func (r *PutQuestionnaireReq) Validate() error {
	if err := required("definition", r.Definition); err != nil {
		return err
	}
	if len(r.Definition) > 512<<10 {
		return errs.Invalid(errs.ReasonFieldTooLong, "definition must be at most 512 KiB")
	}
	return nil
}

func (r *SubmitQuestionnaireReq) Validate() error {
	if r.Items == nil {
		return errs.Invalid(errs.ReasonFieldRequired, "items is required")
	}
	return first(required("questionnaire", r.Questionnaire),
		required("clientSubmissionId", r.ClientSubmissionID), required("authoredAt", r.AuthoredAt))
}
