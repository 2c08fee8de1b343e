package main

import (
	"flag"
	"strings"

	"zongjie/index"
)

// filterFlags are the selection flags shared by search, stats and export.
type filterFlags struct {
	fields map[string]*string // index field → flag value
	counts countList
}

// countList collects repeated --count flags.
type countList []string

func (c *countList) String() string     { return strings.Join(*c, " ") }
func (c *countList) Set(v string) error { *c = append(*c, v); return nil }

// addFilterFlags defines the selection flags on fs.
func addFilterFlags(fs *flag.FlagSet) *filterFlags {
	f := &filterFlags{fields: map[string]*string{}}
	for _, d := range index.Dimensions {
		if d.Filter != "" {
			f.fields[d.Filter] = fs.String(d.Name, "", d.Label+"，如 "+d.Example)
		}
	}
	fs.Var(&f.counts, "count", "数量条件，如 '宣传资料>=10000' 或 '执法人员>500人次'（可重复）")
	return f
}

// request builds the index request from the flags and the query words.
func (f *filterFlags) request(words []string) (index.Request, error) {
	req := index.Request{Query: strings.Join(words, " "), Filters: map[string][]string{}}
	for field, v := range f.fields {
		for _, val := range splitList(*v) {
			if field == index.FieldYearKW && strings.Contains(val, "..") {
				req.Query += " year:" + val // a range goes through the query syntax
				continue
			}
			req.Filters[field] = append(req.Filters[field], val)
		}
	}
	for _, c := range f.counts {
		cf, err := index.ParseCount(c)
		if err != nil {
			return req, usageError{err.Error()}
		}
		req.Counts = append(req.Counts, cf)
	}
	if _, err := index.ParseQuery(req.Query); err != nil {
		return req, usageError{err.Error()}
	}
	return req, nil
}
