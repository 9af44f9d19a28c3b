package mask

import (
	"regexp"
	"strings"
)

// Placeholders that replace identifiers in scrubbed text.
const (
	PhName    = "[姓名]"
	PhPhone   = "[电话]"
	PhID      = "[身份证号]"
	PhEmail   = "[邮箱]"
	PhAddress = "[地址]"
	PhNameEN  = "[NAME]"
)

var scrubbers = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`), PhEmail},
	// resident ID: 6-digit region, birth date, sequence, check digit (X allowed); also the old 15-digit form
	{regexp.MustCompile(`\b\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]\b|\b\d{15}\b`), PhID},
	// mainland mobiles, with or without +86 and separators
	{regexp.MustCompile(`(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}`), PhPhone},
	// landlines: area code and number
	{regexp.MustCompile(`\b0\d{2,3}[\s-]\d{7,8}\b`), PhPhone},
	// addresses: a run ending in a house number or a typical unit
	{regexp.MustCompile(`[\p{Han}\dA-Za-z]{2,30}(?:路|街|道|巷|胡同|大道)[\d一二三四五六七八九十百]+号(?:[\p{Han}\d]{0,12}(?:室|楼|单元|栋|幢))?`), PhAddress},
	{regexp.MustCompile(`[\p{Han}]{2,20}(?:小区|公寓|花园|村)[\d一二三四五六七八九十]*(?:号楼|栋|幢)?[\d]*(?:室)?`), PhAddress},
	// names introduced as names
	{regexp.MustCompile(`(我叫|我是|名字是|名字叫|姓名[:：]?|患者|病人|家属)[\p{Han}]{2,3}`), "${1}" + PhName},
	{regexp.MustCompile(`[\p{Han}]{1,2}(先生|女士|小姐|医生|大夫|护士|老师|阿姨|叔叔)`), PhName + "${1}"},
	{regexp.MustCompile(`(?i)\b(my name is|i am|i'm|this is|patient|mr\.?|mrs\.?|ms\.?|dr\.?)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?`), "${1} " + PhNameEN},
}

// Scrub replaces identifiers in free text with placeholders before it leaves the suite: e-mail addresses,
// national ID numbers, mobile and landline numbers, recognisable addresses, and names where the text introduces
// them as names (我叫…, …先生, "my name is …", Dr. …). It is best effort by design: names that appear with no
// cue are not found, which is why the built-in engine, which keeps text inside, is the default.
func Scrub(text string) string {
	for _, s := range scrubbers {
		text = s.re.ReplaceAllString(text, s.repl)
	}
	return text
}

// ScrubKnown additionally replaces known identifiers (a participant's own name, say) wherever they appear.
func ScrubKnown(text string, known ...string) string {
	for _, k := range known {
		if k = strings.TrimSpace(k); len([]rune(k)) >= 2 {
			text = strings.ReplaceAll(text, k, PhName)
		}
	}
	return Scrub(text)
}
