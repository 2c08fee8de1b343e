package web

import (
	"cmp"
	"slices"
)

// textNode is a piece of a document's text: plain text, or a mark around
// further pieces. The document page renders the tree with html/template,
// so every piece of text is escaped.
type textNode struct {
	Text     string
	Mark     *markView
	Cont     bool // a mark continued after a crossing mark closed (split in two)
	Children []*textNode
}

// markView is what a mark shows: its kind (the colour), the tooltip and
// the id the fact table links to.
type markView struct {
	ID, Kind, Title string
}

// factSpan is a fact to mark: a half-open range of rune offsets.
type factSpan struct {
	Start, End int
	Mark       *markView
}

// markText cuts text into nodes with every span marked. Spans may nest
// (an organisation inside a count's text) or cross; a span that crosses
// the end of an enclosing one is closed there and continued after it, so
// that the marks always nest properly. Spans outside the text or empty
// are left out.
func markText(text string, spans []factSpan) []*textNode {
	runes := []rune(text)
	var valid []factSpan
	bounds := []int{0, len(runes)}
	for _, s := range spans {
		if s.Start >= 0 && s.Start < s.End && s.End <= len(runes) {
			valid = append(valid, s)
			bounds = append(bounds, s.Start, s.End)
		}
	}
	// Outer spans first: by start, then the longer one.
	slices.SortStableFunc(valid, func(a, b factSpan) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)

	type open struct {
		span factSpan
		node *textNode
	}
	root := &textNode{}
	var stack []open
	parent := func() *textNode {
		if len(stack) == 0 {
			return root
		}
		return stack[len(stack)-1].node
	}
	push := func(s factSpan, cont bool) {
		n := &textNode{Mark: s.Mark, Cont: cont}
		parent().Children = append(parent().Children, n)
		stack = append(stack, open{s, n})
	}
	pos, next := 0, 0
	for _, b := range bounds {
		if b > pos {
			parent().Children = append(parent().Children, &textNode{Text: string(runes[pos:b])})
			pos = b
		}
		// Close the spans ending here, and whatever opened inside them;
		// those go on after b as continuations.
		if i := slices.IndexFunc(stack, func(o open) bool { return o.span.End == b }); i >= 0 {
			popped := slices.Clone(stack[i:])
			stack = stack[:i]
			for _, o := range popped {
				if o.span.End > b {
					push(o.span, true)
				}
			}
		}
		for next < len(valid) && valid[next].Start == b {
			push(valid[next], false)
			next++
		}
	}
	return root.Children
}
