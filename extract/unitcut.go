package extract

// unitRunOnMax is how far past a measure word unitRunOns segments again,
// in runes: about a noun phrase.
const unitRunOnMax = 12

// unitRunOns returns the words the rules read: the words of the text
// (a.words), except where a word runs on past a measure word just after a
// number. gse reads 23家用人单位 as 23/家用/人/单位 and 12个人参加 as
// 12/个人/参加, losing what was counted; there the text from the measure
// word's end to about a phrase later is segmented again on its own, to
// read 家/用人单位 and 个/人/参加. The words for the index stay as gse
// finds them.
func (a *analysis) unitRunOns(units *class) ([]span, []uint16) {
	if units == nil || a.trie == nil {
		return a.words, a.wordPos
	}
	words, pos := a.words, a.wordPos
	out, outPos := a.ruleWords[:0], a.rulePos[:0]
	copied, w := 0, 0 // words[:copied] are in out, if any run-on was found
	var ends [8]int
	for _, m := range a.nums {
		p := m.End
		if p >= len(a.text) {
			continue
		}
		us := units.matchEnds(a.text, p, ends[:0])
		if len(us) == 0 {
			continue
		}
		u := us[0] // the longest measure word
		for w < len(words) && words[w].end <= u-1 {
			w++
		}
		if w == len(words) || words[w].start < p || words[w].end <= u || w < copied {
			continue // no word starts at the number's end and runs on
		}
		regEnd := a.runOnEnd(words, w, u)
		out, outPos = append(out, words[copied:w]...), append(outPos, pos[copied:w]...)
		out, outPos = a.resegment(words[w].start, u, out, outPos)
		out, outPos = a.resegment(u, regEnd, out, outPos)
		for copied = w; copied < len(words) && words[copied].start < regEnd; copied++ {
		}
	}
	if copied == 0 {
		return a.words, a.wordPos
	}
	out, outPos = append(out, words[copied:]...), append(outPos, pos[copied:]...)
	a.ruleWords, a.rulePos = out, outPos
	return out, outPos
}

// runOnEnd returns where the text segmented again after the measure word
// ending at u ends: at the end of a word, from the end of words[w] (the
// word that runs on past u) on, before a clause break, about a phrase
// later.
func (a *analysis) runOnEnd(words []span, w, u int) int {
	end := words[w].end
	for k := w + 1; k < len(words) && words[k].end-u <= unitRunOnMax; k++ {
		if isClauseBreak(a.text[words[k].start]) {
			break
		}
		end = words[k].end
	}
	return end
}

// resegment appends the words of text[s:e], segmented on their own, with
// their parts of speech.
func (a *analysis) resegment(s, e int, words []span, pos []uint16) ([]span, []uint16) {
	from := len(words)
	words, pos = a.trie.segment(a.text[s:e], &a.runOnWork, words, pos)
	for k := from; k < len(words); k++ {
		words[k].start += s
		words[k].end += s
	}
	return words, pos
}
