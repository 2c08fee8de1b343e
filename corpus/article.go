package corpus

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockAtoms are the elements that hold paragraphs or groups of them; they
// are the candidates for a page's main block.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Table: true, atom.Tbody: true,
	atom.Thead: true, atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Blockquote: true,
	atom.Pre: true, atom.Center: true, atom.Address: true, atom.Figure: true,
	atom.Figcaption: true, atom.Body: true, atom.Hr: true, atom.Caption: true,
}

// listAtoms are list elements, which hold menus and link lists more often
// than articles.
var listAtoms = map[atom.Atom]bool{atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Li: true}

// mainBlock returns the element of body that holds the article, scored by
// text density: every block with text of its own (Han characters outside
// links, in text not inside a nested block) adds that count to itself; a
// paragraph-like block (no block children) adds it to its parent too and
// half to its grandparent, any other block half to its parent. A block's
// score is then multiplied by 1.5 when it is an <article> or <main> or its
// id or class names content (article, content, TRS_Editor, news_txt, zoom,
// …), by 0.8 when it is a list or list item, and by the share of
// its Han characters outside links. The best block wins, ties going to the
// inner one; body is the fallback when no block has ten Han characters.
func mainBlock(body *html.Node) *html.Node {
	scores := map[*html.Node]float64{}
	var order []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
		if n.Type != html.ElementNode || !blockAtoms[n.DataAtom] {
			return
		}
		order = append(order, n)
		own, link := ownText(n)
		s := float64(own - link)
		if s <= 0 {
			return
		}
		scores[n] += s
		p := n.Parent
		if p == nil {
			return
		}
		if hasBlockChild(n) {
			scores[p] += s / 2
			return
		}
		scores[p] += s
		if p.Parent != nil {
			scores[p.Parent] += s / 2
		}
	}
	visit(body)
	best, bestScore := body, 0.0
	for _, n := range order {
		s := scores[n]
		if s <= 0 {
			continue
		}
		han, link := subtreeText(n)
		if han < 10 {
			continue
		}
		switch {
		case hasWord(n, contentWords) || n.DataAtom == atom.Article || n.DataAtom == atom.Main:
			s *= 1.5
		case listAtoms[n.DataAtom]:
			s *= 0.8
		}
		s *= 1 - float64(link)/float64(han)
		if s > bestScore {
			best, bestScore = n, s
		}
	}
	return best
}

// ownText counts the Han characters in n's own text (outside nested
// blocks) and how many of them are inside links.
func ownText(n *html.Node) (han, link int) {
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				k := hanCount(c.Data)
				han += k
				if inLink {
					link += k
				}
			case c.Type == html.ElementNode && !blockAtoms[c.DataAtom]:
				walk(c, inLink || c.DataAtom == atom.A)
			}
		}
	}
	walk(n, false)
	return han, link
}

// subtreeText counts the Han characters under n and how many are in links.
func subtreeText(n *html.Node) (han, link int) {
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				k := hanCount(c.Data)
				han += k
				if inLink {
					link += k
				}
			case html.ElementNode:
				walk(c, inLink || c.DataAtom == atom.A)
			}
		}
	}
	walk(n, false)
	return han, link
}

// hasBlockChild reports whether n has a block element among its children.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockAtoms[c.DataAtom] {
			return true
		}
	}
	return false
}

// textLines renders nodes as text lines: every paragraph, list item,
// heading, block and table row is its own line, <br> breaks a line, table
// cells are joined by a tab, and white space collapses as a browser
// collapses it (a line break between two Chinese characters vanishes).
// Empty lines are left out.
func textLines(nodes ...*html.Node) []string {
	var w lineWriter
	for _, n := range nodes {
		w.node(n, false)
	}
	w.breakLine()
	return w.lines
}

// lineWriter accumulates rendered text.
type lineWriter struct {
	lines []string
	cur   []rune
	space bool // white space seen since the last character
	nl    bool // that white space held a line break
}

func (w *lineWriter) node(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, pre)
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.node(c, pre)
		}
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Br:
			w.breakLine()
			return
		case atom.Hr:
			w.breakLine()
			return
		}
		cell := n.DataAtom == atom.Td || n.DataAtom == atom.Th
		block := blockAtoms[n.DataAtom] && !cell
		if block {
			w.breakLine()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.node(c, pre || n.DataAtom == atom.Pre)
		}
		switch {
		case cell:
			w.space, w.nl = false, false
			if len(w.cur) > 0 && w.cur[len(w.cur)-1] != '\t' {
				w.cur = append(w.cur, '\t')
			}
		case block:
			w.breakLine()
		}
	}
}

func (w *lineWriter) text(s string, pre bool) {
	for _, r := range s {
		if pre && r == '\n' {
			w.breakLine()
			continue
		}
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			w.space = true
			w.nl = w.nl || r == '\n' || r == '\r'
			continue
		}
		if w.space && len(w.cur) > 0 {
			last := w.cur[len(w.cur)-1]
			cjk := chineseSide(last) && chineseSide(r)
			if last != '\t' && !(w.nl && cjk) {
				w.cur = append(w.cur, ' ')
			}
		}
		w.space, w.nl = false, false
		w.cur = append(w.cur, r)
	}
}

// chineseSide reports whether r is a Han character or Chinese punctuation
// (full-width forms included), next to which a line break is no space.
func chineseSide(r rune) bool {
	return isHan(r) || isCJKPunct(r) || (r >= 0xFF00 && r <= 0xFFEF)
}

// breakLine ends the current line, keeping it when it has text.
func (w *lineWriter) breakLine() {
	if l := strings.Trim(string(w.cur), " \t\u00a0\u3000"); l != "" {
		w.lines = append(w.lines, l)
	}
	w.cur = w.cur[:0]
	w.space, w.nl = false, false
}

// collapseSpace joins the fields of s with single spaces.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
