package auth

import (
	"context"
	"strings"

	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/zeromicro/go-zero/core/limit"
	"github.com/zeromicro/go-zero/core/logx"
)

// ReasonTooManyAttempts is the reason of a throttled login.
const ReasonTooManyAttempts = "TOO_MANY_ATTEMPTS"

// Throttle counts failed logins per account and per client IP in Redis with go-zero's PeriodLimit. A key whose
// quota is used up is locked for the rest of its window: the next attempt, right or wrong, gets 429.
type Throttle struct {
	svc     *svc.ServiceContext
	account string
	ip      string
}

func NewThrottle(ctx context.Context, s *svc.ServiceContext, account string) Throttle {
	return Throttle{svc: s, account: strings.ToLower(account), ip: actor.From(ctx).ClientIP}
}

func lockKey(kind, key string) string { return "epro:login:lock:" + kind + ":" + key }

func tooMany() error {
	return errs.New(errs.KindExhausted, ReasonTooManyAttempts, "too many failed logins: try again later")
}

// Check refuses an attempt while the account or the IP is locked.
func (t Throttle) Check(ctx context.Context) error {
	for _, k := range [][2]string{{"acct", t.account}, {"ip", t.ip}} {
		locked, err := t.svc.Redis.ExistsCtx(ctx, lockKey(k[0], k[1]))
		if err != nil {
			// fail closed would lock everyone out when Redis is down; fail open and say so
			logx.WithContext(ctx).Errorf("login throttle unavailable: %v", err)
			return nil
		}
		if locked {
			return tooMany()
		}
	}
	return nil
}

// Failed counts a failure and locks the account or IP when it used up its quota.
func (t Throttle) Failed(ctx context.Context) {
	window := t.svc.Config.LoginThrottle.Window
	for _, k := range []struct {
		kind, key string
		limiter   *limit.PeriodLimit
	}{{"acct", t.account, t.svc.AccountFailures}, {"ip", t.ip, t.svc.IPFailures}} {
		code, err := k.limiter.TakeCtx(ctx, k.key)
		if err != nil {
			logx.WithContext(ctx).Errorf("login throttle unavailable: %v", err)
			continue
		}
		if code == limit.HitQuota || code == limit.OverQuota {
			_ = t.svc.Redis.SetexCtx(ctx, lockKey(k.kind, k.key), "1", window)
		}
	}
}
