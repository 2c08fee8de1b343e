package index

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed search query. The syntax, for users:
//
//	消费 安全            documents holding both words (each as a phrase)
//	"消费与安全"         a phrase (spaces inside are kept)
//	-农村                documents without the word
//	year:2012            a field filter; several of one field mean any of them
//	year:2010..2014      a year range (either end may be left out: year:2010..)
//	org:工商局 place:银川 theme:消费与安全 province:… city:… district:…
//	genre:3·15 law:消费者权益保护法 kind:assoc (organisation kind)
//	count:宣传资料>=10000  a document with such a count (see ParseCount)
//
// Field names may also be written in Chinese: 年份 机构 地点 主题 省 市 区县
// 类别 法规 数量.
type Query struct {
	Words    []string            // each must match, as a phrase
	Exclude  []string            // none may match
	Filters  map[string][]string // index field → values (OR within a field)
	YearFrom int                 // 0: open
	YearTo   int                 // 0: open
	Counts   []CountFilter
}

// MaxClauses caps the words, exclusions, filters and count conditions of
// one query.
const MaxClauses = 32

// queryFields maps the field names of the syntax to index fields.
var queryFields = map[string]string{
	"year": FieldYearKW, "年份": FieldYearKW, "年": FieldYearKW,
	"org": FieldOrgName, "机构": FieldOrgName, "单位": FieldOrgName,
	"place": FieldPlace, "地点": FieldPlace,
	"theme": FieldTheme, "主题": FieldTheme,
	"province": FieldProvince, "省": FieldProvince,
	"city": FieldCity, "市": FieldCity,
	"district": FieldDistrict, "county": FieldDistrict, "区县": FieldDistrict,
	"genre": FieldGenre, "类别": FieldGenre,
	"law": FieldLaw, "法规": FieldLaw,
	"kind": FieldOrgKind, "orgkind": FieldOrgKind,
	"source": FieldSource,
}

// ParseQuery parses the query syntax described at Query.
func ParseQuery(s string) (Query, error) {
	q := Query{Filters: map[string][]string{}}
	if n := utf8.RuneCountInString(s); n > MaxQueryLen {
		return q, fmt.Errorf("检索式过长：%d 字（最多 %d 字）", n, MaxQueryLen)
	}
	toks, err := splitQuery(s)
	if err != nil {
		return q, err
	}
	if len(toks) > MaxClauses {
		return q, fmt.Errorf("检索式的条件过多：%d 个（最多 %d 个）", len(toks), MaxClauses)
	}
	for _, t := range toks {
		if err := q.add(t); err != nil {
			return q, err
		}
	}
	return q, nil
}

// queryToken is one space-separated part of a query.
type queryToken struct {
	text    string
	quoted  bool // the value was in quotes
	exclude bool // it started with -
}

func splitQuery(s string) ([]queryToken, error) {
	var toks []queryToken
	r := []rune(strings.TrimSpace(s))
	for i := 0; i < len(r); {
		if unicode.IsSpace(r[i]) {
			i++
			continue
		}
		t := queryToken{}
		if r[i] == '-' && i+1 < len(r) && !unicode.IsSpace(r[i+1]) {
			t.exclude = true
			i++
		}
		var b strings.Builder
		for i < len(r) && !unicode.IsSpace(r[i]) {
			if close, ok := quoteClose(r[i]); ok {
				j := i + 1
				for j < len(r) && r[j] != close {
					j++
				}
				if j == len(r) {
					return nil, fmt.Errorf("引号没有闭合：%s", string(r[i:]))
				}
				b.WriteString(string(r[i+1 : j]))
				t.quoted = true
				i = j + 1
				continue
			}
			b.WriteRune(r[i])
			i++
		}
		t.text = b.String()
		if t.text != "" {
			toks = append(toks, t)
		}
	}
	return toks, nil
}

func quoteClose(r rune) (rune, bool) {
	switch r {
	case '"':
		return '"', true
	case '“':
		return '”', true
	case '「':
		return '」', true
	}
	return 0, false
}

func (q *Query) add(t queryToken) error {
	name, value, isField := strings.Cut(t.text, ":")
	if !isField {
		name, value, isField = strings.Cut(t.text, "：")
	}
	if isField && !t.exclude {
		switch {
		case name == "count" || name == "数量":
			c, err := ParseCount(value)
			if err != nil {
				return err
			}
			q.Counts = append(q.Counts, c)
			return nil
		case queryFields[name] != "":
			return q.addFilter(queryFields[name], value)
		}
	}
	if t.exclude {
		q.Exclude = append(q.Exclude, t.text)
		return nil
	}
	q.Words = append(q.Words, t.text)
	return nil
}

func (q *Query) addFilter(field, value string) error {
	if value == "" {
		return fmt.Errorf("筛选条件缺少取值")
	}
	if field == FieldYearKW && strings.Contains(value, "..") {
		from, to, _ := strings.Cut(value, "..")
		var err error
		if q.YearFrom, err = yearBound(from); err != nil {
			return err
		}
		if q.YearTo, err = yearBound(to); err != nil {
			return err
		}
		return nil
	}
	if field == FieldYearKW {
		if _, err := yearBound(value); err != nil || value == "" {
			return fmt.Errorf("年份 %q 不是四位数的年份", value)
		}
	}
	q.Filters[field] = append(q.Filters[field], value)
	return nil
}

func yearBound(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1000 || y > 9999 {
		return 0, fmt.Errorf("年份 %q 不是四位数的年份", s)
	}
	return y, nil
}

// Merge adds the filters of another source (command-line flags) to q.
func (q *Query) Merge(filters map[string][]string) {
	for f, vals := range filters {
		q.Filters[f] = append(q.Filters[f], vals...)
	}
}

// Empty reports whether the query asks for nothing: every document matches.
func (q Query) Empty() bool {
	return len(q.Words) == 0 && len(q.Exclude) == 0 && len(q.Filters) == 0 &&
		q.YearFrom == 0 && q.YearTo == 0 && len(q.Counts) == 0
}
