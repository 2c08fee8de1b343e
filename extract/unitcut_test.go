package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestUnitRunOns checks that the rules read a measure word after a number
// as a word of its own, and the text after it segmented again, while the
// words for the index stay gse's.
func TestUnitRunOns(t *testing.T) {
	e := newTestExtractor(t)
	cases := []struct {
		text      string
		rule      string // the rules' words, joined with /
		indexWord string // a word gse finds, kept for the index
	}{
		{"检查23家用人单位。", "检查/23/家/用人/单位/。", "家用"},
		{"共有12个人参加活动", "共有/12/个/人/参加/活动", "个人"},
		{"发放5台家用电器", "发放/5/台/家用电器", "家用电器"},
		{"出动执法人员30人次", "出动/执法人员/30/人次", "人次"},
	}
	for _, c := range cases {
		w := e.workspace()
		e.analyse(&w.a, c.text)
		var got []string
		for _, s := range w.a.toks {
			got = append(got, string(w.a.text[s.start:s.end]))
		}
		if g := strings.Join(got, "/"); g != c.rule {
			t.Errorf("%s: the rules read %s, want %s", c.text, g, c.rule)
		}
		var index []string
		for _, s := range w.a.words {
			index = append(index, string(w.a.text[s.start:s.end]))
		}
		if !slices.Contains(index, c.indexWord) {
			t.Errorf("%s: the index words %v lack %s", c.text, index, c.indexWord)
		}
		e.pool.Put(w)
	}
}
