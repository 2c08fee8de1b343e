package extract

import "testing"

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
