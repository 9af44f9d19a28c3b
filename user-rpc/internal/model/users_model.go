package model

import (
	"context"
	"fmt"
	"strings"

	"github.com/openepro/epro/common/audit"
	"github.com/zeromicro/go-zero/core/stores/cache"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

var _ UsersModel = (*customUsersModel)(nil)

// CachePattern matches every cache key of the users table.
const CachePattern = "cache:users:*"

type (
	// UsersModel is an interface to be customized, add more methods here,
	// and implement the added methods in customUsersModel.
	UsersModel interface {
		usersModel
		// FindMany returns the users with the given ids (unknown ids left out), bypassing the cache.
		FindMany(ctx context.Context, ids []int64) ([]*Users, error)
		// InsertAudited inserts u and its audit row in one transaction and returns the new id.
		InsertAudited(ctx context.Context, u *Users, e audit.Entry) (int64, error)
		// UpdateAudited writes u and its audit row in one transaction and drops u's cache entries.
		UpdateAudited(ctx context.Context, u *Users, e audit.Entry) error
	}

	customUsersModel struct {
		*defaultUsersModel
	}
)

// NewUsersModel returns a model for the database table.
func NewUsersModel(conn sqlx.SqlConn, c cache.CacheConf, opts ...cache.Option) UsersModel {
	return &customUsersModel{
		defaultUsersModel: newUsersModel(conn, c, opts...),
	}
}

func (m *customUsersModel) FindMany(ctx context.Context, ids []int64) ([]*Users, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	query := fmt.Sprintf("select %s from %s where `id` in (%s)", usersRows, m.table,
		strings.TrimSuffix(strings.Repeat("?,", len(ids)), ","))
	var rows []*Users
	err := m.QueryRowsNoCacheCtx(ctx, &rows, query, args...)
	return rows, err
}

func (m *customUsersModel) InsertAudited(ctx context.Context, u *Users, e audit.Entry) (int64, error) {
	var id int64
	err := m.TransactCtx(ctx, func(ctx context.Context, s sqlx.Session) error {
		query := fmt.Sprintf("insert into %s (%s) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", m.table, usersRowsExpectAutoSet)
		res, err := s.ExecCtx(ctx, query, u.Kind, u.Username, u.DisplayName, u.PasswordHash, u.Status, u.PlatformRole,
			u.PhoneEnc, u.PhoneKey, u.NationalIdEnc, u.NationalIdKey)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		e.EntityID = fmt.Sprint(id)
		return audit.Record(ctx, s, e)
	})
	if err != nil {
		return 0, err
	}
	// drop a cached "not found" for the username or id
	_ = m.DelCacheCtx(ctx, fmt.Sprintf("%s%v", cacheUsersIdPrefix, id), fmt.Sprintf("%s%v", cacheUsersUsernamePrefix, u.Username))
	return id, nil
}

func (m *customUsersModel) UpdateAudited(ctx context.Context, u *Users, e audit.Entry) error {
	err := m.TransactCtx(ctx, func(ctx context.Context, s sqlx.Session) error {
		query := fmt.Sprintf("update %s set %s where `id` = ?", m.table, usersRowsWithPlaceHolder)
		if _, err := s.ExecCtx(ctx, query, u.Kind, u.Username, u.DisplayName, u.PasswordHash, u.Status, u.PlatformRole,
			u.PhoneEnc, u.PhoneKey, u.NationalIdEnc, u.NationalIdKey, u.Id); err != nil {
			return err
		}
		return audit.Record(ctx, s, e)
	})
	if err != nil {
		return err
	}
	return m.DelCacheCtx(ctx, fmt.Sprintf("%s%v", cacheUsersIdPrefix, u.Id), fmt.Sprintf("%s%v", cacheUsersUsernamePrefix, u.Username))
}
