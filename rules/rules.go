package rules

import (
	"fmt"
	"strings"
	"unicode"
)

// Rule is one line of a .rules file.
type Rule struct {
	Kind    string            // the fact kind it makes: count, org, theme, …
	Veto    bool              // a not-KIND rule: drops facts of Kind that overlap it
	Pattern *Node             // the parsed pattern
	Fields  map[string]string // fixed fields after "=>"
	Source  string            // file:line
	Text    string            // the pattern as written
}

// String returns the rule as written, with its source.
func (r Rule) String() string {
	k := r.Kind
	if r.Veto {
		k = "not-" + k
	}
	return r.Source + ": " + k + " " + r.Text
}

// Op is the operation of a pattern node.
type Op int

// Pattern node operations.
const (
	OpSeq      Op = iota // Kids in order
	OpAlt                // one of Kids
	OpLit                // Text literally
	OpClass              // a word of class Text
	OpTokClass           // one token ending with a word of class Text
	OpPOS                // one token whose part of speech starts with Text
	OpSub                // a sub-parser named Text (num, date, np, …)
	OpCapture            // Kids[0], captured as field Text
	OpNot                // zero-width: Kids[0] does not match here
	OpAnd                // zero-width: Kids[0] matches here
	OpRepeat             // Kids[0], Min to Max times (Max < 0: unbounded)
)

// Node is an element of a parsed pattern.
type Node struct {
	Op       Op
	Text     string
	Min, Max int
	Kids     []*Node
}

// String writes the node back in pattern syntax.
func (n *Node) String() string {
	switch n.Op {
	case OpSeq:
		parts := make([]string, len(n.Kids))
		for i, k := range n.Kids {
			parts[i] = k.String()
		}
		return strings.Join(parts, " ")
	case OpAlt:
		parts := make([]string, len(n.Kids))
		for i, k := range n.Kids {
			parts[i] = k.String()
		}
		return "(" + strings.Join(parts, " | ") + ")"
	case OpLit:
		return quoteLiteral(n.Text)
	case OpClass:
		return "@" + n.Text
	case OpTokClass:
		return "~@" + n.Text
	case OpPOS:
		return "/" + n.Text
	case OpSub:
		return "<" + n.Text + ">"
	case OpCapture:
		return n.Text + "=" + n.Kids[0].element()
	case OpNot:
		return "!" + n.Kids[0].element()
	case OpAnd:
		return "&" + n.Kids[0].element()
	case OpRepeat:
		return n.Kids[0].atom() + repeatSuffix(n.Min, n.Max)
	}
	return fmt.Sprintf("?op%d", n.Op)
}

// atom writes the node so that it stands as one element: in parentheses
// when it is a sequence, a repetition, a capture or a look-ahead.
func (n *Node) atom() string {
	switch n.Op {
	case OpSeq, OpRepeat, OpCapture, OpNot, OpAnd:
		return "(" + n.String() + ")"
	}
	return n.String()
}

// element writes the node so that it stands as one element with its
// repetition: in parentheses when it is a sequence.
func (n *Node) element() string {
	if n.Op == OpSeq {
		return "(" + n.String() + ")"
	}
	return n.String()
}

func repeatSuffix(min, max int) string {
	switch {
	case min == 0 && max == 1:
		return "?"
	case min == 0 && max < 0:
		return "*"
	case min == 1 && max < 0:
		return "+"
	case max < 0:
		return fmt.Sprintf("{%d,}", min)
	case min == max:
		return fmt.Sprintf("{%d}", min)
	}
	return fmt.Sprintf("{%d,%d}", min, max)
}

func quoteLiteral(s string) string {
	if strings.ContainsAny(s, specialChars+`\|`) || strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
		return `"` + r.Replace(s) + `"`
	}
	return s
}

// Subparsers lists the names valid inside <…>.
var Subparsers = map[string]bool{
	"num": true, "pct": true, "date": true, "place": true, "anon": true, "quoted": true,
	"titled": true, "np": true, "noun": true, "name": true, "han": true, "digit": true, "tok": true,
}

// Entry is one word of a class, with its attributes.
type Entry struct {
	Word   string
	Attrs  map[string]string
	Source string // file:line
}

// Class is a word class read from a .dict file.
type Class struct {
	Name    string
	Entries []Entry
	byWord  map[string]int
}

// Lookup returns the entry for word.
func (c *Class) Lookup(word string) (Entry, bool) {
	i, ok := c.byWord[word]
	if !ok {
		return Entry{}, false
	}
	return c.Entries[i], true
}

// Has reports whether word is in the class.
func (c *Class) Has(word string) bool {
	_, ok := c.byWord[word]
	return ok
}

// Test is one rule test case from a .test file.
type Test struct {
	Text   string
	Want   []string // facts in their one-line form
	Kinds  []string // the kinds the case checks (from the .rules file of the same name)
	Source string   // file:line
}

// Table is a tab-separated data file: its comment header and its rows.
type Table struct {
	Name    string
	Header  []string // the # lines, without "# "
	Columns []string // from the first "# columns:" line, if any
	Rows    []Row
}

// Row is one line of a table.
type Row struct {
	Cells  []string
	Source string // file:line
}

// Cell returns the named column of the row, or "" when it is missing.
func (t *Table) Cell(r Row, column string) string {
	for i, c := range t.Columns {
		if c == column && i < len(r.Cells) {
			return r.Cells[i]
		}
	}
	return ""
}
