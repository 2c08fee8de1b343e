package rules

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// specialChars end a bare literal.
const specialChars = `()|?*+{}=@<>/~!&"#`

// ParsePattern parses a pattern (see the package documentation).
func ParsePattern(s string) (*Node, error) {
	p := &patternParser{src: s}
	n, err := p.alternatives()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(p.src) {
		return nil, fmt.Errorf("unexpected %q at column %d", p.peekRune(), p.column())
	}
	return n, nil
}

type patternParser struct {
	src string
	pos int
}

func (p *patternParser) column() int { return utf8.RuneCountInString(p.src[:p.pos]) + 1 }

func (p *patternParser) peekRune() rune {
	r, _ := utf8.DecodeRuneInString(p.src[p.pos:])
	return r
}

func (p *patternParser) skipSpace() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t') {
		p.pos++
	}
}

func (p *patternParser) errorf(format string, args ...any) error {
	return fmt.Errorf("column %d: %s", p.column(), fmt.Sprintf(format, args...))
}

// alternatives parses seq ( | seq )*.
func (p *patternParser) alternatives() (*Node, error) {
	var alts []*Node
	for {
		seq, err := p.sequence()
		if err != nil {
			return nil, err
		}
		alts = append(alts, seq)
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == '|' {
			p.pos++
			continue
		}
		break
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return &Node{Op: OpAlt, Kids: alts}, nil
}

// sequence parses elements up to | or ) or the end.
func (p *patternParser) sequence() (*Node, error) {
	var kids []*Node
	for {
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] == '|' || p.src[p.pos] == ')' {
			break
		}
		n, err := p.element()
		if err != nil {
			return nil, err
		}
		kids = append(kids, n)
	}
	if len(kids) == 0 {
		return nil, p.errorf("empty pattern")
	}
	if len(kids) == 1 {
		return kids[0], nil
	}
	return &Node{Op: OpSeq, Kids: kids}, nil
}

// element parses [name=] [!] atom [quantifier].
func (p *patternParser) element() (*Node, error) {
	if p.pos >= len(p.src) {
		return nil, p.errorf("missing element at the end")
	}
	if name, ok := p.captureName(); ok {
		n, err := p.element()
		if err != nil {
			return nil, err
		}
		return &Node{Op: OpCapture, Text: name, Kids: []*Node{n}}, nil
	}
	if c := p.src[p.pos]; c == '!' || c == '&' {
		p.pos++
		n, err := p.element()
		if err != nil {
			return nil, err
		}
		op := OpNot
		if c == '&' {
			op = OpAnd
		}
		return &Node{Op: op, Kids: []*Node{n}}, nil
	}
	n, err := p.atom()
	if err != nil {
		return nil, err
	}
	return p.quantifier(n)
}

// captureName reads "name=" when it stands at the current position.
func (p *patternParser) captureName() (string, bool) {
	i := p.pos
	for i < len(p.src) && (p.src[i] == '_' || p.src[i] >= 'a' && p.src[i] <= 'z' || p.src[i] >= '0' && p.src[i] <= '9') {
		i++
	}
	if i == p.pos || i >= len(p.src) || p.src[i] != '=' {
		return "", false
	}
	name := p.src[p.pos:i]
	p.pos = i + 1
	return name, true
}

func (p *patternParser) atom() (*Node, error) {
	switch c := p.src[p.pos]; c {
	case '(':
		p.pos++
		n, err := p.alternatives()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != ')' {
			return nil, p.errorf("missing )")
		}
		p.pos++
		return n, nil
	case '@':
		p.pos++
		return p.named(OpClass, "class")
	case '~':
		p.pos++
		if p.pos >= len(p.src) || p.src[p.pos] != '@' {
			return nil, p.errorf("~ must be followed by @class")
		}
		p.pos++
		return p.named(OpTokClass, "class")
	case '/':
		p.pos++
		return p.named(OpPOS, "part of speech")
	case '<':
		return p.subparser()
	case '"':
		return p.quoted()
	case ')', '|', '?', '*', '+', '{', '}', '=', '>', '#':
		return nil, p.errorf("unexpected %q", c)
	}
	return p.bareLiteral()
}

func (p *patternParser) named(op Op, what string) (*Node, error) {
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			p.pos++
			continue
		}
		break
	}
	if p.pos == start {
		return nil, p.errorf("missing %s name", what)
	}
	return &Node{Op: op, Text: p.src[start:p.pos]}, nil
}

func (p *patternParser) subparser() (*Node, error) {
	end := strings.IndexByte(p.src[p.pos:], '>')
	if end < 0 {
		return nil, p.errorf("missing >")
	}
	name := p.src[p.pos+1 : p.pos+end]
	if !Subparsers[name] {
		return nil, p.errorf("unknown sub-parser <%s>", name)
	}
	p.pos += end + 1
	return &Node{Op: OpSub, Text: name}, nil
}

func (p *patternParser) quoted() (*Node, error) {
	var b strings.Builder
	i := p.pos + 1
	for i < len(p.src) {
		c := p.src[i]
		if c == '\\' && i+1 < len(p.src) {
			b.WriteByte(p.src[i+1])
			i += 2
			continue
		}
		if c == '"' {
			p.pos = i + 1
			if b.Len() == 0 {
				return nil, p.errorf("empty literal")
			}
			return &Node{Op: OpLit, Text: b.String()}, nil
		}
		b.WriteByte(c)
		i++
	}
	return nil, p.errorf("missing closing \"")
}

func (p *patternParser) bareLiteral() (*Node, error) {
	start := p.pos
	for p.pos < len(p.src) {
		r, size := utf8.DecodeRuneInString(p.src[p.pos:])
		if unicode.IsSpace(r) || r < utf8.RuneSelf && strings.ContainsRune(specialChars, r) {
			break
		}
		p.pos += size
	}
	if p.pos == start {
		return nil, p.errorf("unexpected %q", p.peekRune())
	}
	return &Node{Op: OpLit, Text: p.src[start:p.pos]}, nil
}

func (p *patternParser) quantifier(n *Node) (*Node, error) {
	if p.pos >= len(p.src) {
		return n, nil
	}
	min, max := -1, -1
	switch p.src[p.pos] {
	case '?':
		min, max = 0, 1
	case '*':
		min, max = 0, -1
	case '+':
		min, max = 1, -1
	case '{':
		return p.braces(n)
	default:
		return n, nil
	}
	p.pos++
	if n.Op == OpNot || n.Op == OpAnd {
		return nil, p.errorf("a look-ahead cannot repeat")
	}
	return &Node{Op: OpRepeat, Min: min, Max: max, Kids: []*Node{n}}, nil
}

func (p *patternParser) braces(n *Node) (*Node, error) {
	end := strings.IndexByte(p.src[p.pos:], '}')
	if end < 0 {
		return nil, p.errorf("missing }")
	}
	body := p.src[p.pos+1 : p.pos+end]
	lo, hi, found := strings.Cut(body, ",")
	min, err := strconv.Atoi(strings.TrimSpace(lo))
	if err != nil || min < 0 {
		return nil, p.errorf("bad repetition {%s}", body)
	}
	max := min
	if found {
		max = -1
		if strings.TrimSpace(hi) != "" {
			if max, err = strconv.Atoi(strings.TrimSpace(hi)); err != nil || max < min {
				return nil, p.errorf("bad repetition {%s}", body)
			}
		}
	}
	if max == 0 || max > 64 {
		return nil, p.errorf("bad repetition {%s}: the upper bound must be 1 to 64", body)
	}
	p.pos += end + 1
	return &Node{Op: OpRepeat, Min: min, Max: max, Kids: []*Node{n}}, nil
}

// errEmptyMatch is reported for patterns that could match nothing at all.
var errEmptyMatch = errors.New("the pattern can match empty text")

// minWidth returns the least number of characters n can match.
func minWidth(n *Node) int {
	switch n.Op {
	case OpSeq:
		w := 0
		for _, k := range n.Kids {
			w += minWidth(k)
		}
		return w
	case OpAlt:
		w := -1
		for _, k := range n.Kids {
			if m := minWidth(k); w < 0 || m < w {
				w = m
			}
		}
		return w
	case OpLit:
		return utf8.RuneCountInString(n.Text)
	case OpCapture:
		return minWidth(n.Kids[0])
	case OpNot, OpAnd:
		return 0
	case OpRepeat:
		return n.Min * minWidth(n.Kids[0])
	}
	return 1
}
