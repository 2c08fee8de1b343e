package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"fullwidth brackets", "（一）组织", "(一)组织"},
		{"fullwidth digits and comma", "１２３，４５６人", "123,456人"},
		{"fullwidth letters", "ａｂｃＡＢＣ", "abcABC"},
		{"fullwidth colon", "时间：３月１５日", "时间:3月15日"},
		{"cjk punctuation stays", "他说：“好。”《法》、", "他说:“好。”《法》、"},
		{"crlf and cr", "甲\r\n乙\r丙", "甲\n乙\n丙"},
		{"trailing and leading spaces", "  行末空格   \n\u3000\u3000下一行\t", "行末空格\n下一行"},
		{"blank line runs", "一\n\n \n\n二", "一\n\n二"},
		{"blank lines at the ends", "\n\n  开头\n\n", "开头"},
		{"zero width", "零\u200b宽\u200d字\ufeff符\u00ad", "零宽字符"},
		{"nbsp", "不\u00a0间断", "不 间断"},
		{"letter-spaced line", "万 安 县 应 急 管 理 局\n\u3000工 作 简 报", "万安县应急管理局\n工作简报"},
		{"letter-spaced words stay", "张三 李四 王五\n甲 乙\n某 县 2023 年", "张三 李四 王五\n甲 乙\n某 县 2023 年"},
		{"stray backtick", "开展形式的`宣传活动", "开展形式的宣传活动"},
		{"stray apostrophe", "辖区内的'店铺", "辖区内的店铺"},
		{"stray right quote", "活动的’目的", "活动的目的"},
		{"stray mark next to punctuation", "工作'，开展`。", "工作,开展。"},
		{"paired curly quotes stay", "他说‘好’，", "他说‘好’,"},
		{"paired ascii quotes stay", "标记'好'的", "标记'好'的"},
		{"mark between latin stays", "it's ab`cd", "it's ab`cd"},
		{"stray dot between han", "工作的.重点", "工作的重点"},
		{"dots in numbers stay", "3.15活动共2.5亿元", "3.15活动共2.5亿元"},
		{"letter l in digits", "热线123l5投诉", "热线12315投诉"},
		{"letter I and O in digits", "共1O0人，12I5", "共100人,1215"},
		{"letters in a model name stay", "型号A1l5和Win1O", "型号A1l5和Win1O"},
		{"fullwidth l in digits", "１２３ｌ５", "12315"},
		{"look-alike shi", "城巿管理", "城市管理"},
		{"circle as zero", "二○一○年", "二〇一〇年"},
		{"letter O as zero", "二O一Ｏ年", "二〇一〇年"},
		{"digit zero as zero", "二0一五年", "二〇一五年"},
		{"ling stays", "二〇二四年", "二〇二四年"},
		{"circle elsewhere stays", "○表示合格", "○表示合格"},
		{"hyphenation point", "3‧15", "3·15"},
		{"horizontal bar", "――", "——"},
		{"wave dash", "３月１日～５日、〜７日", "3月1日~5日、~7日"},
		{"kangxi radicals", "⼀⼆", "一二"},
		{"small form comma", "甲﹐乙﹑丙", "甲,乙、丙"},
		{"vertical form", "︵注︶", "(注)"},
		{"nfc", "cafe\u0301", "café"},
		{"compatibility ideograph", "\uF900", "豈"},
		{"tab inside a line stays", "甲\t乙", "甲\t乙"},
		{"control characters", "甲\x01乙\x7f", "甲乙"},
		{"invalid utf-8", "甲\xff乙", "甲\uFFFD乙"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, origin := Normalize(tt.in)
			if got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			checkOrigin(t, tt.in, got, origin)
		})
	}
}

// checkOrigin verifies the invariants of an origin map, and that every
// rune of text came from an equal or equivalent rune of src.
func checkOrigin(t *testing.T, src, text string, origin []int) {
	t.Helper()
	if n := utf8.RuneCountInString(text); len(origin) != n {
		t.Fatalf("len(origin) = %d, want %d runes", len(origin), n)
	}
	i := 0
	for _, r := range text {
		off := origin[i]
		if off < 0 || off >= len(src) {
			t.Fatalf("origin[%d] = %d out of range [0,%d)", i, off, len(src))
		}
		if i > 0 && off < origin[i-1] {
			t.Fatalf("origin[%d] = %d < origin[%d] = %d", i, off, i-1, origin[i-1])
		}
		o, _ := utf8.DecodeRuneInString(src[off:])
		if !equivalent(o, r) {
			t.Errorf("rune %d %q came from %q at %d", i, r, o, off)
		}
		i++
	}
}

// equivalent reports whether the normaliser may turn o into r.
func equivalent(o, r rune) bool {
	if o == r || width.Fold.String(string(o)) == string(r) || norm.NFKC.String(string(o)) == string(r) {
		return true
	}
	if d := norm.NFD.String(string(r)); strings.HasPrefix(d, string(o)) {
		return true
	}
	if s, ok := replacements[o]; ok && strings.ContainsRune(s, r) {
		return true
	}
	if o >= 0x2000 && o <= 0x200A && r == ' ' {
		return true
	}
	return false
}

func TestNormalizeOriginOffsets(t *testing.T) {
	// A decoded text of several lines: offsets must point into it across
	// removals, replacements and line tidying.
	src := "\ufeff  第一行：开展的`活动\r\n\r\n\r\n第二行１２３l5\u200b人。\n  \n第三行二○一○年  "
	text, origin := Normalize(src)
	want := "第一行:开展的活动\n\n第二行12315人。\n\n第三行二〇一〇年"
	if text != want {
		t.Fatalf("got %q, want %q", text, want)
	}
	checkOrigin(t, src, text, origin)
	// The 活 of 活动 sits right after the removed backtick.
	i := strings.Index(src, "活")
	k := utf8.RuneCountInString(text[:strings.Index(text, "活")])
	if origin[k] != i {
		t.Errorf("origin of 活 = %d, want %d", origin[k], i)
	}
}

// replacements lists the runes the normaliser may put in place of others.
var replacements = map[rune]string{
	'\r': "\n", '\v': "\n", '\f': "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n",
	'l': "1", 'I': "1", 'ｌ': "1", 'Ｉ': "1", 'O': "0〇", 'o': "0〇", 'Ｏ': "0〇", 'ｏ': "0〇",
	'○': "〇", '◯': "〇", '0': "〇", '０': "〇",
	0xA0: " ", 0x3000: " ", 0x202F: " ", 0x205F: " ",
	0x5DFF: "市", 0x2015: "—", 0x2027: "·", 0x30FB: "·", 0xFF65: "·", 0x2219: "·", 0x22C5: "·",
	0x301C: "~", 0x223C: "~", utf8.RuneError: string(utf8.RuneError),
}
