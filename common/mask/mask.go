// Package mask hides personal identifiers for display, following PIPL practice: Chinese national ID numbers keep
// the first 6 and last 4 characters (digits 7-14 are the birth date, 17 the sex), mobile numbers keep 3 + 4,
// names keep the surname, e-mail addresses keep the first character of the local part. Masking is display
// protection, not de-identification. The functions never panic, whatever the input.
package mask

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Star is the masking character.
const Star = '*'

// compoundSurnames are two-character Chinese surnames (复姓) kept whole.
var compoundSurnames = map[string]bool{
	"欧阳": true, "司马": true, "上官": true, "诸葛": true, "东方": true, "皇甫": true, "尉迟": true, "公孙": true,
	"慕容": true, "长孙": true, "宇文": true, "司徒": true, "夏侯": true, "令狐": true, "独孤": true, "南宫": true,
	"西门": true, "端木": true, "轩辕": true, "呼延": true, "澹台": true, "公冶": true, "太史": true, "申屠": true,
}

func stars(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(string(Star), n)
}

// keepEnds keeps the first head and last tail runes of s and stars the rest; when s is too short to keep both
// and still hide something, it hides everything.
func keepEnds(s string, head, tail int) string {
	r := []rune(s)
	if len(r) <= head+tail {
		return stars(len(r))
	}
	return string(r[:head]) + stars(len(r)-head-tail) + string(r[len(r)-tail:])
}

// NationalID masks a national ID number: 18-character resident IDs keep the first 6 and last 4 (110101********1234);
// other formats keep at most their first and last quarter.
func NationalID(id string) string {
	id = strings.TrimSpace(id)
	if id == "" {
		return ""
	}
	n := utf8.RuneCountInString(id)
	if n == 18 || n == 15 {
		return keepEnds(id, 6, 4)
	}
	return keepEnds(id, n/4, n/4)
}

// Mobile masks a phone number: mainland mobiles keep 3 + 4 (138****5678), with a +86/86 prefix kept as is;
// other numbers keep their last 4 digits at most.
func Mobile(phone string) string {
	p := strings.TrimSpace(phone)
	if p == "" {
		return ""
	}
	prefix := ""
	for _, cc := range []string{"+86 ", "+86-", "+86", "0086"} {
		if strings.HasPrefix(p, cc) {
			prefix, p = cc, p[len(cc):]
			break
		}
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, p)
	if len(digits) == 11 && digits[0] == '1' {
		return prefix + digits[:3] + "****" + digits[7:]
	}
	n := utf8.RuneCountInString(p)
	return prefix + keepEnds(p, 0, min(4, n/3))
}

// Name keeps a Chinese surname (张*, 欧阳** for compound surnames); a name in Latin letters keeps the initial
// of each word ("Alex Smith" → "A*** S****").
func Name(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	r := []rune(name)
	if isHan(r[0]) {
		if len(r) >= 3 && compoundSurnames[string(r[:2])] {
			return string(r[:2]) + stars(len(r)-2)
		}
		if len(r) == 1 {
			return name
		}
		return string(r[:1]) + stars(len(r)-1)
	}
	words := strings.Fields(name)
	for i, w := range words {
		wr := []rune(w)
		words[i] = string(wr[:1]) + stars(len(wr)-1)
	}
	return strings.Join(words, " ")
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// Email keeps the first character of the local part and the domain: z***@example.com.
func Email(email string) string {
	email = strings.TrimSpace(email)
	at := strings.LastIndexByte(email, '@')
	if at <= 0 {
		return keepEnds(email, 0, 0)
	}
	local := []rune(email[:at])
	return string(local[:1]) + stars(max(len(local)-1, 3)) + email[at:]
}
