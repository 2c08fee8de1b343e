package index

import (
	"fmt"
	"strings"
	"unicode"

	"zongjie/corpus"
	"zongjie/extract"
)

// CountFilter selects count facts: those whose object holds Object, in
// Unit (any unit when ""), whose value satisfies Op Value (any value when
// Op is ""). A range (三至五人) satisfies ">= X" by its upper end and
// "<= X" by its lower end; an approximate value (1万余份) by the number it
// states.
type CountFilter struct {
	Object string
	Unit   string
	Op     string // >=, >, <=, <, = or ""
	Value  float64
}

// String writes the filter back in its syntax.
func (c CountFilter) String() string {
	if c.Op == "" {
		return c.Object + c.Unit
	}
	return c.Object + c.Op + extract.FormatValue(c.Value) + c.Unit
}

var countOps = []string{">=", "<=", "≥", "≤", ">", "<", "=", "＞", "＜"}

// ParseCount reads a count condition: an object, optionally an operator
// with a number (Arabic or Chinese, 1万 …) and a unit: 宣传资料>=10000,
// 执法人员>500人次, 宣传资料>=1万份, 宣传资料, 投诉:件.
func ParseCount(s string) (CountFilter, error) {
	s = strings.TrimSpace(s)
	var c CountFilter
	i, op := -1, ""
	for _, o := range countOps {
		if j := strings.Index(s, o); j >= 0 && (i < 0 || j < i) {
			i, op = j, o
		}
	}
	if i < 0 {
		obj, unit, _ := strings.Cut(s, ":")
		c.Object, c.Unit = strings.TrimSpace(obj), normUnit(unit)
		if c.Object == "" {
			return c, fmt.Errorf("数量条件 %q 缺少统计对象（如 宣传资料>=10000）", s)
		}
		return c, nil
	}
	c.Object = strings.TrimSpace(s[:i])
	c.Op = map[string]string{"≥": ">=", "≤": "<=", "＞": ">", "＜": "<"}[op]
	if c.Op == "" {
		c.Op = op
	}
	rest := []rune(strings.TrimSpace(s[i+len(op):]))
	n, ok := extract.ReadNumber(rest, 0)
	if c.Object == "" || !ok || n.Start != 0 {
		return c, fmt.Errorf("数量条件 %q 应写作 对象 比较符 数字[单位]，如 宣传资料>=10000份", s)
	}
	c.Value = n.Value
	c.Unit = normUnit(string(rest[n.End:]))
	return c, nil
}

func normUnit(u string) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	return corpus.Simplified(extract.NormalizeUnit(u))
}

// normObject prepares an object for comparison: simplified characters,
// without spaces, quotes and brackets.
func normObject(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			return -1
		}
		return r
	}, corpus.Simplified(s))
}

// Matches reports whether a count fact satisfies the filter.
func (c CountFilter) Matches(f extract.Count) bool {
	f.Object, f.Unit = normObject(f.Object), normUnit(f.Unit)
	return c.normalized().matchesNormalized(f)
}

// normalized returns the filter with its object and unit written as the
// index keeps them (normObject, normUnit).
func (c CountFilter) normalized() CountFilter {
	c.Object = normObject(c.Object)
	if c.Unit != "" {
		c.Unit = normUnit(c.Unit)
	}
	return c
}

// matchesNormalized is Matches for a normalized filter and a count whose
// object and unit are normalized too (as decodeCount returns them).
func (c CountFilter) matchesNormalized(f extract.Count) bool {
	if !strings.Contains(f.Object, c.Object) {
		return false
	}
	if c.Unit != "" && f.Unit != c.Unit {
		return false
	}
	return c.valueOK(f.Value, max(f.Max, f.Value))
}

// valueOK reports whether a count from lo to hi (lo = hi but for a range)
// satisfies the filter's comparison.
func (c CountFilter) valueOK(lo, hi float64) bool {
	switch c.Op {
	case ">=":
		return hi >= c.Value
	case ">":
		return hi > c.Value
	case "<=":
		return lo <= c.Value
	case "<":
		return lo < c.Value
	case "=":
		return lo <= c.Value && c.Value <= hi
	}
	return true
}
