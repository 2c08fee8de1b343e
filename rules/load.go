package rules

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Set is a loaded, checked set of rules, word classes, tests and tables.
// It is immutable once loaded and safe for concurrent use.
type Set struct {
	Rules   []Rule
	Classes map[string]*Class
	Tests   []Test
	Tables  map[string]*Table // by file name without .tsv
	// Divisions are the administrative divisions of divisions.tsv.
	Divisions []Division
	Files     map[string][]byte // every file, by name, as loaded
	Version   string            // a hash of every file's name and content
}

// File is a rule-set file with the layer it came from.
type file struct {
	name string
	data []byte
}

// Load reads the rule files of each layer in order, a later layer's file
// replacing an earlier one of the same name, and checks them. All errors
// are reported at once, each as file:line: reason.
func Load(layers ...fs.FS) (*Set, error) {
	files := map[string][]byte{}
	for _, layer := range layers {
		if err := readLayer(layer, files); err != nil {
			return nil, err
		}
	}
	return parseFiles(files)
}

func readLayer(layer fs.FS, files map[string][]byte) error {
	entries, err := fs.ReadDir(layer, ".")
	if err != nil {
		return fmt.Errorf("read rules folder: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !isRuleFile(name) {
			continue
		}
		data, err := fs.ReadFile(layer, name)
		if err != nil {
			return fmt.Errorf("read rules file %s: %w", name, err)
		}
		files[name] = data
	}
	return nil
}

func isRuleFile(name string) bool {
	switch path.Ext(name) {
	case ".rules", ".dict", ".test", ".tsv", ".md":
		return !strings.HasPrefix(name, ".")
	}
	return false
}

func parseFiles(files map[string][]byte) (*Set, error) {
	s := &Set{Classes: map[string]*Class{}, Tables: map[string]*Table{}, Files: files}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var errs []error
	for _, n := range names {
		if path.Ext(n) == ".dict" {
			c, err := parseDict(n, files[n])
			errs = append(errs, err...)
			s.Classes[c.Name] = c
		}
	}
	ruleKinds := map[string][]string{}
	for _, n := range names {
		switch path.Ext(n) {
		case ".rules":
			rs, err := parseRules(n, files[n], s.Classes)
			errs = append(errs, err...)
			s.Rules = append(s.Rules, rs...)
			ruleKinds[strings.TrimSuffix(n, ".rules")] = kindsOf(rs)
		case ".tsv":
			if n == "divisions.tsv" {
				divs, err := parseDivisions(n, bytes.NewReader(files[n]))
				if err != nil {
					errs = append(errs, err)
				}
				s.Divisions = divs
				continue
			}
			t, err := parseTable(n, files[n])
			errs = append(errs, err...)
			s.Tables[t.Name] = t
		}
	}
	for _, n := range names {
		if path.Ext(n) == ".test" {
			ts, err := parseTests(n, files[n], ruleKinds[strings.TrimSuffix(n, ".test")])
			errs = append(errs, err...)
			s.Tests = append(s.Tests, ts...)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	s.Version = version(names, files)
	return s, nil
}

func kindsOf(rs []Rule) []string {
	kinds := []string{}
	seen := map[string]bool{}
	for _, r := range rs {
		if !seen[r.Kind] {
			seen[r.Kind] = true
			kinds = append(kinds, r.Kind)
		}
	}
	return kinds
}

func version(names []string, files map[string][]byte) string {
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(files[n]))
		h.Write(files[n])
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// lines calls fn for each non-blank, non-comment line with its 1-based
// number, the line trimmed of surrounding space.
func lines(data []byte, fn func(n int, line string)) {
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(strings.TrimSuffix(l, "\r"))
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fn(i+1, l)
	}
}

func lineError(file string, n int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", file, n, fmt.Sprintf(format, args...))
}

func parseDict(name string, data []byte) (*Class, []error) {
	c := &Class{Name: strings.TrimSuffix(name, ".dict"), byWord: map[string]int{}}
	var errs []error
	lines(data, func(n int, line string) {
		fields := strings.Fields(line)
		e := Entry{Word: fields[0], Source: fmt.Sprintf("%s:%d", name, n)}
		for _, f := range fields[1:] {
			k, v, ok := strings.Cut(f, "=")
			if !ok || k == "" {
				errs = append(errs, lineError(name, n, "attribute %q is not key=value", f))
				continue
			}
			if e.Attrs == nil {
				e.Attrs = map[string]string{}
			}
			e.Attrs[k] = v
		}
		if _, dup := c.byWord[e.Word]; dup {
			errs = append(errs, lineError(name, n, "%q is listed twice", e.Word))
			return
		}
		c.byWord[e.Word] = len(c.Entries)
		c.Entries = append(c.Entries, e)
	})
	return c, errs
}

func parseRules(name string, data []byte, classes map[string]*Class) ([]Rule, []error) {
	var rs []Rule
	var errs []error
	lines(data, func(n int, line string) {
		r, err := parseRule(line, classes)
		if err != nil {
			errs = append(errs, lineError(name, n, "%v", err))
			return
		}
		r.Source = fmt.Sprintf("%s:%d", name, n)
		rs = append(rs, r)
	})
	return rs, errs
}

// FactKinds are the kinds a rule may make.
var FactKinds = map[string]bool{"count": true, "date": true, "theme": true, "org": true, "place": true, "law": true}

func parseRule(line string, classes map[string]*Class) (Rule, error) {
	kind, rest, _ := strings.Cut(line, " ")
	kind, rest = strings.TrimSpace(kind), strings.TrimSpace(rest)
	r := Rule{Kind: kind}
	if k, ok := strings.CutPrefix(kind, "not-"); ok {
		r.Kind, r.Veto = k, true
	}
	if !FactKinds[r.Kind] {
		return r, fmt.Errorf("unknown kind %q (want count, date, theme, org, place or law, or not- before one)", kind)
	}
	pat, fields, _ := strings.Cut(rest, "=>")
	r.Text = strings.TrimSpace(pat)
	if r.Text == "" {
		return r, fmt.Errorf("missing pattern")
	}
	node, err := ParsePattern(r.Text)
	if err != nil {
		return r, err
	}
	if minWidth(node) == 0 {
		return r, errEmptyMatch
	}
	if err := checkClasses(node, classes); err != nil {
		return r, err
	}
	r.Pattern = node
	for _, f := range strings.Fields(fields) {
		k, v, ok := strings.Cut(f, "=")
		if !ok || k == "" {
			return r, fmt.Errorf("field %q after => is not key=value", f)
		}
		if r.Fields == nil {
			r.Fields = map[string]string{}
		}
		r.Fields[k] = v
	}
	return r, nil
}

func checkClasses(n *Node, classes map[string]*Class) error {
	if n.Op == OpClass || n.Op == OpTokClass {
		if classes[n.Text] == nil {
			return fmt.Errorf("unknown class %q (no %s.dict)", n.Text, n.Text)
		}
	}
	for _, k := range n.Kids {
		if err := checkClasses(k, classes); err != nil {
			return err
		}
	}
	return nil
}

func parseTests(name string, data []byte, kinds []string) ([]Test, []error) {
	var ts []Test
	var errs []error
	if kinds == nil {
		return nil, []error{fmt.Errorf("%s: no %s.rules beside it", name, strings.TrimSuffix(name, ".test"))}
	}
	lines(data, func(n int, line string) {
		text, want, ok := strings.Cut(line, "=>")
		text = strings.TrimSpace(text)
		if !ok || text == "" {
			errs = append(errs, lineError(name, n, `want "text => facts"`))
			return
		}
		t := Test{Text: text, Kinds: kinds, Source: fmt.Sprintf("%s:%d", name, n)}
		for _, w := range strings.Split(want, ";") {
			if w = strings.TrimSpace(w); w != "" {
				t.Want = append(t.Want, w)
			}
		}
		ts = append(ts, t)
	})
	return ts, errs
}

func parseTable(name string, data []byte) (*Table, []error) {
	t := &Table{Name: strings.TrimSuffix(name, ".tsv")}
	var errs []error
	lastComment := ""
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSuffix(l, "\r")
		if strings.HasPrefix(l, "#") {
			h := strings.TrimSpace(strings.TrimPrefix(l, "#"))
			t.Header = append(t.Header, h)
			if cols, ok := strings.CutPrefix(h, "columns:"); ok && t.Columns == nil {
				t.Columns = splitColumns(cols)
			}
			lastComment = h
			continue
		}
		if t.Columns == nil && strings.Contains(lastComment, "\t") {
			t.Columns = strings.Split(lastComment, "\t") // "# code<TAB>name…" names the columns
		}
		if strings.TrimSpace(l) == "" {
			continue
		}
		cells := strings.Split(l, "\t")
		if t.Columns == nil {
			t.Columns = cells // the first row names the columns
			continue
		}
		if len(cells) > len(t.Columns) {
			errs = append(errs, lineError(name, i+1, "%d cells, but %d columns", len(cells), len(t.Columns)))
			continue
		}
		t.Rows = append(t.Rows, Row{Cells: cells, Source: fmt.Sprintf("%s:%d", name, i+1)})
	}
	return t, errs
}

func splitColumns(s string) []string {
	var cols []string
	for _, c := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '\t' || r == ' ' }) {
		cols = append(cols, c)
	}
	return cols
}
