package logic

import (
	"context"
	"strings"
	"testing"

	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/common/testkit"
	"github.com/openepro/epro/user-rpc/internal/config"
	"github.com/openepro/epro/user-rpc/internal/svc"
	"github.com/openepro/epro/user-rpc/migrations"
	"github.com/openepro/epro/user-rpc/user"
	"github.com/zeromicro/go-zero/core/stores/cache"
	"github.com/zeromicro/go-zero/core/stores/redis"
)

func newSvc(t *testing.T) (*svc.ServiceContext, string) {
	return newSvcWithRedis(t, testkit.StartRedis(t))
}

func newSvcWithRedis(t *testing.T, redisAddr string) (*svc.ServiceContext, string) {
	dsn := testkit.NewDatabase(t, "user", migrations.FS)
	var c config.Config
	c.DataSource = dsn
	c.Cache = cache.CacheConf{{RedisConf: redis.RedisConf{Host: redisAddr, Type: "node"}, Weight: 100}}
	c.Phi.Keys = "t1:" + "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
	c.Phi.ActiveKey = "t1"
	return svc.NewServiceContext(c), dsn
}

func TestIdentityLifecycle(t *testing.T) {
	s, dsn := newSvc(t)
	ctx := actor.With(context.Background(), actor.Actor{UserID: 1, Role: "ADMIN", RequestID: "req-1", ClientIP: "127.0.0.1"})

	staff, err := NewCreateUserLogic(ctx, s).CreateUser(&user.CreateUserRequest{Kind: "staff", Username: "dr.li",
		Name: "李伟", Password: "correct horse battery", Phone: "13812345678", NationalId: "110101199003071234"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewCreateUserLogic(ctx, s).CreateUser(&user.CreateUserRequest{Kind: "staff", Username: "dr.li",
		Name: "x", Password: "another long password"}); errs.KindOf(err) != errs.KindConflict {
		t.Fatalf("duplicate username: %v", err)
	}
	for _, bad := range []*user.CreateUserRequest{
		{Kind: "staff", Username: "u1", Name: "n", Password: "short"},
		{Kind: "participant", Name: "n", Password: "12ab56"},
		{Kind: "robot", Name: "n"},
		{Kind: "staff", Username: "u2", Name: strings.Repeat("名", 200), Password: "long enough password"},
		{Kind: "staff", Username: "u3", Name: "n", Password: "long enough password", Phone: "'; DROP TABLE users; --"},
	} {
		if _, err := NewCreateUserLogic(ctx, s).CreateUser(bad); errs.KindOf(err) != errs.KindInvalid {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	// stored sealed, never in clear
	var phoneEnc []byte
	if err := testkit.OpenDB(t, dsn).QueryRow("SELECT phone_enc FROM users WHERE id = ?", staff.UserID).Scan(&phoneEnc); err != nil ||
		strings.Contains(string(phoneEnc), "13812345678") || len(phoneEnc) == 0 {
		t.Fatalf("phone at rest: %q %v", phoneEnc, err)
	}
	// masked by default, revealed on request
	got, err := NewBatchGetUsersLogic(ctx, s).BatchGetUsers(&user.BatchGetUsersRequest{UserIDs: []int64{staff.UserID, 99999, staff.UserID}})
	if err != nil || len(got.Users) != 1 || got.Users[0].Phone != "138****5678" || got.Users[0].NationalId != "110101********1234" || !got.Users[0].Masked {
		t.Fatalf("masked batch: %+v %v", got, err)
	}
	got, _ = NewBatchGetUsersLogic(ctx, s).BatchGetUsers(&user.BatchGetUsersRequest{UserIDs: []int64{staff.UserID}, RevealPhi: true})
	if got.Users[0].Phone != "13812345678" || got.Users[0].Masked {
		t.Fatalf("revealed: %+v", got.Users[0])
	}

	verify := func(req *user.VerifyCredentialsRequest) error {
		_, err := NewVerifyCredentialsLogic(ctx, s).VerifyCredentials(req)
		return err
	}
	if err := verify(&user.VerifyCredentialsRequest{Username: "dr.li", Password: "correct horse battery"}); err != nil {
		t.Fatal(err)
	}
	for _, req := range []*user.VerifyCredentialsRequest{
		{Username: "dr.li", Password: "wrong password!!"}, {Username: "nobody", Password: "x"},
		{UserID: staff.UserID, Password: "correct horse battery"}, // staff must use the username
	} {
		if err := verify(req); errs.KindOf(err) != errs.KindUnauthenticated {
			t.Errorf("%+v: %v", req, err)
		}
	}

	// participant: PIN set later by staff, then login by id; disabled cannot log in
	p, err := NewCreateUserLogic(ctx, s).CreateUser(&user.CreateUserRequest{Kind: "participant", Name: "张三"})
	if err != nil {
		t.Fatal(err)
	}
	if err := verify(&user.VerifyCredentialsRequest{UserID: p.UserID, Password: ""}); errs.KindOf(err) != errs.KindUnauthenticated {
		t.Fatalf("no PIN yet: %v", err)
	}
	if _, err := NewSetPasswordLogic(ctx, s).SetPassword(&user.SetPasswordRequest{UserID: p.UserID, NewPassword: "246810"}); err != nil {
		t.Fatal(err)
	}
	if err := verify(&user.VerifyCredentialsRequest{UserID: p.UserID, Password: "246810"}); err != nil {
		t.Fatal(err)
	}
	if _, err := NewChangePasswordLogic(ctx, s).ChangePassword(&user.ChangePasswordRequest{UserID: p.UserID, OldPassword: "000000", NewPassword: "135790"}); errs.KindOf(err) != errs.KindUnauthenticated {
		t.Fatalf("change with a wrong old PIN: %v", err)
	}
	if _, err := NewDisableUserLogic(ctx, s).DisableUser(&user.DisableUserRequest{UserID: p.UserID}); err != nil {
		t.Fatal(err)
	}
	err = verify(&user.VerifyCredentialsRequest{UserID: p.UserID, Password: "246810"})
	if e, ok := errs.As(err); !ok || e.Reason != "ACCOUNT_DISABLED" {
		t.Fatalf("disabled login: %v", err)
	}
	// PHI survives updates of rows read through the Redis cache (sealed values are text, not raw bytes)
	if _, err := NewSetPasswordLogic(ctx, s).SetPassword(&user.SetPasswordRequest{UserID: staff.UserID, NewPassword: "another long password"}); err != nil {
		t.Fatal(err)
	}
	if _, err := NewSetPasswordLogic(ctx, s).SetPassword(&user.SetPasswordRequest{UserID: staff.UserID, NewPassword: "a third long password"}); err != nil {
		t.Fatal(err)
	}
	got, err = NewBatchGetUsersLogic(ctx, s).BatchGetUsers(&user.BatchGetUsersRequest{UserIDs: []int64{staff.UserID}, RevealPhi: true})
	if err != nil || got.Users[0].Phone != "13812345678" || got.Users[0].NationalId != "110101199003071234" {
		t.Fatalf("PHI after updates: %+v %v", got, err)
	}
	// the cached read sees the change (cache dropped on update)
	info, err := NewGetUserInfoLogic(ctx, s).GetUserInfo(&user.GetUserInfoRequest{UserID: p.UserID})
	if err != nil || info.Name != "张三" {
		t.Fatalf("GetUserInfo: %+v %v", info, err)
	}

	// every mutation left an attributed audit row, without PHI values
	rows, err := testkit.OpenDB(t, dsn).Query("SELECT action, actor_id, actor_role, request_id, changes FROM audit_log ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var actions []string
	for rows.Next() {
		var action, role, req, changes string
		var actorID int64
		_ = rows.Scan(&action, &actorID, &role, &req, &changes)
		if actorID != 1 || role != "ADMIN" || req != "req-1" {
			t.Errorf("%s attributed to %d/%s/%s", action, actorID, role, req)
		}
		if strings.Contains(changes, "13812345678") || strings.Contains(changes, "李伟") || strings.Contains(changes, "246810") {
			t.Errorf("%s audit row holds PHI: %s", action, changes)
		}
		actions = append(actions, action)
	}
	want := "user.create,user.create,user.set_password,user.disable,user.set_password,user.set_password"
	if strings.Join(actions, ",") != want {
		t.Fatalf("audit actions %v, want %s", actions, want)
	}
}

// A database restored from a backup (or recreated) must not be shadowed by rows cached before: the cache is purged
// at start-up.
func TestStaleCacheIsPurgedAtStart(t *testing.T) {
	addr := testkit.StartRedis(t)
	rds := redis.New(addr)
	stale := `{"Id":1,"Kind":"staff","DisplayName":"Stale Name","Status":"active"}`
	if err := rds.Set("cache:users:id:1", stale); err != nil {
		t.Fatal(err)
	}
	s, dsn := newSvcWithRedis(t, addr)
	ctx := context.Background()
	// the restored row, written behind the service's back
	if _, err := testkit.OpenDB(t, dsn).Exec("INSERT INTO users (id, kind, display_name) VALUES (1, 'participant', 'Fresh Name')"); err != nil {
		t.Fatal(err)
	}
	info, err := NewGetUserInfoLogic(ctx, s).GetUserInfo(&user.GetUserInfoRequest{UserID: 1})
	if err != nil || info.Name != "Fresh Name" {
		t.Fatalf("GetUserInfo(1) = %+v, %v", info, err)
	}
}
