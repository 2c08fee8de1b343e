package extract

import (
	"testing"
	"testing/fstest"

	"zongjie/corpus"
)

// TestUnknownThemeLosesNoOverlap checks that a hit of a rule with
// require=known_theme whose text is no known theme does not win the
// overlap with a theme it covers.
func TestUnknownThemeLosesNoOverlap(t *testing.T) {
	layer := fstest.MapFS{"theme.rules": {Data: []byte(
		"theme  以 text=<quoted> 为 主题\n" +
			"theme  主题 text=((<han> | ，){4,40}) &。  => require=known_theme\n")}}
	x := newLayeredExtractor(t, layer)
	rec := x.Extract(corpus.Document{Text: "以“让读书成为习惯”为主题，在全校开展了读书月活动。"})
	if len(rec.Themes) != 1 || rec.Themes[0].Text != "让读书成为习惯" {
		t.Errorf("themes %+v, want 让读书成为习惯", rec.Themes)
	}
}
