package user

import (
	"bytes"
	"strings"
	"testing"

	"github.com/zeromicro/go-zero/core/logx"
)

func TestLogsNeverShowPHI(t *testing.T) {
	var buf bytes.Buffer
	logx.SetWriter(logx.NewWriter(&buf))
	defer logx.Reset()
	req := &CreateUserRequest{Kind: "participant", Name: "张三", Phone: "13812345678", NationalId: "110101199003071234", Password: "246810"}
	logx.Infov(req)
	logx.Infow("create", logx.Field("req", req))
	logx.Infov(&BatchGetUsersResponse{Users: []*UserRecord{{Name: "欧阳娜娜", Phone: "13900000000"}}})
	out := buf.String()
	for _, s := range []string{"张三", "13812345678", "110101199003071234", "246810", "欧阳娜娜", "13900000000"} {
		if strings.Contains(out, s) {
			t.Errorf("log holds %q: %s", s, out)
		}
	}
	if !strings.Contains(out, "138****5678") || !strings.Contains(out, "张*") {
		t.Errorf("masked values missing: %s", out)
	}
	if req.Phone != "13812345678" {
		t.Error("masking changed the request itself")
	}
}
