package corpus

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
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
	rules []boilerRule
}

type boilerRule struct {
	re    *regexp.Regexp
	where string // file:line of the pattern
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
		b.rules = append(b.rules, boilerRule{re, where})
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("read %s: %w", name, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &b, nil
}

// Match reports whether line is boilerplate, and names the pattern that
// matched it as file:line.
func (b *Boilerplate) Match(line string) (rule string, ok bool) {
	if b == nil {
		return "", false
	}
	for _, r := range b.rules {
		if r.re.MatchString(line) {
			return r.where, true
		}
	}
	return "", false
}
