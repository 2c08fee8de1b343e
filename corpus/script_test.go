package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestToSimplified(t *testing.T) {
	for _, tc := range []struct {
		in, want  string
		converted bool
	}{
		{"區消費者委員會聯合區市場監管局開展宣傳，發放資料1.5萬餘份。", "区消费者委员会联合区市场监管局开展宣传，发放资料1.5万余份。", true},
		{"臺灣地區的義診和健康講座共18場", "台湾地区的义诊和健康讲座共18场", true},
		// Hong Kong's variant characters (衞 for 衛).
		{"香港海關聯同食物環境衞生署舉辦推廣活動", "香港海关联同食物环境卫生署举办推广活动", true},
		// A simplified text that quotes one traditional name stays as it is.
		{"区消协联合区市场监督管理局开展宣传活动，发放宣传资料一千余份，现场解答群众咨询，并邀请《蘋果日報》记者采访报道了本次活动的开展情况。", "", false},
		{"", "", false},
	} {
		got, ok := toSimplified(tc.in)
		if ok != tc.converted {
			t.Errorf("toSimplified(%q) converted = %v, want %v", tc.in, ok, tc.converted)
		}
		if !ok {
			if got != tc.in {
				t.Errorf("toSimplified(%q) changed a text it did not convert: %q", tc.in, got)
			}
			continue
		}
		if got != tc.want {
			t.Errorf("toSimplified(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(tc.in) {
			t.Errorf("toSimplified(%q) changed the length", tc.in)
		}
	}
}

// TestReadTraditional checks that a traditional report is read in
// simplified characters with the text as written beside it, one character
// for one, and keeps its title as written.
func TestReadTraditional(t *testing.T) {
	src := "思明區全國科普日活動總結\n\n為貫徹落實《中華人民共和國科學技術普及法》，區科協聯合區教育局開展活動，發放宣傳資料1.5萬餘份。\n"
	docs, err := Read("trad.txt", strings.NewReader(src))
	if err != nil || len(docs) != 1 {
		t.Fatalf("Read: %v, %d documents", err, len(docs))
	}
	d := docs[0]
	if d.Title != "思明區全國科普日活動總結" {
		t.Errorf("title %q, want it as written", d.Title)
	}
	if !strings.Contains(d.Text, "区科协联合区教育局") || !strings.Contains(d.Written, "區科協聯合區教育局") {
		t.Errorf("text %q / written %q", d.Text, d.Written)
	}
	if utf8.RuneCountInString(d.Text) != utf8.RuneCountInString(d.Written) {
		t.Errorf("Text and Written differ in length")
	}
	simp, _ := Read("simp.txt", strings.NewReader("区科协活动总结\n\n区科协联合区教育局开展活动。\n"))
	if simp[0].Written != "" {
		t.Errorf("a simplified text got Written %q", simp[0].Written)
	}
}
