package index

import (
	"html"
	"sort"
	"strings"
	"unicode/utf8"
)

// Snippet limits: the sentences shown around the matches.
const (
	snippetSentences = 2   // sentences with matches shown at most
	snippetMaxRunes  = 160 // a longer sentence is cut around its match
)

type byteSpan struct{ start, end int }

// snippet builds the HTML snippet of a hit: the first sentences of the body
// that hold a match, whole (or cut around the match when very long), every
// match marked with <mark> and everything else escaped. Without matches it
// is the start of the body.
func snippet(body string, matches []byteSpan, words []string) string {
	if len(matches) == 0 {
		matches = findWords(body, words)
	}
	matches = mergeSpans(matches)
	if len(matches) == 0 {
		return html.EscapeString(cutRunes(firstLine(body), snippetMaxRunes))
	}
	var parts []string
	used := map[int]bool{}
	for _, m := range matches {
		s, e := sentenceAround(body, m.start)
		if used[s] {
			continue
		}
		used[s] = true
		parts = append(parts, markSentence(body, s, e, matches))
		if len(parts) == snippetSentences {
			break
		}
	}
	return strings.Join(parts, " … ")
}

// findWords finds the query words in the body when the index gave no
// locations (a word found through the bigram field only, say).
func findWords(body string, words []string) []byteSpan {
	var out []byteSpan
	for _, w := range words {
		for i := 0; w != "" && i < len(body); {
			j := strings.Index(body[i:], w)
			if j < 0 {
				break
			}
			out = append(out, byteSpan{i + j, i + j + len(w)})
			i += j + len(w)
		}
	}
	return out
}

func mergeSpans(spans []byteSpan) []byteSpan {
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var out []byteSpan
	for _, s := range spans {
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// sentenceEnds are the characters that end a sentence in a snippet.
const sentenceEnds = "。！？!?；;\n"

// sentenceAround returns the byte span of the sentence holding offset i.
func sentenceAround(body string, i int) (int, int) {
	s := strings.LastIndexAny(body[:i], sentenceEnds)
	if s < 0 {
		s = 0
	} else {
		_, size := utf8.DecodeRuneInString(body[s:])
		s += size
	}
	e := strings.IndexAny(body[i:], sentenceEnds)
	if e < 0 {
		e = len(body)
	} else {
		_, size := utf8.DecodeRuneInString(body[i+e:])
		e = i + e + size
	}
	return s, e
}

// markSentence writes body[s:e] escaped with the matches marked, cut
// around the first match when it is too long.
func markSentence(body string, s, e int, matches []byteSpan) string {
	s, e = trimAround(body, s, e, matches)
	var b strings.Builder
	if s > 0 && !strings.ContainsAny(body[max(0, s-3):s], sentenceEnds) {
		b.WriteString("…")
	}
	pos := s
	for _, m := range matches {
		if m.end <= s || m.start >= e {
			continue
		}
		ms, me := max(m.start, s), min(m.end, e)
		b.WriteString(html.EscapeString(strings.TrimSpace(body[pos:ms])))
		b.WriteString("<mark>" + html.EscapeString(body[ms:me]) + "</mark>")
		pos = me
	}
	b.WriteString(html.EscapeString(strings.TrimRight(body[pos:e], "\n")))
	if e < len(body) && !strings.ContainsAny(body[max(s, e-3):e], sentenceEnds) {
		b.WriteString("…")
	}
	return b.String()
}

// trimAround narrows a long sentence to snippetMaxRunes around its first
// match.
func trimAround(body string, s, e int, matches []byteSpan) (int, int) {
	if utf8.RuneCountInString(body[s:e]) <= snippetMaxRunes {
		return s, e
	}
	first := s
	for _, m := range matches {
		if m.start >= s && m.start < e {
			first = m.start
			break
		}
	}
	lo := first
	for n := 0; lo > s && n < snippetMaxRunes/3; n++ {
		_, size := utf8.DecodeLastRuneInString(body[:lo])
		lo -= size
	}
	hi := lo
	for n := 0; hi < e && n < snippetMaxRunes; n++ {
		_, size := utf8.DecodeRuneInString(body[hi:])
		hi += size
	}
	return lo, hi
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		rest := strings.TrimSpace(s[i+1:])
		if rest != "" {
			return cutRunes(rest, snippetMaxRunes)
		}
	}
	return s
}

func cutRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
