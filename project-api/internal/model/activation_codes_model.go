package model

import (
	"context"
	"time"

	"github.com/openepro/epro/common/audit"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

var _ ActivationCodesModel = (*customActivationCodesModel)(nil)

type (
	// ActivationCodesModel is an interface to be customized, add more methods here,
	// and implement the added methods in customActivationCodesModel.
	ActivationCodesModel interface {
		activationCodesModel
		withSession(session sqlx.Session) ActivationCodesModel
		// Issue stores a new code for a participant, supersedes their unused codes, and audits it, in one transaction.
		Issue(ctx context.Context, participantID int64, codeHash string, expires time.Time, createdBy int64, e audit.Entry) error
		// Consume marks the participant's unused, unexpired code with this hash used; false when there is none.
		Consume(ctx context.Context, participantID int64, codeHash string) (id int64, ok bool, err error)
		// Release makes a consumed code usable again (when setting the PIN failed).
		Release(ctx context.Context, id int64) error
	}

	customActivationCodesModel struct {
		*defaultActivationCodesModel
	}
)

// NewActivationCodesModel returns a model for the database table.
func NewActivationCodesModel(conn sqlx.SqlConn) ActivationCodesModel {
	return &customActivationCodesModel{
		defaultActivationCodesModel: newActivationCodesModel(conn),
	}
}

func (m *customActivationCodesModel) withSession(session sqlx.Session) ActivationCodesModel {
	return NewActivationCodesModel(sqlx.NewSqlConnFromSession(session))
}

func (m *customActivationCodesModel) Issue(ctx context.Context, participantID int64, codeHash string, expires time.Time,
	createdBy int64, e audit.Entry) error {
	return m.conn.TransactCtx(ctx, func(ctx context.Context, s sqlx.Session) error {
		if _, err := s.ExecCtx(ctx, "UPDATE activation_codes SET used_at = NOW(3) WHERE participant_id = ? AND used_at IS NULL",
			participantID); err != nil {
			return err
		}
		if _, err := s.ExecCtx(ctx, "INSERT INTO activation_codes (participant_id, code_hash, expires_at, created_by) VALUES (?, ?, ?, ?)",
			participantID, codeHash, expires.UTC(), createdBy); err != nil {
			return err
		}
		return audit.Record(ctx, s, e)
	})
}

func (m *customActivationCodesModel) Consume(ctx context.Context, participantID int64, codeHash string) (int64, bool, error) {
	var id int64
	err := m.conn.QueryRowCtx(ctx, &id, "SELECT id FROM activation_codes WHERE participant_id = ? AND code_hash = ? "+
		"AND used_at IS NULL AND expires_at > NOW(3)", participantID, codeHash)
	if err == sqlx.ErrNotFound {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	res, err := m.conn.ExecCtx(ctx, "UPDATE activation_codes SET used_at = NOW(3) WHERE id = ? AND used_at IS NULL", id)
	if err != nil {
		return 0, false, err
	}
	n, _ := res.RowsAffected()
	return id, n == 1, nil
}

func (m *customActivationCodesModel) Release(ctx context.Context, id int64) error {
	_, err := m.conn.ExecCtx(ctx, "UPDATE activation_codes SET used_at = NULL WHERE id = ?", id)
	return err
}
