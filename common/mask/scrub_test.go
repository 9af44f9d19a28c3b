package mask

import (
	"strings"
	"testing"
)

func TestScrub(t *testing.T) {
	cases := []struct {
		in    string
		gone  []string
		keeps []string
	}{
		{"我叫张三，电话13812345678，身份证110101199003071234，最近胸痛", []string{"张三", "13812345678", "110101199003071234"}, []string{"胸痛", PhPhone, PhID}},
		{"家属李四说 +86 138-1234-5678 打不通", []string{"李四", "1234-5678"}, []string{"打不通"}},
		{"住在北京市朝阳区建国路88号3单元, 邮箱 zhang.san@example.com", []string{"建国路88号", "zhang.san@example.com"}, []string{PhEmail}},
		{"王医生说要复查，座机 010-12345678", []string{"王医生", "12345678"}, []string{"复查"}},
		{"My name is John Smith, call 13912345678. Dr. Alice Wong said rest.", []string{"John", "Smith", "Alice", "13912345678"}, []string{"said rest"}},
		{"no identifiers here, just pain 7/10 since 2024", nil, []string{"pain 7/10 since 2024"}},
	}
	for _, c := range cases {
		out := Scrub(c.in)
		for _, g := range c.gone {
			if strings.Contains(out, g) {
				t.Errorf("%q → %q still holds %q", c.in, out, g)
			}
		}
		for _, k := range c.keeps {
			if !strings.Contains(out, k) {
				t.Errorf("%q → %q lost %q", c.in, out, k)
			}
		}
	}
	if out := ScrubKnown("欧阳娜娜今天很累", "欧阳娜娜"); strings.Contains(out, "欧阳娜娜") {
		t.Errorf("known name kept: %q", out)
	}
}

func FuzzScrub(f *testing.F) {
	f.Add("我叫张三 13812345678")
	f.Fuzz(func(t *testing.T, s string) { _ = Scrub(s) })
}
