// Package auditchain is the tamper evidence of the audit trail: every audit row of a trial stores
// SHA-256(previous row's hash ‖ canonical form of the row), so altering, deleting or reordering a stored row
// breaks the chain at that row. It is pure: no database, no go-zero; services store rows, this package
// computes and checks the hashes.
//
// One chain per trial (project id) per service database; events that belong to no trial (a platform
// administrator's account changes, a failed login of an unknown name) form the chain of project id "".
package auditchain

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// Genesis is the previous hash of a chain's first row.
const Genesis = ""

// TimeLayout is how OccurredAt enters the canonical form: UTC with microseconds, the precision MariaDB's
// datetime(6) keeps, so a row read back hashes as it did when written.
const TimeLayout = "2006-01-02T15:04:05.000000Z"

// Row is an audit row as the chain covers it: every stored field except the database's own id.
type Row struct {
	Seq        int64 // position in its trial's chain, from 1
	OccurredAt time.Time
	ActorID    int64
	ActorRole  string
	Action     string
	EntityType string
	EntityID   string
	ProjectID  string
	Changes    string // JSON {field: [old, new]} as stored
	Reason     string // reason for change ("" where none is needed)
	RequestID  string
	ClientIP   string
}

// Truncate rounds t to what the database keeps (UTC, microseconds); call it before hashing a new row.
func Truncate(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// Canonical is the row's canonical form: a JSON array of its fields in a fixed order. A JSON array (not
// concatenation) makes field boundaries unambiguous: "ab"+"c" and "a"+"bc" hash differently.
func Canonical(r Row) []byte {
	b, _ := json.Marshal([]any{r.Seq, r.OccurredAt.UTC().Format(TimeLayout), r.ActorID, r.ActorRole, r.Action,
		r.EntityType, r.EntityID, r.ProjectID, r.Changes, r.Reason, r.RequestID, r.ClientIP})
	return b
}

// Hash is the hex SHA-256 of prev ‖ Canonical(r).
func Hash(prev string, r Row) string {
	h := sha256.New()
	h.Write([]byte(prev))
	h.Write(Canonical(r))
	return hex.EncodeToString(h.Sum(nil))
}

// Stored is a row as read back from the database, with its id and the hashes stored beside it.
type Stored struct {
	ID       int64
	Row      Row
	PrevHash string
	Hash     string
}

// Head is what a service keeps about the end of a chain: the last sequence number and hash. It lets
// Verify notice rows deleted from the end, which no later row links to.
type Head struct {
	Seq  int64
	Hash string
}

// Break names the first row where the chain does not hold.
type Break struct {
	ID     int64  // the row's database id (0 when the break is at the chain's head)
	Seq    int64  // its position in the chain
	Reason string // what does not match
}

func (b *Break) Error() string {
	return fmt.Sprintf("audit chain broken at row %d (seq %d): %s", b.ID, b.Seq, b.Reason)
}

// Verifier checks a chain row by row, in order; it holds only the previous row, so a long chain streams.
type Verifier struct {
	prevHash string
	seq      int64
	broken   *Break
	Checked  int64 // rows checked so far
}

// Next checks the next stored row and returns the first break found (then and on every later call).
func (v *Verifier) Next(s Stored) *Break {
	if v.broken != nil {
		return v.broken
	}
	v.Checked++
	want := v.seq + 1
	switch {
	case s.Row.Seq != want:
		v.broken = &Break{ID: s.ID, Seq: s.Row.Seq, Reason: fmt.Sprintf("sequence %d follows %d: a row is missing or was inserted", s.Row.Seq, v.seq)}
	case s.PrevHash != v.prevHash:
		v.broken = &Break{ID: s.ID, Seq: s.Row.Seq, Reason: "previous-hash link does not match the row before it"}
	case Hash(s.PrevHash, s.Row) != s.Hash:
		v.broken = &Break{ID: s.ID, Seq: s.Row.Seq, Reason: "row content does not match its hash: the row was altered"}
	}
	v.prevHash, v.seq = s.Hash, s.Row.Seq
	return v.broken
}

// End checks the chain's end against the head the service kept; call it after the last row.
func (v *Verifier) End(h Head) *Break {
	if v.broken != nil {
		return v.broken
	}
	if h.Seq != v.seq || h.Hash != v.prevHash {
		v.broken = &Break{Seq: v.seq, Reason: fmt.Sprintf("chain ends at seq %d but its head records seq %d: rows were deleted from the end or the head was altered", v.seq, h.Seq)}
	}
	return v.broken
}
