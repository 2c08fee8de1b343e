package extract

import (
	"slices"
	"strings"

	"zongjie/rules"
)

// TestResult is the outcome of one rule test case.
type TestResult struct {
	Test    rules.Test
	Got     []string // the facts found, of the kinds the case checks
	Missing []string // wanted but not found
	Extra   []string // found but not wanted
}

// Passed reports whether the case found exactly the facts it wants.
func (r TestResult) Passed() bool { return len(r.Missing) == 0 && len(r.Extra) == 0 }

// RunTests runs the rule set's test cases (.test files).
func (e *Extractor) RunTests() []TestResult {
	var out []TestResult
	for _, t := range e.set.Tests {
		rec := e.ExtractText(t.Text)
		got := factStrings(&rec, t.Kinds)
		res := TestResult{Test: t, Got: got}
		res.Missing = minus(t.Want, got)
		res.Extra = minus(got, t.Want)
		out = append(out, res)
	}
	return out
}

// factStrings gives the one-line forms of the record's facts of the kinds.
func factStrings(rec *Record, kinds []string) []string {
	var out []string
	for _, k := range kinds {
		switch Kind(k) {
		case KindCount:
			out = appendStrings(out, rec.Counts)
		case KindDate:
			out = appendStrings(out, rec.Dates)
		case KindTheme:
			out = appendStrings(out, rec.Themes)
		case KindOrg:
			out = appendStrings(out, rec.Orgs)
		case KindPlace:
			out = appendStrings(out, rec.Places)
		case KindLaw:
			out = appendStrings(out, rec.Laws)
		}
	}
	return out
}

func appendStrings[T interface{ String() string }](out []string, facts []T) []string {
	for _, f := range facts {
		out = append(out, f.String())
	}
	return out
}

// minus returns the items of a not in b, as a multiset.
func minus(a, b []string) []string {
	rest := slices.Clone(b)
	var out []string
	for _, x := range a {
		if i := slices.Index(rest, x); i >= 0 {
			rest = slices.Delete(rest, i, i+1)
			continue
		}
		out = append(out, strings.TrimSpace(x))
	}
	return out
}
