package audit

import "testing"

// An action prefix filter is literal: _ and % in it match themselves, not any character.
func TestLikeEscaper(t *testing.T) {
	for in, want := range map[string]string{
		"alert.":        "alert.",
		"report_x.":     `report\_x.`,
		"100%.":         `100\%.`,
		`back\slash.`:   `back\\slash.`,
		"participant.r": "participant.r",
	} {
		if got := likeEscaper.Replace(in); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}
