package mask

import "testing"

func TestNationalID(t *testing.T) {
	tests := map[string]string{
		"110101199003071234":    "110101********1234",
		"11010119900307123X":    "110101********123X",
		"110101900307123":       "110101*****7123",
		"":                      "",
		"  44030419851212001x ": "440304********001x",
		"A123456789":            "A1******89",
		"12":                    "**",
		"身份证":                   "***",
	}
	for in, want := range tests {
		if got := NationalID(in); got != want {
			t.Errorf("NationalID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMobile(t *testing.T) {
	tests := map[string]string{
		"13812345678":       "138****5678",
		"+8613812345678":    "+86138****5678",
		"+86 138 1234 5678": "+86 138****5678",
		"138-1234-5678":     "138****5678",
		"010-12345678":      "********5678",
		"":                  "",
		"123":               "**3",
		"x":                 "*",
	}
	for in, want := range tests {
		if got := Mobile(in); got != want {
			t.Errorf("Mobile(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestName(t *testing.T) {
	tests := map[string]string{
		"张三":         "张*",
		"李小龙":        "李**",
		"欧阳娜娜":       "欧阳**",
		"欧阳":         "欧*",
		"司马光":        "司马*",
		"王":          "王",
		"Alex Smith": "A*** S****",
		"":           "",
		"  ":         "",
	}
	for in, want := range tests {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEmail(t *testing.T) {
	tests := map[string]string{
		"zhang.san@example.com": "z********@example.com",
		"a@b.cn":                "a***@b.cn",
		"not-an-email":          "************",
		"@x.com":                "******",
	}
	for in, want := range tests {
		if got := Email(in); got != want {
			t.Errorf("Email(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzMaskNeverPanics(f *testing.F) {
	for _, s := range []string{"110101199003071234", "+86", "欧阳", "\xff\xfe", "@", "a@"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = NationalID(s)
		_ = Mobile(s)
		_ = Name(s)
		_ = Email(s)
	})
}
