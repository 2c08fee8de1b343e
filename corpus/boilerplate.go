package corpus

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
)

//go:embed boilerplate.txt
var boilerplateFile string

// BoilerplateFile returns the text of the built-in pattern file, a starting
// point for a user's own (see ParseBoilerplate for the format).
func BoilerplateFile() string { return boilerplateFile }

// Boilerplate is a compiled set of patterns for lines that belong to a web
// site rather than to a report: template-site blurbs, copyright notices,
// page chrome and bylines. It is immutable and safe for concurrent use.
type Boilerplate struct {
	rules   []boilerRule
	needles *needleIndex
}

type boilerRule struct {
	re    *regexp.Regexp
	where string // file:line of the pattern
	// needs are strings one of which every match contains (nil when the
	// pattern has no such strings): a line without any of them is not
	// tried, which spares the regexp on almost every line. With atStart,
	// the line must begin with one of them.
	needs   []string
	atStart bool
}

// DefaultBoilerplate returns the patterns of the built-in boilerplate.txt.
func DefaultBoilerplate() *Boilerplate { return defaultBoilerplate() }

var defaultBoilerplate = sync.OnceValue(func() *Boilerplate {
	b, err := ParseBoilerplate("boilerplate.txt", strings.NewReader(boilerplateFile))
	if err != nil {
		panic(err) // the embedded file is tested
	}
	return b
})

// ParseBoilerplate reads a pattern file: one regular expression (Go RE2
// syntax) per line, matched against each normalised line; blank lines and
// lines starting with # are ignored and spaces at both ends are trimmed. A
// line that any pattern matches is dropped. name is used in messages
// ("boilerplate.txt:12: …"); all bad patterns are reported at once.
func ParseBoilerplate(name string, r io.Reader) (*Boilerplate, error) {
	var (
		b    Boilerplate
		errs []error
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, n)
		re, err := regexp.Compile(line)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", where, err))
			continue
		}
		needs, atStart := requiredStrings(line)
		b.rules = append(b.rules, boilerRule{re: re, where: where, needs: needs, atStart: atStart})
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("read %s: %w", name, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	b.needles = newNeedleIndex(b.rules)
	return &b, nil
}

// Match reports whether line is boilerplate, and names the pattern that
// matched it as file:line.
func (b *Boilerplate) Match(line string) (rule string, ok bool) {
	if b == nil {
		return "", false
	}
	var buf [4]uint64
	cand := b.needles.candidates(line, buf[:0])
	for k, r := range b.rules {
		if r.needs != nil && cand[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		if r.re.MatchString(line) {
			return r.where, true
		}
	}
	return "", false
}

// requiredStrings returns strings one of which every match of the pattern
// contains, or nil when it finds none (an optional or case-folded part,
// say); atStart when the pattern is anchored at the start of the text and
// the strings are what it begins with. The pattern has been compiled
// already.
func requiredStrings(pattern string) (needs []string, atStart bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, false
	}
	re = re.Simplify()
	if re.Op == syntax.OpConcat && len(re.Sub) > 1 && re.Sub[0].Op == syntax.OpBeginText {
		if first := leading(re.Sub[1]); first != nil {
			return first, true
		}
	}
	return required(re), false
}

// leading returns the strings one of which every match of re begins
// with, when re is a literal or an alternation of them (in a capture).
func leading(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpCapture:
		return leading(re.Sub[0])
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase == 0 {
			return []string{string(re.Rune)}
		}
	case syntax.OpAlternate:
		return eachAlternative(re.Sub, leading)
	}
	return nil
}

func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []string
		for _, sub := range re.Sub {
			if r := required(sub); r != nil && (best == nil || shortest(r) > shortest(best)) {
				best = r
			}
		}
		return best
	case syntax.OpAlternate:
		return eachAlternative(re.Sub, required)
	}
	return nil
}

// eachAlternative joins what f finds in each alternative, or returns nil
// when it finds nothing in one of them.
func eachAlternative(alts []*syntax.Regexp, f func(*syntax.Regexp) []string) []string {
	var all []string
	for _, sub := range alts {
		r := f(sub)
		if r == nil {
			return nil
		}
		all = append(all, r...)
	}
	return all
}

// shortest is the length in bytes of the shortest string.
func shortest(ss []string) int {
	n := -1
	for _, s := range ss {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}
