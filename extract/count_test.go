package extract

import (
	"slices"
	"testing"

	"zongjie/corpus"
)

func TestTrimQuotes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"“宣传单”", "宣传单"},
		{"“法律明白人”培训", "“法律明白人”培训"},
		{"培训“法律明白人”", "培训“法律明白人”"},
		{"`宣传资料", "`宣传资料"}, // a backquote is no quote mark
		{"'宣传资料", "宣传资料"},
		{"宣传资料”", "宣传资料"},
		{"“一”和“二”", "“一”和“二”"},
		{"「消费」", "消费"},
		{"”", ""},
		{"", ""},
	} {
		if got := trimQuotes(c.in); got != c.want {
			t.Errorf("trimQuotes(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCountPartOf(t *testing.T) {
	e := newTestExtractor(t)
	for _, c := range []struct {
		text string
		want []int // PartOf of each count, in order
	}{
		{"共受理投诉44起，其中申诉28起、举报13起。", []int{0, 1, 1}},
		{"共受理投诉举报156件，其中投诉98件、举报58件，为消费者挽回损失12.6万余元。", []int{0, 1, 1, 0}},
		{"检查商户1860户次，其中餐饮店560户。", []int{0, 1}},
		{"发放宣传资料5000份，其中读本1200册、手册2400本，接受群众咨询1300余人次。", []int{0, 1, 1, 0}},
		{"受理投诉44起。其中一起涉及网购，另发放资料300份。", []int{0, 0}},
	} {
		rec := e.Extract(corpus.Document{ID: "x", Title: "t", Text: c.text})
		var got []int
		for _, n := range rec.Counts {
			got = append(got, n.PartOf)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: part_of %v, want %v (%v)", c.text, got, c.want, rec.Counts)
		}
	}
}

// TestCountActions checks which action each count gets: its own, the one
// before a list it counts, or the first item's, shared along a list, but
// not by a measure of what was done nor across a semicolon.
func TestCountActions(t *testing.T) {
	e := newTestExtractor(t)
	for _, c := range []struct {
		text string
		want []string // the action of each count, in order
	}{
		{"发放手册400本、折页1000份。", []string{"发放", "发放"}},
		{"发放手册400本，折页1000份。", []string{"发放", "发放"}},
		{"发放手册400本；折页1000份。", []string{"发放", ""}},
		{"推送防骗短视频12期，播放量超过6万次。", []string{"推送", ""}},
		{"张贴标语、挂图450余张。", []string{"张贴"}},
		{"赠送围裙、购物袋等宣传品2600份。", []string{"赠送"}},
		{"编发安全提示和预警信息15条。", []string{"编发"}},
		{"开展宣讲22场，受众群众5600余人。", []string{"开展", ""}},
	} {
		rec := e.Extract(corpus.Document{ID: "x", Title: "t", Text: c.text})
		var got []string
		for _, n := range rec.Counts {
			got = append(got, n.Action)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: actions %q, want %q", c.text, got, c.want)
		}
	}
}
