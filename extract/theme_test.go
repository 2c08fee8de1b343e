package extract

import "testing"

// TestUnknownThemeLosesNoOverlap checks that a hit of a rule with
// require=known_theme whose text is no known theme does not win the
// overlap with a theme it covers.
func TestUnknownThemeLosesNoOverlap(t *testing.T) {
	rec := extractWithRuleFile(t, "theme.rules", "以“让读书成为习惯”为主题，在全校开展了读书月活动。",
		"theme  以 text=<quoted> 为 主题",
		"theme  主题 text=((<han> | ，){4,40}) &。  => require=known_theme")
	if len(rec.Themes) != 1 || rec.Themes[0].Text != "让读书成为习惯" {
		t.Errorf("themes %+v, want 让读书成为习惯", rec.Themes)
	}
}
