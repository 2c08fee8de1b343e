package main

import (
	"fmt"
	"strconv"
	"strings"
)

// A template is a phrase with slots, parsed once. Slots are written in
// braces:
//
//	{n:LO-HI:UNIT[:FLAGS]}    a count: a number in LO..HI and its measure
//	                          word. FLAGS: ~ may hedge (余, 多), w may write
//	                          万, z may write 两…九.
//	{tot:LO-HI:UNIT[:FLAGS]}  a count whose parts follow:
//	{part:UNIT} {last:UNIT}   parts of the last total; last takes the rest.
//	{m:LO-HI}                     money in 万元 (one decimal), a count in 元.
//	{pct:LO-HI}                   a percentage (not a count).
//	{Y} {ord} {obs} {obsName} {theme} {law} {hot} {venue} {short}
//	{p:KIND} {d:KIND} {org:ROLE} {v:NAME}
//	{|a|b|c}                      one of the alternatives (each a template).
//	{?theme|…} {!theme|…}         the text when the report has (has not) a theme;
//	                              also law, obs, place and yNNNN (year ≥ NNNN).
//
// The directives are rendered by ctx (compose.go).
type tmpl []node

// node is a literal (dir == ""), a directive with its arguments, a choice
// (alts) or a condition (cond with body).
type node struct {
	lit  string
	dir  string
	args []string
	alts []tmpl
	cond string
	neg  bool
	body tmpl
	lo   int // bounds of n, tot, m and pct
	hi   int
}

// mustParse parses a template and panics on a syntax error; templates are
// package data, so an error is a programming error caught by the tests.
func mustParse(s string) tmpl {
	t, err := parse(s)
	if err != nil {
		panic(fmt.Sprintf("template %q: %v", s, err))
	}
	return t
}

// parseAll parses a list of templates.
func parseAll(ss ...string) []tmpl {
	out := make([]tmpl, len(ss))
	for i, s := range ss {
		out[i] = mustParse(s)
	}
	return out
}

func parse(s string) (tmpl, error) {
	var t tmpl
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			t = append(t, node{lit: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); {
		switch s[i] {
		case '{':
			end, err := matchBrace(s, i)
			if err != nil {
				return nil, err
			}
			flush()
			n, err := parseSlot(s[i+1 : end])
			if err != nil {
				return nil, err
			}
			t = append(t, n)
			i = end + 1
		case '}':
			return nil, fmt.Errorf("unmatched } at byte %d", i)
		default:
			lit.WriteByte(s[i])
			i++
		}
	}
	flush()
	return t, nil
}

// matchBrace returns the index of the } that closes the { at i.
func matchBrace(s string, i int) (int, error) {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j, nil
			}
		}
	}
	return 0, fmt.Errorf("unclosed { at byte %d", i)
}

// splitTop splits s at sep characters that are not inside braces.
func splitTop(s string, sep byte) []string {
	var parts []string
	depth, start := 0, 0
	for j := 0; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
		case sep:
			if depth == 0 {
				parts = append(parts, s[start:j])
				start = j + 1
			}
		}
	}
	return append(parts, s[start:])
}

func parseSlot(in string) (node, error) {
	switch {
	case strings.HasPrefix(in, "|"):
		var n node
		for _, a := range splitTop(in[1:], '|') {
			t, err := parse(a)
			if err != nil {
				return node{}, err
			}
			n.alts = append(n.alts, t)
		}
		return n, nil
	case strings.HasPrefix(in, "?"), strings.HasPrefix(in, "!"):
		parts := splitTop(in[1:], '|')
		if len(parts) != 2 {
			return node{}, fmt.Errorf("condition %q wants {?name|text}", in)
		}
		body, err := parse(parts[1])
		if err != nil {
			return node{}, err
		}
		if !validCond(parts[0]) {
			return node{}, fmt.Errorf("unknown condition %q", parts[0])
		}
		return node{cond: parts[0], neg: in[0] == '!', body: body}, nil
	}
	f := strings.Split(in, ":")
	n := node{dir: f[0], args: f[1:]}
	if err := checkSlot(n); err != nil {
		return node{}, err
	}
	switch n.dir {
	case "n", "tot", "m", "pct":
		n.lo, n.hi, _ = bounds(n.args[0])
	}
	return n, nil
}

// validCond reports whether a condition name is known: theme, law, obs,
// place, or yNNNN (the report's year is NNNN or later).
func validCond(s string) bool {
	switch s {
	case "theme", "law", "obs", "place":
		return true
	}
	y, err := strconv.Atoi(strings.TrimPrefix(s, "y"))
	return err == nil && strings.HasPrefix(s, "y") && y > 1900
}

// slotArgs gives, for each directive, the least and most arguments.
var slotArgs = map[string][2]int{
	"n": {2, 3}, "tot": {2, 3}, "part": {1, 1}, "last": {1, 1}, "m": {1, 1}, "pct": {1, 1},
	"Y": {0, 0}, "ord": {0, 0}, "obs": {0, 0}, "obsName": {0, 0}, "theme": {0, 0},
	"law": {0, 0}, "hot": {0, 0}, "venue": {0, 0}, "short": {0, 0},
	"p": {1, 1}, "d": {1, 1}, "org": {1, 1}, "v": {1, 1},
}

func checkSlot(n node) error {
	lim, ok := slotArgs[n.dir]
	if !ok {
		return fmt.Errorf("unknown slot {%s}", n.dir)
	}
	if len(n.args) < lim[0] || len(n.args) > lim[1] {
		return fmt.Errorf("slot {%s} has %d arguments, want %d to %d", n.dir, len(n.args), lim[0], lim[1])
	}
	switch n.dir {
	case "n", "tot", "m", "pct":
		if _, _, err := bounds(n.args[0]); err != nil {
			return err
		}
	}
	return nil
}

// bounds reads "LO-HI".
func bounds(s string) (lo, hi int, err error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return 0, 0, fmt.Errorf("bounds %q: want LO-HI", s)
	}
	if lo, err = strconv.Atoi(a); err == nil {
		hi, err = strconv.Atoi(b)
	}
	if err == nil && (lo > hi || lo < 0) {
		err = fmt.Errorf("bounds %q: LO > HI", s)
	}
	return lo, hi, err
}
