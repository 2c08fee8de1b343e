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
	for _, d := range []struct{ name, field, help string }{
		{"year", index.FieldYearKW, "年份，如 2012 或 2012,2013"},
		{"place", index.FieldPlace, "地点（如写出），如 银川"},
		{"province", index.FieldProvince, "省级行政区，如 宁夏回族自治区"},
		{"city", index.FieldCity, "地级市，如 银川市"},
		{"district", index.FieldDistrict, "区县，如 西夏区"},
		{"org", index.FieldOrgName, "机构，如 区消协 或 消费者协会"},
		{"theme", index.FieldTheme, "主题，如 消费与安全"},
		{"genre", index.FieldGenre, "类别，如 3·15、安全生产月"},
		{"law", index.FieldLaw, "法规，如 中华人民共和国消费者权益保护法"},
	} {
		f.fields[d.field] = fs.String(d.name, "", d.help)
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
