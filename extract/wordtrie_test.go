package extract

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// gseWords returns gse's segmentation of text in rune offsets.
func gseWords(s *Segmenter, text string) ([]span, []string) {
	var words []span
	var pos []string
	cur := runeCursor{s: text}
	for _, t := range s.Segment(text) {
		words = append(words, span{cur.at(t.Start), cur.at(t.End)})
		pos = append(pos, t.Pos)
	}
	return words, pos
}

// TestWordTrieSegmentsAsGse checks that the analysis's own segmentation
// gives gse's words and parts of speech.
func TestWordTrieSegmentsAsGse(t *testing.T) {
	s, err := LoadSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"", " ", "a", "ABC股票", "3D打印技术和CPU、GPU", "Ünïcode café 东京都 ÀB12中心",
		"２０２３年，全市开展活动300多人次。\n\n  第四届 消费者协会",
		"𠀀𠀁𪚥 今天 e-mail, iPhone15 Pro Max; α β γ",
	}
	for _, d := range sampleDocs(t) {
		texts = append(texts, d.Text)
	}
	var ws wordScratch
	for _, text := range texts {
		if !utf8.ValidString(text) {
			continue
		}
		want, wantPos := gseWords(s, text)
		got, ids := s.words().segment([]rune(text), &ws, nil, nil)
		var gotPos []string
		for _, id := range ids {
			gotPos = append(gotPos, s.words().posNames[id])
		}
		if !slices.Equal(got, want) || !slices.Equal(gotPos, wantPos) {
			t.Errorf("%.40q: words differ from gse's:\n got %v %v\nwant %v %v", text, got, gotPos, want, wantPos)
		}
	}
}
