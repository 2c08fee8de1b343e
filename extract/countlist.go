package extract

// A list of things counted together stands before the number, and the
// action before the list acts on all of it: 张贴标语、挂图450余张,
// 抽检电线电缆、儿童用品等156批次, 发放环保袋、围裙等宣传品1500份. The
// rules read the object next to the number (挂图, 宣传品, or none);
// countList finds the list before it. Done on the counts found, not by
// rules, since a rule for lists would be tried at every list separator of
// a document.

// listMaxItems is the most items read before the object.
const listMaxItems = 6

// countList is a list found before a count's object or number.
type countList struct {
	start  int  // where the list starts
	action span // the action word before it; empty when none
	// object is the count's object with the list (标语、挂图), or the list
	// alone when the count has none (电线电缆、儿童用品); empty when the
	// list ends in 等 before the object, which names what is counted
	// (环保袋、围裙等宣传品 counts 宣传品).
	object span
}

// listBefore finds the list of items before the count h: before its
// object when one stands before the number, else before the number; the
// list starts at from or later (the end of the count before). ok is
// false when no list stands there.
func (b *builder) listBefore(h hit, from int) (countList, bool) {
	vs, _ := h.field("value")
	head, hasHead := h.field("object")
	if hasHead && head.start >= vs.start {
		return countList{}, false // the object follows the number
	}
	at := vs.start
	if hasHead {
		at = head.start
	}
	sep, ok := b.tokenBefore(at)
	if !ok || sep.start < from {
		return countList{}, false
	}
	etc := b.isChar(sep, '等')
	if !etc && (!hasHead || !b.isListSeparator(sep)) {
		return countList{}, false
	}
	start, items := b.listItems(sep.start, from)
	if items == 0 {
		return countList{}, false
	}
	l := countList{start: start}
	switch {
	case !etc:
		l.object = span{start, head.end}
	case !hasHead:
		l.object = span{start, sep.start}
	}
	if act, ok := b.tokenBefore(start); ok && act.start >= from && b.m.classHas(b.m.action, act) {
		l.action = act
	} else if v := b.leadingVerbs(start, sep.start); v.end-v.start >= 2 && l.object.end > l.object.start {
		// the verbs that start the first item, two characters or more,
		// are what was done to a list counted as the object:
		// 编发消费警示和提示10条 (gse: 编/v 发/v 消费/vn 警示/v); not
		// the verb-like start of a name before 等 (临沧…有限公司等单位)
		l.action, l.start = v, v.end
		if l.object.start == start {
			l.object.start = v.end
		}
	}
	return l, true
}

// leadingVerbs returns the verbs (gse's part of speech v) that start at
// start, before at least one word that is no verb and before end.
func (b *builder) leadingVerbs(start, end int) span {
	v := span{start, start}
	for v.end < end {
		t, pos, ok := b.a.token(v.end)
		if !ok || pos != "v" {
			break
		}
		v.end = t.end
	}
	if _, pos, ok := b.a.token(v.end); !ok || v.end >= end || pos == "v" {
		return span{start, start}
	}
	return v
}

// listItems walks back from end over the items of a list and the
// separators between them, in the wide clause and not before from: it
// returns where the first item starts and how many items it read.
func (b *builder) listItems(end, from int) (start, items int) {
	from = max(from, b.a.wideClauseStart(end))
	start = end
	for items < listMaxItems {
		s, ok := b.itemBefore(start, from)
		if !ok {
			break
		}
		start, items = s, items+1
		sep, ok := b.tokenBefore(s)
		if !ok || sep.start < from || !b.isListSeparator(sep) {
			break
		}
		if _, ok := b.itemBefore(sep.start, from); !ok {
			break // a separator with no item before it stays out
		}
		start = sep.start
	}
	return start, items
}

// itemBefore returns the start of the item that ends at end: the content
// words before it, as a noun phrase holds them (npMaxWords words,
// npMaxRunes runes at most).
func (b *builder) itemBefore(end, from int) (int, bool) {
	start, words := end, 0
	word := b.m.cachedWord(&b.m.contentEnds, b.m.contentWord)
	for words < npMaxWords {
		t, ok := b.tokenBefore(start)
		if !ok || t.start < from || end-t.start > npMaxRunes {
			break
		}
		if e, ok := word(t.start); !ok || e != t.end {
			break
		}
		start, words = t.start, words+1
	}
	return start, words > 0
}

// tokenBefore returns the word that ends at i, spaces aside.
func (b *builder) tokenBefore(i int) (span, bool) {
	a := b.a
	for i > 0 && isSpace(a.text[i-1]) {
		i--
	}
	for j := i - 1; j >= 0 && i-j <= anyWordRune; j-- {
		if a.tokAt[j] >= 0 {
			t := a.toks[a.tokAt[j]]
			return t, t.end == i
		}
	}
	return span{}, false
}

// isListSeparator reports whether the word s joins the items of a list.
func (b *builder) isListSeparator(s span) bool {
	if s.end != s.start+1 {
		return false
	}
	switch b.a.text[s.start] {
	case '、', '和', '及', '与':
		return true
	}
	return false
}

// isChar reports whether the word s is the one character r.
func (b *builder) isChar(s span, r rune) bool {
	return s.end == s.start+1 && b.a.text[s.start] == r
}
