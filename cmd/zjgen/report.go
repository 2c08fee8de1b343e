package main

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"
)

// report is one composed summary: its title, its paragraphs and the facts
// planted in them.
type report struct {
	title  string
	blocks []block
	sign   []string // signature lines: the body and the date
	entry  entry
	ctx    *ctx
}

// block is a paragraph of the body, or a section heading.
type block struct {
	text string
	head bool
}

// entry is one line of the manifest: the ground truth of one report.
type entry struct {
	File        string `json:"file"`
	Part        int    `json:"part"` // 1-based position in a compilation; 0 for a single report
	Format      string `json:"format"`
	Encoding    string `json:"encoding"`
	Title       string `json:"title"`
	Year        int    `json:"year"`
	YearWritten bool   `json:"year_written"` // the text writes the year (2024年) somewhere
	YearMasked  bool   `json:"year_masked"`  // the text writes 20××年 instead of the year
	Genre       string `json:"genre"`
	Observance  string `json:"observance,omitempty"`
	Ordinal     int    `json:"ordinal,omitempty"`
	Theme       string `json:"theme,omitempty"`
	// Places is the chain province, city, county; empty when the report
	// masks its places (××区).
	Places []string `json:"places"`
	Lead   string   `json:"lead"`
	Laws   []string `json:"laws,omitempty"` // titles as written inside 《》
	// Counts is the number of statistics planted (number + measure word,
	// the parts after 其中 included; percentages are not counts).
	Counts int `json:"counts"`
	// UnitTotals sums every planted statistic by measure word (万 multiplied out).
	UnitTotals map[string]int64 `json:"unit_totals"`
	// Totals sums, for each tracked word, the statistics written right after
	// it (发放宣传资料1200余份 adds 1200 to "宣传资料/份"); parts after 其中 are
	// not included.
	Totals map[string]int64 `json:"totals"`
	Chars  int              `json:"chars"` // characters of the title and body
	Bytes  int              `json:"bytes"` // UTF-8 bytes of the title and body
}

// yearMax closes observances that were renamed: 全国法制宣传日 became
// 国家宪法日 in 2014.
var yearMax = map[string]int{"全国法制宣传日": 2013}

// topic is what a report (or a compilation) is about.
type topic struct {
	fam  *family
	obs  *observance
	gv   *genericVocab
	year int
	anon string // the anonymised year, or ""
}

// chooseTopic draws a genre, an observance and a year. Years with a known
// theme are preferred.
func (w *world) chooseTopic(r *rand.Rand) topic {
	total := 0
	for _, f := range families {
		total += f.weight
	}
	k := r.IntN(total)
	fam := families[0]
	for _, f := range families {
		if k < f.weight {
			fam = f
			break
		}
		k -= f.weight
	}
	for {
		t := topic{fam: fam}
		lo, hi := max(2005, fam.minYear), 2025
		if len(fam.obs) > 0 {
			name := pickS(r, fam.obs)
			t.obs = w.observances[name]
			if t.obs == nil {
				panic("observances.tsv has no " + name)
			}
			lo = max(lo, t.obs.firstYear)
			if m, ok := yearMax[name]; ok {
				hi = m
			}
			t.gv = genericVocabs[name]
			if fam.key == "other" && t.gv == nil {
				panic("no vocabulary for " + name)
			}
		}
		if lo > hi {
			continue
		}
		t.year = lo + r.IntN(hi-lo+1)
		if t.obs != nil && r.IntN(100) < 65 {
			var ys []int
			for y := lo; y <= hi; y++ {
				if t.obs.themes[y] != "" {
					ys = append(ys, y)
				}
			}
			if len(ys) > 0 {
				t.year = ys[r.IntN(len(ys))]
			}
		}
		if r.IntN(100) < 5 {
			t.anon = pickS(r, []string{"20××", "20××", "20xx", "20XX"})
		}
		return t
	}
}

// newCtx sets up a report on a topic at a random place.
func (w *world) newCtx(r *rand.Rand, t topic, anonPlaceP int) *ctx {
	p := w.provinces[r.IntN(len(w.provinces))]
	c := &ctx{r: r, w: w, fam: t.fam, obs: t.obs, gv: t.gv, year: t.year, anonYear: t.anon,
		c: p.counties[r.IntN(len(p.counties))]}
	if r.IntN(100) < anonPlaceP {
		c.anonPlace = pickS(r, []string{"××", "××", "××", "xx", "**"})
	}
	c.towns = slices.Clone(c.c.towns)
	r.Shuffle(len(c.towns), func(i, j int) { c.towns[i], c.towns[j] = c.towns[j], c.towns[i] })
	if o := t.obs; o != nil {
		if th := o.themes[t.year]; th != "" && r.IntN(100) < 92 {
			c.theme = th
		}
		c.ordinal = t.year - o.firstYear + 1
		unit := o.units[0]
		if len(o.units) > 1 && r.IntN(5) == 0 {
			unit = o.units[1]
		}
		num := itoa(c.ordinal)
		if r.IntN(4) == 0 {
			num = chineseNumeral(c.ordinal)
		}
		c.ordText = "第" + num + unit
		c.obsShown = o.name
		if r.IntN(100) < 45 {
			var as []string
			for _, a := range o.aliases {
				if utf8.RuneCountInString(a) >= 4 && !strings.HasSuffix(a, "活动") {
					as = append(as, a)
				}
			}
			if len(as) > 0 {
				c.obsShown = pickS(r, as)
			}
		}
	} else {
		c.obsShown = pickS(r, []string{"反诈宣传月", "反电信网络诈骗宣传月", "“全民反诈”宣传月"})
	}
	laws := t.fam.laws
	if t.gv != nil {
		laws = t.gv.laws
	}
	for _, l := range laws {
		if l.from <= t.year && (!l.local || c.anonPlace == "") {
			c.laws = append(c.laws, l)
		}
	}
	r.Shuffle(len(c.laws), func(i, j int) { c.laws[i], c.laws[j] = c.laws[j], c.laws[i] })
	c.hot = t.fam.hot
	if len(c.hot) == 0 {
		c.hot = []string{"12345"}
	}
	c.baseOrgs()
	c.famOrgs()
	c.setDates()
	return c
}

// sentence is a rendered sentence with the counts it plants.
type sentence struct {
	text   string
	counts []planted
}

func (c *ctx) sentence(t tmpl) sentence {
	c.counts = nil
	s := c.text(t)
	return sentence{text: s, counts: c.counts}
}

// part is a section being filled: its heading, its rendered candidate
// sentences and how many of them are kept.
type part struct {
	rank  int
	head  string
	cands []sentence
	keep  int
}

// part renders a section's heading and candidate sentences (each kept with
// probability 0.9, at least one).
func (c *ctx) part(s *section) *part {
	p := &part{rank: s.rank, head: c.text(pick(c.r, s.heads)), keep: 1}
	for _, t := range s.sents {
		if c.r.IntN(100) < 90 {
			if st := c.sentence(t); st.text != "" {
				p.cands = append(p.cands, st)
			}
		}
	}
	if len(p.cands) == 0 {
		p.cands = append(p.cands, c.sentence(s.sents[0]))
	}
	return p
}

// compose writes a report of about target bytes. title, when not empty,
// replaces the drawn title (the heading of a compilation's summary).
func (c *ctx) compose(target int, title string, signP int) *report {
	r := c.r
	rep := &report{ctx: c}
	titles := commonTitles
	if c.fam.titles != nil {
		titles = c.fam.titles
	}
	rep.title = title
	for try := 0; rep.title == "" || runes(rep.title) > 40; try++ {
		t := pick(r, titles)
		if try >= 5 {
			t = titles[0]
		}
		rep.title = c.text(t)
	}
	opens := commonOpens
	if c.fam.opens != nil && (c.obs == nil || r.IntN(3) > 0) {
		opens = c.fam.opens
	}
	opening := c.sentence(pick(r, opens))

	// the sections: deployment first, closing last, 3–6 in all; more
	// middle sections join (up to six) while the report is short of target
	k := 3 + r.IntN(4)
	deploy, closing := r.IntN(100) < 75, r.IntN(100) < 60
	pool := append(slices.Clone(c.fam.secs), secPublicity, secOutreach)
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	m := k
	if deploy {
		m--
	}
	if closing {
		m--
	}
	m = max(1, min(m, len(pool)))
	size := len(rep.title) + len(opening.text)
	if r.IntN(100) < signP {
		rep.sign = []string{c.lead, c.date("ypost")}
		size += len(rep.sign[0]) + len(rep.sign[1])
	}
	var parts []*part
	add := func(s *section) *part {
		p := c.part(s)
		size += len(p.head) + 12 + len(p.cands[0].text)
		return p
	}
	var first, mid, last []*part
	if deploy {
		first = append(first, add(secDeploy))
	}
	for _, s := range pool[:m] {
		mid = append(mid, add(s))
	}
	if closing {
		last = append(last, add(secClose))
	}
	for {
		parts = slices.Concat(first, mid, last)
		for grew := true; grew; {
			grew = false
			for _, p := range parts {
				if p.keep < len(p.cands) && size+len(p.cands[p.keep].text) <= target {
					size += len(p.cands[p.keep].text)
					p.keep++
					grew = true
				}
			}
		}
		if size > target-150 || len(parts) >= 6 || m >= len(pool) {
			break
		}
		mid = append(mid, add(pool[m]))
		m++
	}
	slices.SortStableFunc(mid, func(a, b *part) int { return a.rank - b.rank })
	parts = slices.Concat(first, mid, last)

	// lay out: numbering and paragraphs
	style := r.IntN(100)
	inline := r.IntN(100) < 25
	used := []sentence{opening}
	rep.blocks = append(rep.blocks, block{text: opening.text})
	for i, p := range parts {
		var num string
		switch {
		case style < 80:
			num = chineseNumeral(i+1) + "、"
		case style < 92:
			num = "（" + chineseNumeral(i+1) + "）"
		default:
			num = itoa(i+1) + "."
		}
		kept := p.cands[:p.keep]
		used = append(used, kept...)
		var paras []string
		for j := 0; j < len(kept); {
			n := 1 + r.IntN(3)
			var b strings.Builder
			for ; n > 0 && j < len(kept); n-- {
				b.WriteString(kept[j].text)
				j++
			}
			paras = append(paras, b.String())
		}
		if inline {
			paras[0] = num + p.head + "。" + paras[0]
		} else {
			rep.blocks = append(rep.blocks, block{text: num + p.head, head: true})
		}
		for _, t := range paras {
			rep.blocks = append(rep.blocks, block{text: t})
		}
	}
	c.noise(rep)
	rep.entry = c.entryFor(rep, used)
	return rep
}

// halfDigits folds full-width digits to ASCII.
func halfDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// noise applies a report's scraping noise: full-width digits, or
// half-width punctuation as in pages copied from the web.
func (c *ctx) noise(rep *report) {
	var f func(string) string
	switch n := c.r.IntN(1000); {
	case n < 15:
		f = func(s string) string {
			return strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r - '0' + '０'
				}
				return r
			}, s)
		}
	case n < 35:
		f = strings.NewReplacer("，", ",", "：", ":", "（", "(", "）", ")", "；", ";").Replace
	default:
		return
	}
	for i := range rep.blocks {
		rep.blocks[i].text = f(rep.blocks[i].text)
	}
	for i := range rep.sign {
		rep.sign[i] = f(rep.sign[i])
	}
}

// entryFor builds the manifest line of a report from its kept sentences.
func (c *ctx) entryFor(rep *report, used []sentence) entry {
	e := entry{
		Title: rep.title, Year: c.year, YearMasked: c.anonYear != "",
		Ordinal: c.ordinal, Theme: c.theme, Lead: c.lead, Places: []string{},
		UnitTotals: map[string]int64{}, Totals: map[string]int64{},
	}
	if c.obs != nil {
		e.Genre, e.Observance = c.obs.genre, c.obs.name
	} else {
		e.Genre = c.fam.genre
	}
	if c.anonPlace == "" {
		e.Places = append(e.Places, c.c.prov.name)
		if c.c.city != "" {
			e.Places = append(e.Places, c.c.city)
		}
		e.Places = append(e.Places, c.c.name)
	}
	for _, s := range used {
		for _, p := range s.counts {
			e.Counts++
			e.UnitTotals[p.unit] += p.value
			if p.key != "" {
				e.Totals[p.key+"/"+p.unit] += p.value
			}
		}
	}
	// laws: only those in kept text (a dropped sentence may have cited one)
	seen := map[string]bool{}
	body := rep.text()
	for _, l := range c.used {
		if !seen[l] && strings.Contains(body, "《"+l+"》") {
			seen[l] = true
			e.Laws = append(e.Laws, l)
		}
	}
	e.YearWritten = strings.Contains(halfDigits(body), itoa(c.year)+"年")
	e.Chars = utf8.RuneCountInString(body)
	e.Bytes = len(body)
	return e
}

// text is the report as plain lines: title, paragraphs and signature.
func (rep *report) text() string {
	var b strings.Builder
	b.WriteString(rep.title)
	for _, bl := range rep.blocks {
		b.WriteByte('\n')
		b.WriteString(bl.text)
	}
	for _, s := range rep.sign {
		b.WriteByte('\n')
		b.WriteString(s)
	}
	return b.String()
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
