package main

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ctx is the state of one report being written: its observance, year and
// place, the agencies it names, its dates, and the facts planted so far.
type ctx struct {
	r   *rand.Rand
	w   *world
	fam *family
	obs *observance // nil for a campaign without an observance (反诈)
	gv  *genericVocab

	year      int
	anonYear  string // "" or the anonymised year (20××, 20xx)
	anonPlace string // "" or the mask (××, xx, **)
	c         *county
	theme     string
	ordinal   int
	ordText   string // 第42个
	obsShown  string

	kind                      string // day, month or week
	obsDay, start, end, main_ time.Time

	lead    string
	orgs    map[string][]string
	lastOrg string   // the body named last, not to be repeated next
	towns   []string // shuffled, used in turn
	townI   int
	laws    []lawRef // usable laws, shuffled, used in turn
	lawI    int
	hot     []string

	// planted facts of the sentence being rendered
	counts []planted
	rem    int
	used   []string // law titles as written
}

// planted is a count written into the text.
type planted struct {
	unit  string
	value int64
	key   string // the word right before the number when it is a tracked key
	part  bool   // a part after 其中
}

// trackedKeys are the objects whose totals the manifest reports: a count
// written right after one of these words (发放宣传资料1200余份) adds to
// the key's total.
var trackedKeys = []string{"宣传资料", "执法人员", "横幅", "咨询", "隐患", "投诉"}

// render writes a template.
func (c *ctx) render(t tmpl, b *strings.Builder) {
	for _, n := range t {
		switch {
		case n.alts != nil:
			c.render(n.alts[c.r.IntN(len(n.alts))], b)
		case n.cond != "":
			if c.has(n.cond) != n.neg {
				c.render(n.body, b)
			}
		case n.dir == "":
			b.WriteString(n.lit)
		default:
			c.slot(n, b)
		}
	}
}

// has reports whether the report has a value for a condition name.
func (c *ctx) has(name string) bool {
	switch name {
	case "theme":
		return c.theme != ""
	case "law":
		return len(c.laws) > 0
	case "obs":
		return c.obs != nil
	case "place":
		return c.anonPlace == ""
	}
	if y, err := strconv.Atoi(strings.TrimPrefix(name, "y")); err == nil && name[0] == 'y' {
		return c.year >= y
	}
	panic("unknown condition " + name)
}

// text renders a template to a string, keeping its planted facts.
func (c *ctx) text(t tmpl) string {
	var b strings.Builder
	c.render(t, &b)
	return b.String()
}

func (c *ctx) slot(n node, b *strings.Builder) {
	switch n.dir {
	case "n", "tot":
		v, s := c.number(n.lo, n.hi, flagsOf(n))
		c.plant(b, n.args[1], int64(v), false)
		b.WriteString(s)
		b.WriteString(n.args[1])
		if n.dir == "tot" {
			c.rem = v
		}
	case "part", "last":
		v := c.rem
		if n.dir == "part" && c.rem > 1 {
			hi := max(1, c.rem*3/5)
			lo := max(1, c.rem/5)
			v = lo + c.r.IntN(hi-lo+1)
			if v >= c.rem {
				v = c.rem - 1
			}
		}
		if v < 1 {
			v = 1
		}
		c.rem -= v
		c.plant(b, n.args[0], int64(v), true)
		b.WriteString(strconv.Itoa(v))
		b.WriteString(n.args[0])
	case "m":
		t := n.lo*10 + c.r.IntN((n.hi-n.lo)*10+1)
		if t == 0 {
			t = 5
		}
		c.plant(b, "元", int64(t)*1000, false)
		if t%10 == 0 {
			fmt.Fprintf(b, "%d万元", t/10)
		} else {
			fmt.Fprintf(b, "%d.%d万元", t/10, t%10)
		}
	case "pct":
		t := n.lo*10 + c.r.IntN((n.hi-n.lo)*10+1)
		if t > 1000 {
			t = 1000
		}
		if t%10 == 0 || c.r.IntN(3) == 0 {
			fmt.Fprintf(b, "%d%%", (t+5)/10)
		} else {
			fmt.Fprintf(b, "%d.%d%%", t/10, t%10)
		}
	case "Y":
		b.WriteString(c.yearText(c.year))
	case "ord":
		b.WriteString(c.ordText)
	case "obs":
		b.WriteString(c.obsShown)
	case "obsName":
		if c.obs != nil {
			b.WriteString(c.obs.name)
		} else {
			b.WriteString(c.obsShown)
		}
	case "theme":
		b.WriteString(c.theme)
	case "short":
		if c.gv != nil {
			b.WriteString(c.gv.short)
		} else {
			b.WriteString(c.fam.short)
		}
	case "law":
		b.WriteString("《" + c.law() + "》")
	case "hot":
		b.WriteString(c.hot[c.r.IntN(len(c.hot))])
	case "venue":
		c.render(pick(c.r, venues), b)
	case "p":
		b.WriteString(c.place(n.args[0]))
	case "d":
		b.WriteString(c.date(n.args[0]))
	case "org":
		b.WriteString(c.org(n.args[0]))
	case "v":
		ts := c.fam.vocab[n.args[0]]
		if c.gv != nil && c.gv.vocab[n.args[0]] != nil {
			ts = c.gv.vocab[n.args[0]]
		}
		if ts == nil {
			ts = commonVocab[n.args[0]]
		}
		if ts == nil {
			panic("no vocabulary " + n.args[0])
		}
		c.render(pick(c.r, ts), b)
	}
}

func flagsOf(n node) string {
	if len(n.args) > 2 {
		return n.args[2]
	}
	return ""
}

// plant records a count; b holds the text before it, whose last word may
// be a tracked key.
func (c *ctx) plant(b *strings.Builder, unit string, v int64, part bool) {
	p := planted{unit: unit, value: v, part: part}
	if !part {
		before := b.String()
		if len(before) > 40 {
			before = before[len(before)-40:]
		}
		for _, w := range []string{"约", "近", "达", "共计", "累计", "共"} {
			before = strings.TrimSuffix(before, w)
		}
		for _, k := range trackedKeys {
			if strings.HasSuffix(before, k) {
				p.key = k
				break
			}
		}
	}
	c.counts = append(c.counts, p)
}

// number draws a value in lo..hi and writes it: digits, with a hedge (余,
// 多) when flags has ~, in 万 when flags has w and the value is large, in
// Chinese (两…九) when flags has z and it is small. The value returned is
// the one written.
func (c *ctx) number(lo, hi int, flags string) (int, string) {
	v := lo + c.r.IntN(hi-lo+1)
	if strings.Contains(flags, "z") && v >= 2 && v <= 9 && c.r.IntN(2) == 0 {
		return v, string([]rune("  两三四五六七八九")[v])
	}
	hedge := ""
	if strings.Contains(flags, "~") && c.r.IntN(100) < 45 {
		hedge = "余"
		if c.r.IntN(10) < 3 {
			hedge = "多"
		}
		switch {
		case v >= 1000:
			v = v / 100 * 100
		case v >= 100:
			v = v / 10 * 10
		case v >= 20:
			v = v / 10 * 10
		}
	}
	if strings.Contains(flags, "w") && v >= 10000 && c.r.IntN(10) < 7 {
		t := v / 1000 // tenths of 万
		v = t * 1000
		if t%10 == 0 {
			return v, strconv.Itoa(t/10) + "万" + hedge
		}
		return v, fmt.Sprintf("%d.%d万%s", t/10, t%10, hedge)
	}
	return v, strconv.Itoa(v) + hedge
}

// yearText writes a year, anonymised when the report hides its year.
func (c *ctx) yearText(y int) string {
	if c.anonYear != "" {
		return c.anonYear
	}
	return strconv.Itoa(y)
}

// law returns the next law title to cite, as written, and records it.
func (c *ctx) law() string {
	if len(c.laws) == 0 {
		panic("law slot without a law; guard it with {?law|…}")
	}
	l := c.laws[c.lawI%len(c.laws)]
	c.lawI++
	s := l.title
	if l.local {
		s = c.c.prov.name + l.title
	} else if lw := c.w.laws[l.title]; lw != nil && len(lw.aliases) > 0 && c.r.IntN(10) < 4 {
		s = lw.aliases[0]
		if c.r.IntN(3) == 0 {
			s = lw.aliases[c.r.IntN(len(lw.aliases))]
		}
	}
	c.used = append(c.used, s)
	return s
}

// place renders a place slot.
func (c *ctx) place(kind string) string {
	cy := c.c
	if m := c.anonPlace; m != "" {
		switch kind {
		case "prov":
			return m + "省"
		case "provS", "cs", "cityS":
			return m
		case "city":
			return m + "市"
		case "county", "chain":
			return m + cy.level
		case "town":
			return m + pickS(c.r, []string{"镇", "镇", "乡", "街道"})
		}
	}
	switch kind {
	case "prov":
		return cy.prov.name
	case "provS":
		return cy.prov.short
	case "city":
		if cy.city == "" {
			return cy.prov.name
		}
		return cy.city
	case "cityS":
		if cy.city == "" {
			return cy.prov.short
		}
		return cy.cityShort
	case "county":
		return cy.name
	case "cs":
		return cy.short
	case "chain":
		return cy.city + cy.name
	case "lvl":
		return cy.level
	case "tw":
		switch {
		case cy.streets*2 > len(cy.towns):
			return "街道"
		case cy.streets > 0:
			return "镇（街道）"
		}
		return "乡镇"
	case "town":
		t := c.towns[c.townI%len(c.towns)]
		c.townI++
		return t
	}
	panic("unknown place slot " + kind)
}

// org renders an agency role. "partners" is a list of two to five bodies
// joined by 、, later ones often without the level prefix.
func (c *ctx) org(role string) string {
	if role == "lead" {
		return c.lead
	}
	if role == "partners" {
		ps := c.orgs["partners"]
		k := min(len(ps), 2+c.r.IntN(4))
		idx := c.r.Perm(len(ps))[:k]
		slices.Sort(idx)
		parts := make([]string, k)
		for i, j := range idx {
			p := ps[j]
			if i > 0 && strings.HasPrefix(p, c.c.level) && strings.HasSuffix(p, "局") && c.r.IntN(2) == 0 {
				p = strings.TrimPrefix(p, c.c.level)
			}
			parts[i] = p
		}
		return strings.Join(parts, "、")
	}
	cands := c.orgs[role]
	if len(cands) == 0 {
		return c.lead
	}
	i := c.r.IntN(len(cands))
	if cands[i] == c.lastOrg && len(cands) > 1 {
		i = (i + 1) % len(cands) // 国网…供电公司、中国移动…分公司, not the same twice
	}
	c.lastOrg = cands[i]
	return cands[i]
}

// date renders a date slot.
func (c *ctx) date(kind string) string {
	switch kind {
	case "obsday", "yobsday":
		s := md(c.obsDay)
		if c.kind == "month" {
			s = fmt.Sprintf("%d月", c.obsDay.Month())
		}
		if kind == "yobsday" {
			return c.yearText(c.obsDay.Year()) + "年" + s
		}
		return s
	case "main":
		return md(c.main_)
	case "ymain":
		return c.yearText(c.main_.Year()) + "年" + md(c.main_)
	case "period":
		return c.period(false)
	case "yperiod":
		return c.period(true)
	case "in":
		return md(c.dayIn())
	case "pair":
		d := c.dayIn()
		if d.Equal(c.end) || d.AddDate(0, 0, 1).Month() != d.Month() {
			d = d.AddDate(0, 0, -1)
		}
		return fmt.Sprintf("%d月%d、%d日", d.Month(), d.Day(), d.Day()+1)
	case "pre":
		return md(c.start.AddDate(0, 0, -3-c.r.IntN(18)))
	case "post", "ypost":
		d := c.end.AddDate(0, 0, 2+c.r.IntN(14))
		if kind == "ypost" {
			return c.yearText(d.Year()) + "年" + md(d)
		}
		return md(d)
	}
	panic("unknown date slot " + kind)
}

func (c *ctx) dayIn() time.Time {
	n := int(c.end.Sub(c.start).Hours()/24) + 1
	return c.start.AddDate(0, 0, c.r.IntN(n))
}

// period writes the activity period: 3月1日至20日, 3月1日至3月20日,
// 3月10日—17日, or a single day.
func (c *ctx) period(withYear bool) string {
	s, e := c.start, c.end
	y := ""
	if withYear {
		y = c.yearText(s.Year()) + "年"
	}
	if s.Equal(e) {
		return y + md(s)
	}
	sep := pickS(c.r, []string{"至", "至", "至", "—", "到", "-"})
	if s.Month() == e.Month() && c.r.IntN(2) == 0 {
		return fmt.Sprintf("%s%s%s%d日", y, md(s), sep, e.Day())
	}
	return y + md(s) + sep + md(e)
}

func md(t time.Time) string { return fmt.Sprintf("%d月%d日", t.Month(), t.Day()) }

var (
	reMonthDay   = regexp.MustCompile(`(\d\d)-(\d\d)`)
	reMonth      = regexp.MustCompile(`(\d{1,2})月`)
	reWholeMonth = regexp.MustCompile(`^\d{1,2}月$`)
)

// setDates fixes the observance day and the activity period for the year.
func (c *ctx) setDates() {
	y := c.year
	date := ""
	name := ""
	if c.obs != nil {
		date, name = c.obs.date, c.obs.name
	}
	day := func(m, d int) time.Time { return time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC) }
	switch {
	case c.obs == nil:
		m := 3 + c.r.IntN(9)
		c.kind, c.obsDay = "month", day(m, 1)
	case reMonthDay.MatchString(date):
		m := reMonthDay.FindStringSubmatch(date)
		mo, _ := strconv.Atoi(m[1])
		d, _ := strconv.Atoi(m[2])
		c.kind, c.obsDay = "day", day(mo, d)
		if strings.Contains(name, "周") {
			c.kind = "week"
		}
	case strings.Contains(date, "第三个"):
		m := reMonth.FindStringSubmatch(date)
		mo, _ := strconv.Atoi(m[1])
		want := time.Sunday
		if strings.Contains(date, "公休日") {
			want = time.Saturday
		}
		d := day(mo, 1)
		for d.Weekday() != want {
			d = d.AddDate(0, 0, 1)
		}
		c.kind, c.obsDay = "day", d.AddDate(0, 0, 14)
	case reWholeMonth.MatchString(date):
		mo, _ := strconv.Atoi(strings.TrimSuffix(date, "月"))
		c.kind, c.obsDay = "month", day(mo, 1)
	default:
		mo := 5
		if m := reMonth.FindStringSubmatch(date); m != nil {
			mo, _ = strconv.Atoi(m[1])
		}
		c.kind, c.obsDay = "week", day(mo, 1+c.r.IntN(20))
	}
	switch c.kind {
	case "day":
		c.start, c.end = c.obsDay, c.obsDay
		if c.r.IntN(5) > 0 {
			c.start = c.obsDay.AddDate(0, 0, -c.r.IntN(15))
			c.end = c.obsDay.AddDate(0, 0, c.r.IntN(8))
		}
		c.main_ = c.obsDay
	case "week":
		c.start = c.obsDay
		if strings.Contains(name, "宪法") {
			c.start = c.obsDay.AddDate(0, 0, -c.r.IntN(4))
		}
		c.end = c.start.AddDate(0, 0, 6)
		c.main_ = c.start.AddDate(0, 0, c.r.IntN(3))
	case "month":
		c.start = c.obsDay
		c.end = c.obsDay.AddDate(0, 1, -1)
		if c.r.IntN(10) < 3 {
			c.end = c.start.AddDate(0, 0, 14+c.r.IntN(10))
		}
		c.main_ = c.start.AddDate(0, 0, 5+c.r.IntN(14))
	}
}

// chineseNumeral writes 1–99 in Chinese numerals (十二, 二十二).
func chineseNumeral(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return d[n]
	case n < 20:
		return "十" + d[n%10]
	case n < 100:
		return d[n/10] + "十" + d[n%10]
	}
	return strconv.Itoa(n)
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func pickS(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// runes counts the characters of s.
func runes(s string) int { return utf8.RuneCountInString(s) }
