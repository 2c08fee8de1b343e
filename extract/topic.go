package extract

import (
	"strings"

	"zongjie/rules"
)

// topic is a genre known by its words (genres.tsv), for reports that name
// no observance: a 反诈 campaign has no day of its own.
type topic struct {
	genre string
	words []string
}

func (t *tables) loadTopics(tb *rules.Table) {
	for _, r := range tb.Rows {
		tp := topic{genre: tb.Cell(r, "genre"), words: splitList(tb.Cell(r, "words"))}
		if tp.genre != "" && len(tp.words) > 0 {
			t.topics = append(t.topics, tp)
		}
	}
}

// topicGenre returns the genre whose words the title and the start of the
// text name most (the title counts triple), or "" when no genre is named
// in the title or twice in the text.
func (t *tables) topicGenre(title, text string) string {
	best, most := "", 1
	for _, tp := range t.topics {
		n := 0
		for _, w := range tp.words {
			n += 3*strings.Count(title, w) + strings.Count(text, w)
		}
		if n > most {
			best, most = tp.genre, n
		}
	}
	return best
}
