package extract

import (
	"strings"
	"testing"
)

func TestGenreFromTopicWords(t *testing.T) {
	e := newTestExtractor(t)
	for _, c := range []struct{ title, text, want string }{
		{"青山区反诈骗宣传进社区活动总结", "民警讲解防范电信网络诈骗知识。", "反诈"},
		{"工作总结", "开展防范电信网络诈骗宣传，揭露电信诈骗手法。", "反诈"},
		{"工作总结", "本月开展了一次防骗讲座。", ""},   // named once in the text: too little
		{"全国科普日活动总结", "开展反诈宣传。", "科普"}, // an observance wins over topic words
		{"社区活动总结", "组织居民包饺子。", ""},
	} {
		if got := e.genre(c.title, c.text); got != c.want {
			t.Errorf("genre(%q, %q) = %q, want %q", c.title, c.text, got, c.want)
		}
	}
}

// TestEachObservanceNameReach compares eachObservanceName on runes with a
// search of the first genreReach bytes of the text, around that limit and
// with invalid UTF-8 before a name.
func TestEachObservanceNameReach(t *testing.T) {
	e := newTestExtractor(t)
	var name string
	for _, ns := range e.tables.obsNames {
		name = string(ns[0].runes)
		break
	}
	if name == "" {
		t.Skip("no observance names")
	}
	for _, pad := range []string{"x", "中", "\xe4\xb8", "\xff"} {
		for n := (genreReach-len(name))/len(pad) - 3; n*len(pad) <= genreReach; n++ {
			text := strings.Repeat(pad, n) + name + "。"
			want := 0
			s := text[:min(len(text), genreReach)]
			for i, r := range s {
				for _, o := range e.tables.obsNames[r] {
					if strings.HasPrefix(s[i:], string(o.runes)) {
						want++
					}
				}
			}
			got := 0
			e.tables.eachObservanceName(newTextPart(text, genreReach), func(string) { got++ })
			if got != want {
				t.Errorf("pad %q ×%d: %d names, want %d", pad, n, got, want)
			}
		}
	}
}
