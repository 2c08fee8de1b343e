package extract

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie/rules"
)

// tables holds the lookups built from the rule set's .tsv files.
type tables struct {
	gazetteer  *Gazetteer
	lawAlias   map[string]string // alias or canonical → canonical
	orgAliases []orgAlias        // longest alias first
	// orgByLast holds orgAliases by the last byte of the alias, in the
	// same order: a name can only end with the aliases of its last byte.
	orgByLast   [256][]orgAlias
	observances []observance
	themes      []annualTheme
	themeAt     map[string]int // normalised theme → index of its first entry in themes
	// obsNames indexes the observances' names of three characters or more
	// by their first character, for one pass over a text.
	obsNames map[rune][]obsName
	obsFirst runeSet // the first characters of obsNames, a test before the map
	obsPairs pairSet // their first two characters, the next test
	topics   []topic // genres.tsv: the genre of a report that names no observance
	// topicWords indexes the words of topics
	topicWords topicWords
}

// eachObservanceName calls fn with the genre of every observance name
// written in the part p of a text.
func (t *tables) eachObservanceName(p textPart, fn func(genre string)) {
	rs := p.rs // the names have three runes or more: the last cannot start one
	for k := range min(p.starts(), len(rs)-1) {
		r := rs[k]
		if !t.obsFirst.has(r) || !t.obsPairs.has(r, rs[k+1]) {
			continue
		}
		for _, n := range t.obsNames[r] {
			if p.hasAt(k, n.runes) {
				fn(n.genre)
			}
		}
	}
}

// obsName is a name of an observance, three characters or more, and its
// genre.
type obsName struct {
	runes []rune
	genre string
}

type orgAlias struct {
	alias, canonical, kind, successor string
}

// observance is a recurring day, week or month with a known first year.
type observance struct {
	name      string
	names     []string // name and aliases, longest first
	genre     string
	firstYear int
	source    string
}

// annualTheme is the theme of an observance in one year.
type annualTheme struct {
	observance string
	year       int
	theme      string // normalised for matching
	confidence float64
}

func loadTables(set *rules.Set) (*tables, error) {
	t := &tables{lawAlias: map[string]string{}}
	var errs []string
	if tb := set.Tables["laws"]; tb != nil {
		t.loadLaws(tb)
	}
	if tb := set.Tables["org_aliases"]; tb != nil {
		t.loadOrgAliases(tb)
	}
	if tb := set.Tables["observances"]; tb != nil {
		errs = append(errs, t.loadObservances(tb)...)
	}
	if tb := set.Tables["genres"]; tb != nil {
		t.loadTopics(tb)
	}
	for _, name := range []string{"themes_cca", "themes_other"} {
		if tb := set.Tables[name]; tb != nil {
			errs = append(errs, t.loadThemes(tb, name == "themes_cca")...)
		}
	}
	if len(set.Divisions) > 0 {
		t.gazetteer = NewGazetteer(set.Divisions, set.PlaceWords())
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return t, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (t *tables) loadLaws(tb *rules.Table) {
	for _, r := range tb.Rows {
		canon := tb.Cell(r, "canonical")
		if canon == "" {
			continue
		}
		t.lawAlias[canon] = canon
		for _, a := range splitList(tb.Cell(r, "aliases")) {
			t.lawAlias[a] = canon
		}
	}
}

// lawCanonical returns the full official name of a cited law, or "".
func (t *tables) lawCanonical(title string) string {
	if c, ok := t.lawAlias[title]; ok {
		return c
	}
	if c, ok := t.lawAlias["中华人民共和国"+title]; ok {
		return c
	}
	return ""
}

func (t *tables) loadOrgAliases(tb *rules.Table) {
	for _, r := range tb.Rows {
		a := orgAlias{
			alias: tb.Cell(r, "alias"), canonical: tb.Cell(r, "canonical"),
			kind: tb.Cell(r, "kind"), successor: tb.Cell(r, "successor"),
		}
		if a.alias != "" && a.canonical != "" {
			t.orgAliases = append(t.orgAliases, a)
		}
	}
	sort.SliceStable(t.orgAliases, func(i, j int) bool {
		return utf8.RuneCountInString(t.orgAliases[i].alias) > utf8.RuneCountInString(t.orgAliases[j].alias)
	})
	for _, a := range t.orgAliases {
		last := a.alias[len(a.alias)-1]
		t.orgByLast[last] = append(t.orgByLast[last], a)
	}
}

// orgCanonical returns the canonical name (without place prefix) of an
// organisation whose name ends with a known alias, and its successor.
func (t *tables) orgCanonical(name string) (canonical, successor string) {
	if name == "" {
		return "", ""
	}
	for _, a := range t.orgByLast[name[len(name)-1]] {
		if strings.HasSuffix(name, a.alias) {
			return a.canonical, a.successor
		}
	}
	return "", ""
}

func (t *tables) loadObservances(tb *rules.Table) []string {
	var errs []string
	for _, r := range tb.Rows {
		o := observance{name: tb.Cell(r, "name"), genre: tb.Cell(r, "genre"), source: r.Source}
		if o.name == "" {
			continue
		}
		if fy := tb.Cell(r, "first_year"); fy != "" {
			y, err := strconv.Atoi(fy)
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s: first_year %q is not a year", r.Source, fy))
				continue
			}
			o.firstYear = y
		}
		o.names = append([]string{o.name}, splitList(tb.Cell(r, "aliases"))...)
		sort.SliceStable(o.names, func(i, j int) bool { return len(o.names[i]) > len(o.names[j]) })
		t.observances = append(t.observances, o)
		if o.genre == "" {
			continue
		}
		if t.obsNames == nil {
			t.obsNames = map[rune][]obsName{}
		}
		for _, name := range o.names {
			if utf8.RuneCountInString(name) >= 3 {
				first, size := utf8.DecodeRuneInString(name)
				t.obsNames[first] = append(t.obsNames[first], obsName{[]rune(name), o.genre})
				t.obsFirst.add(first)
				second, _ := decodeRune(name, size)
				t.obsPairs.add(first, second)
			}
		}
	}
	return errs
}

func (t *tables) loadThemes(tb *rules.Table, cca bool) []string {
	if t.themeAt == nil {
		t.themeAt = map[string]int{}
	}
	var errs []string
	for _, r := range tb.Rows {
		y, err := strconv.Atoi(tb.Cell(r, "year"))
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: year %q is not a year", r.Source, tb.Cell(r, "year")))
			continue
		}
		th := annualTheme{observance: tb.Cell(r, "observance"), year: y, theme: themeKey(tb.Cell(r, "theme")), confidence: 1}
		if cca {
			th.observance = "国际消费者权益日"
		}
		if c := tb.Cell(r, "confidence"); c != "" {
			th.confidence, _ = strconv.ParseFloat(c, 64)
		}
		if th.theme != "" {
			if _, ok := t.themeAt[th.theme]; !ok { // the first of a theme counts
				t.themeAt[th.theme] = len(t.themes)
			}
			t.themes = append(t.themes, th)
		}
	}
	return errs
}

// themeKey normalises a theme for comparison: no spaces or punctuation.
func themeKey(s string) string {
	return strings.Map(func(r rune) rune {
		if isHan(r) || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, s)
}

// themeYear returns the year whose theme is text, and its confidence.
func (t *tables) themeYear(text string) (int, float64, bool) {
	if i, ok := t.themeAt[themeKey(text)]; ok {
		th := t.themes[i]
		return th.year, th.confidence, true
	}
	return 0, 0, false
}
