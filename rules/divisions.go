package rules

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

//go:generate go run ./internal/gendivisions

// Division is one administrative division of China: a province, city,
// county or township, with its statistical code and its parent's code
// ("" for a province).
type Division struct {
	Code   string
	Name   string
	Level  string // province, city, county or township
	Parent string
}

// The division levels, from the top.
var divisionLevels = map[string]bool{"province": true, "city": true, "county": true, "township": true}

// ParseDivisions reads a division table: lines of
// code<TAB>name<TAB>level<TAB>parent_code, with blank lines and lines
// starting with # skipped. Every parent must be a code in the table. Errors
// name the line (divisions.tsv:12: reason, or the file's own name when r
// has a Name method), all of them at once.
func ParseDivisions(r io.Reader) ([]Division, error) {
	name := "divisions.tsv"
	if n, ok := r.(interface{ Name() string }); ok {
		name = n.Name()
	}
	return parseDivisions(name, r)
}

func parseDivisions(name string, r io.Reader) ([]Division, error) {
	var (
		divs []Division
		errs []error
		line = map[string]int{} // code -> line number
	)
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		d, err := parseDivision(text)
		if err == nil && line[d.Code] != 0 {
			err = fmt.Errorf("code %s already on line %d", d.Code, line[d.Code])
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", name, n, err))
			continue
		}
		line[d.Code] = n
		divs = append(divs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, d := range divs {
		if d.Parent != "" && line[d.Parent] == 0 {
			errs = append(errs, fmt.Errorf("%s:%d: parent %s of %s is not in the table", name, line[d.Code], d.Parent, d.Name))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return divs, nil
}

// parseDivision reads one data line.
func parseDivision(text string) (Division, error) {
	f := strings.Split(text, "\t")
	if len(f) != 4 {
		return Division{}, fmt.Errorf("%d fields, want 4 (code, name, level, parent_code)", len(f))
	}
	d := Division{Code: f[0], Name: f[1], Level: f[2], Parent: f[3]}
	switch {
	case d.Code == "" || strings.Trim(d.Code, "0123456789") != "":
		return d, fmt.Errorf("code %q is not a number", d.Code)
	case d.Name == "":
		return d, fmt.Errorf("code %s has no name", d.Code)
	case !divisionLevels[d.Level]:
		return d, fmt.Errorf("unknown level %q", d.Level)
	case (d.Level == "province") != (d.Parent == ""):
		return d, fmt.Errorf("%s %s: only a province has no parent", d.Level, d.Name)
	}
	return d, nil
}
