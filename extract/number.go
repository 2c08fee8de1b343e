package extract

import (
	"math"
	"strconv"
	"strings"
)

// Number is a numeral read from text.
type Number struct {
	Value      float64 // the value; for a range, its lower end
	Max        float64 // upper end of a range (三至五, 3-5, 3～5), 0 when not a range
	Approx     bool    // hedged by 余/多/来/近/约/左右/以上/逾/超/不足/几 …, or an approximate range (三五, 二三十)
	Hedge      string  // the hedge words as written, joined with "…" when there are two ("近…余", "约…左右")
	Percent    bool    // written as a percentage (95%, 百分之九十五, 九成, 八折, 3个百分点); Value is the percent number
	Start, End int     // rune offsets [Start, End) in the text, hedges included
}

// String gives a one-line form for tests: num{1000 ~余}, num{3..5 ~},
// num{95%}.
func (n Number) String() string {
	var b strings.Builder
	b.WriteString("num{")
	b.WriteString(FormatValue(n.Value))
	if n.Max != 0 {
		b.WriteString("..")
		b.WriteString(FormatValue(n.Max))
	}
	if n.Percent {
		b.WriteString("%")
	}
	if n.Approx {
		b.WriteString(" ~")
		b.WriteString(n.Hedge)
	}
	b.WriteString("}")
	return b.String()
}

// ReadNumber reads the numeral beginning at text[i]; a leading hedge (近, 约,
// 逾 …) may be where it begins. ok is false when no numeral starts there.
func ReadNumber(text []rune, i int) (n Number, ok bool) {
	if i < 0 || i >= len(text) || !startRune(text[i]) || pairedLiang(text, i) {
		return Number{}, false
	}
	n, ok = readNumber(text, i)
	if !ok || n.End <= i || n.End > len(text) || loneWord(text, n) {
		return Number{}, false
	}
	if math.IsInf(n.Value, 0) || math.IsNaN(n.Value) || math.IsInf(n.Max, 0) || math.IsNaN(n.Max) {
		return Number{}, false
	}
	return n, true
}

// FindNumbers scans text left to right and returns every numeral, never
// starting inside another one (not in the middle of a digit run or a
// Chinese numeral).
func FindNumbers(text []rune) []Number {
	return appendNumbers(nil, text, markRunes(nil, text, numberStarts))
}

// appendNumbers appends the numbers of text to out, as FindNumbers finds
// them. marks holds, in order, the positions of the runes of text that
// may start a number (numberStarts) and maybe others (markRunes): the scan
// looks at them only.
func appendNumbers(out []Number, text []rune, marks []int32) []Number {
	i := 0
	for _, m := range marks {
		if int(m) < i || !startRune(text[m]) {
			continue
		}
		i = int(m)
		if n, ok := ReadNumber(text, i); ok {
			out = append(out, n)
			i = n.End
			continue
		}
		i = skipRun(text, i)
	}
	return out
}

// skipRun returns where the scan goes on after a failed read at i: past the
// whole digit run or Chinese numeral run, so that no numeral starts inside
// one (20××年, 万一, 两两).
func skipRun(t []rune, i int) int {
	switch {
	case isArabic(t, i):
		for i < len(t) && isArabic(t, i) {
			i++
		}
		return i
	case numeralRune(t[i]):
		for i < len(t) && numeralRune(t[i]) {
			i++
		}
		return i
	}
	return i + 1
}

// readNumber reads hedges, sign, percent prefix, the numeral itself and what
// may follow it: a fraction, a percent mark, a range and trailing hedges.
func readNumber(t []rune, i int) (Number, bool) {
	rd := reader{t: t, start: i, sign: 1, pctMul: 1}
	p := rd.prefix(i)
	if p < 0 || p >= len(t) {
		return Number{}, false
	}
	low, ok := rd.core(p)
	if !ok {
		return Number{}, false
	}
	if !rd.pct {
		if f, ok := rd.fraction(low); ok {
			return rd.number(f), true
		}
	}
	low = rd.percentSuffix(low)
	if r, ok := rd.rangeAfter(low); ok && rd.sign > 0 {
		low = r
	}
	low.end = rd.trailingHedge(low.end)
	if rd.lead == "近" && recentPeriod(t, low.end) {
		return Number{}, false
	}
	return rd.number(low), true
}

// recentPeriod reports a time unit at q: after 近 it makes "the last N
// years" (近三年, 近30天), not an approximate number; the numeral is then
// read on its own, without the hedge.
func recentPeriod(t []rune, q int) bool {
	if at(t, q) == '个' || at(t, q) == '個' {
		q++
	}
	return stopAfter(t, q, "年月天日周週季期")
}

// reader holds what surrounds the numeral proper.
type reader struct {
	t        []rune
	start    int
	sign     float64
	hedges   []string
	lead     string  // the leading hedge
	bareOnly bool    // the leading hedge (上, 数, 几, 过) needs a bare 十/百/千/万/亿
	pct      bool    // a percent prefix or suffix was read
	pctMul   float64 // 百分之 → 1, 千分之 → 0.1, …
}

// part is a numeral read by core, with what range reading needs to know.
type part struct {
	lo, hi      float64
	end         int
	ranged      bool    // 二三十, 十二三, or a range read by rangeAfter
	approxRange bool    // ranged by adjacent digits (三五), hence approximate
	arabic      bool    // led by Arabic digits
	lead0       bool    // written with a leading zero (03, 0571)
	frac        bool    // has a decimal fraction
	units       bool    // has a unit 十/百/千 or a multiplier 万/亿
	mults       bool    // has a multiplier 万/亿
	hedged      bool    // has a hedge after the digits (余, 多, 几 …)
	seq         int     // digits of a digit-by-digit numeral (二〇二四)
	ratio       bool    // a fraction (三分之一): exact, not rounded by clean
	trail       float64 // product of units and multipliers after the last digit: 五千 → 1000
	trailMul    float64 // product of multipliers after the last digit or unit: 三十万 → 10000
	pctSuffix   bool    // made a percentage by a mark after it (%, 成, 折)
}

// number builds the Number from the parts read.
func (rd *reader) number(p part) Number {
	lo, hi := p.lo, p.hi
	if !p.ratio {
		lo, hi = clean(lo), clean(hi)
	}
	n := Number{Value: rd.sign * lo, Start: rd.start, End: p.end, Percent: rd.pct}
	if p.ranged {
		n.Max = rd.sign * hi
	}
	n.Approx = len(rd.hedges) > 0 || p.approxRange
	n.Hedge = strings.Join(rd.hedges, "…")
	return n
}

// clean rounds away the binary noise of decimal arithmetic
// (1133.9×10000 = 11339000.000000002).
func clean(v float64) float64 {
	if v == math.Trunc(v) || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	c, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return v
	}
	return c
}

// prefix reads a leading hedge, a minus sign and a percent prefix at i and
// returns where the numeral proper starts, or -1.
func (rd *reader) prefix(i int) int {
	p := i
	if w, bare, q := leadingHedge(rd.t, i); q > i {
		rd.hedges = append(rd.hedges, w)
		rd.lead, rd.bareOnly = w, bare
		p = q
	} else if q, ok := minusSign(rd.t, i); ok {
		rd.sign = -1
		p = q
	}
	if q, mul, ok := percentPrefix(rd.t, p); ok {
		rd.pct, rd.pctMul = true, mul
		p = q
	}
	if rd.bareOnly && (p >= len(rd.t) || !runeIn("十百千万亿萬億", rd.t[p])) {
		return -1
	}
	return p
}

// core reads one numeral at p, hedges between its digits included (十多万).
func (rd *reader) core(p int) (part, bool) {
	n := numeral{t: rd.t, bareOK: len(rd.hedges) > 0 || rd.pct}
	if !n.read(p) {
		return part{}, false
	}
	c := n.part()
	rd.hedges = append(rd.hedges, n.hedges...)
	if rd.pct {
		c.lo, c.hi = c.lo*rd.pctMul, c.hi*rd.pctMul
	}
	return c, true
}

// fraction reads X分之Y (and N又X分之Y) after the numeral low.
func (rd *reader) fraction(low part) (part, bool) {
	if low.ranged || low.hedged {
		return part{}, false
	}
	if f, ok := rd.fractionAt(low, low.end); ok {
		return f, true
	}
	q := skipSpaces(rd.t, low.end)
	if q >= len(rd.t) || rd.t[q] != '又' {
		return part{}, false
	}
	q = skipSpaces(rd.t, q+1)
	den, ok := plainCore(rd.t, q)
	if !ok || den.ranged || den.hedged {
		return part{}, false
	}
	f, ok := rd.fractionAt(den, den.end)
	if !ok {
		return part{}, false
	}
	f.lo += low.lo
	f.hi = f.lo
	return f, true
}

// fractionAt reads 分之Y at p, den being the numeral before it.
func (rd *reader) fractionAt(den part, p int) (part, bool) {
	q, ok := matchSpaced(rd.t, skipSpaces(rd.t, p), fenZhi)
	if !ok || den.lo == 0 {
		return part{}, false
	}
	q = skipSpaces(rd.t, q)
	sign := 1.0
	if q < len(rd.t) && (rd.t[q] == '负' || rd.t[q] == '負') {
		sign, q = -1, q+1
	}
	num, ok := plainCore(rd.t, q)
	if !ok || num.ranged || num.hedged {
		return part{}, false
	}
	v := sign * num.lo / den.lo
	return part{lo: v, hi: v, end: num.end, ratio: true}, true
}

// plainCore reads a numeral with no hedge or prefix around it.
func plainCore(t []rune, p int) (part, bool) {
	if p >= len(t) {
		return part{}, false
	}
	n := numeral{t: t}
	if !n.read(p) {
		return part{}, false
	}
	return n.part(), true
}

// trailingHedge reads 左右, 以上, 以下 or 以内 right after the numeral.
func (rd *reader) trailingHedge(p int) int {
	if at(rd.t, p) == '左' && at(rd.t, p+1) == '右' {
		rd.hedges = append(rd.hedges, "左右")
		return p + 2
	}
	if at(rd.t, p) != '以' {
		return p
	}
	switch at(rd.t, p+1) {
	case '上':
		rd.hedges = append(rd.hedges, "以上")
	case '下':
		rd.hedges = append(rd.hedges, "以下")
	case '内':
		rd.hedges = append(rd.hedges, "以内")
	default:
		return p
	}
	return p + 2
}

// loneWord reports a numeral that is a single financial-style character
// standing alone: 陆 (land), 伍 (troops), 拾 (pick up), 肆 (wanton) are words.
func loneWord(t []rune, n Number) bool {
	if n.End-n.Start != 1 {
		return false
	}
	switch t[n.Start] {
	case '肆', '伍', '陆', '陸', '柒', '捌', '玖', '拾', '佰', '仟', '○':
		return true
	}
	return false
}

// pairedLiang reports 两两 (in pairs), which is not a number.
func pairedLiang(t []rune, i int) bool {
	if t[i] != '两' && t[i] != '兩' {
		return false
	}
	return i+1 < len(t) && t[i+1] == t[i] || i > 0 && t[i-1] == t[i]
}

// acc accumulates a numeral: total holds what 万 and 亿 closed, section the
// current section (below 万), digit the digit not yet given a unit.
type acc struct{ total, section, digit float64 }

// tok is the kind of the last token read by a numeral.
type tok uint8

const (
	tokNone  tok = iota
	tokDigit     // a digit or an Arabic run, not yet given a unit
	tokZero      // 零, 〇
	tokUnit      // 十 百 千
	tokMult      // 万 亿
	tokHedge     // 余 多 几 来 许
)

// numeral reads one numeral token by token: Chinese digits with units and
// multipliers (三千五百, 一万二), Arabic runs with them (2.5万, 3万4000), a
// digit-by-digit numeral (二〇二四), adjacent-digit ranges (三五, 二三十) and
// hedges between the digits and a multiplier (十多万, 500余万).
type numeral struct {
	t        []rune
	end      int     // end of the tokens accepted so far
	lo, hi   acc     // the low and high ends; the same unless ranged
	last     tok     // the last token read
	tokens   int     // digits, units and multipliers read
	ranged   bool    // an adjacent-digit range (三五, 十二三)
	cnDigit  bool    // the pending digit is one Chinese digit right after a unit (一万二 = 12000)
	pendRune rune    // the pending Chinese digit as written
	scale    float64 // the unit or multiplier read last
	unit     float64 // last unit of the current section, 0 at a section start
	mult     float64 // last multiplier
	maxMult  float64 // largest multiplier so far
	arabic   bool    // led by an Arabic run
	frac     bool    // a decimal fraction was read
	lead0    bool    // the Arabic run has a leading zero (03)
	done     bool    // a digit-by-digit numeral: nothing may follow
	seq      int     // digits of a digit-by-digit numeral
	units    bool    // a unit or multiplier was read
	mults    bool    // a multiplier was read
	trail    float64 // product of units and multipliers after the last digit (三至五千)
	trailMul float64 // product of multipliers after the last digit or unit (二十至三十万)
	hedges   []string
	bareOK   bool // a bare 百/千/万/亿 may start the numeral (after 近, 上, 百分之 …)
}

// read reads tokens from p, across spaces where the grammar allows it.
func (n *numeral) read(p int) bool {
	for p < len(n.t) {
		q := p
		if isNumSpace(n.t[q]) {
			q = skipSpaces(n.t, q)
			if q >= len(n.t) || !n.afterSpace(q) {
				break
			}
		}
		next, ok := n.token(q)
		if !ok {
			break
		}
		p, n.end = next, next
	}
	return n.tokens > 0
}

// part returns what was read.
func (n *numeral) part() part {
	return part{
		lo: n.value(n.lo), hi: n.value(n.hi), end: n.end,
		ranged: n.ranged, approxRange: n.ranged, arabic: n.arabic, lead0: n.lead0,
		frac: n.frac, units: n.units, mults: n.mults, hedged: len(n.hedges) > 0,
		seq: n.seq, trail: n.trail, trailMul: n.trailMul,
	}
}

// value adds up an accumulator; a lone digit after a unit of 百 or more is
// an abbreviation (一万二 = 12000, 九百九 = 990).
func (n *numeral) value(a acc) float64 {
	d := a.digit
	if n.cnDigit && n.last == tokDigit && n.scale >= 100 {
		d *= n.scale / 10
	}
	return a.total + a.section + d
}

// afterSpace reports whether the token at q may follow a space: PDF text
// spaces numerals out (一百 五 十 二, 7 万5 千, 十 余 万).
func (n *numeral) afterSpace(q int) bool {
	r := n.t[q]
	switch {
	case n.tokens == 0 || n.done:
		return false
	case multOf(r) > 0:
		return true
	case unitOf(r) > 0:
		return n.last == tokDigit
	case isArabic(n.t, q):
		return n.arabic && !n.frac && (n.last == tokUnit || n.last == tokMult) && arabicThenUnit(n.t, q)
	case r == '点' || r == '點':
		return !n.arabic
	case r == '余' || r == '餘' || r == '多' || r == '几' || r == '幾':
		return true
	}
	_, ok := digitOf(r)
	return ok && !n.arabic && (n.last == tokUnit || n.last == tokMult)
}

// token reads the token at q and returns where it ends.
func (n *numeral) token(q int) (int, bool) {
	r := n.t[q]
	if isArabic(n.t, q) || isDot(r) {
		return n.arabicTok(q)
	}
	if d, ok := digitOf(r); ok {
		return n.digitTok(q, d)
	}
	if u := unitOf(r); u > 0 {
		return n.unitTok(q, u)
	}
	if m := multOf(r); m > 0 {
		return n.multTok(q, m)
	}
	switch r {
	case '廿', '卅', '卌':
		return n.tensTok(q)
	case '点', '點':
		return n.pointTok(q)
	case '余', '餘', '多', '几', '幾', '来', '來', '许':
		return n.hedgeTok(q)
	}
	return q, false
}

// arabicTok reads an Arabic run: first, or after a unit in an Arabic-led
// numeral (3万4000, 1千零20).
func (n *numeral) arabicTok(q int) (int, bool) {
	if n.tokens > 0 && (!n.arabic || n.frac || n.done || len(n.hedges) > 0 || isDot(n.t[q]) ||
		n.last != tokUnit && n.last != tokMult && n.last != tokZero) {
		return q, false
	}
	a, ok := readArabic(n.t, q)
	if !ok {
		return q, false
	}
	if n.tokens > 0 {
		limit := n.unit
		if limit == 0 {
			limit = n.mult
		}
		if a.frac || a.v >= limit {
			return q, false
		}
	}
	n.lo.digit, n.hi.digit = a.v, a.v
	n.arabic, n.lead0 = true, n.tokens == 0 && a.lead0
	n.frac = a.frac
	n.setDigit()
	return a.end, true
}

// setDigit records a digit token.
func (n *numeral) setDigit() {
	n.last = tokDigit
	n.tokens++
	n.trail, n.trailMul = 1, 1
}

// digitTok reads a Chinese digit.
func (n *numeral) digitTok(q, d int) (int, bool) {
	r := n.t[q]
	switch {
	case n.arabic:
		if r == '零' && (n.last == tokUnit || n.last == tokMult) {
			n.last = tokZero
			return q + 1, true
		}
		return q, false
	case n.frac || n.done || len(n.hedges) > 0:
		return q, false
	case n.last == tokDigit:
		return n.secondDigit(q, d)
	case n.ranged:
		return q, false
	case d == 0:
		if r == '○' && n.tokens == 0 {
			return q, false
		}
		n.last = tokZero
		n.tokens++
		return q + 1, true
	}
	n.cnDigit = n.last == tokUnit || n.last == tokMult
	n.lo.digit, n.hi.digit = float64(d), float64(d)
	n.pendRune = r
	n.setDigit()
	return q + 1, true
}

// secondDigit reads a digit right after a pending digit: the high end of an
// adjacent-digit range (三五, 十二三) or a digit-by-digit numeral (二〇二四).
func (n *numeral) secondDigit(q, d int) (int, bool) {
	r := n.t[q]
	var after rune
	if q+1 < len(n.t) {
		after = n.t[q+1]
	}
	_, afterDigit := digitOf(after)
	if !n.ranged && adjacent(n.pendRune, r) && !afterDigit && after != '折' {
		n.hi.digit = float64(d)
		n.ranged = true
		return q + 1, true
	}
	if n.tokens != 1 || n.ranged || !plainDigit(n.pendRune) || !plainDigit(r) {
		return q, false
	}
	v := n.lo.digit
	for q < len(n.t) && plainDigit(n.t[q]) && v < 1e300 {
		dd, _ := digitOf(n.t[q])
		v = v*10 + float64(dd)
		q++
		n.seq++
	}
	n.seq++
	n.lo.digit, n.hi.digit = v, v
	n.cnDigit, n.done = false, true
	return q, true
}

// unitTok reads 十, 百 or 千.
func (n *numeral) unitTok(q int, u float64) (int, bool) {
	if n.done || len(n.hedges) > 0 || n.frac && n.last != tokDigit ||
		n.unit != 0 && u >= n.unit || u == 1000 && siPrefix(n.t, q+1) {
		return q, false
	}
	klo, khi := n.lo.digit, n.hi.digit
	switch {
	case n.last == tokDigit:
	case n.tokens == 0 && (u == 10 || n.bareOK || bareUnitOK(n.t, q)):
		klo, khi = 1, 1
	case n.last == tokZero && u == 10 && !n.arabic:
		klo, khi = 1, 1
	default:
		return q, false
	}
	n.lo.section += klo * u
	n.hi.section += khi * u
	n.lo.digit, n.hi.digit = 0, 0
	n.closeDigit(u)
	n.unit = u
	n.trailMul = 1
	return q + 1, true
}

// closeDigit records a unit or multiplier token.
func (n *numeral) closeDigit(u float64) {
	if n.last == tokDigit {
		n.trail = u
	} else {
		n.trail *= u
	}
	n.cnDigit = false
	n.scale = u
	n.last = tokUnit
	n.tokens++
	n.units = true
}

// tensTok reads 廿 (20), 卅 (30) or 卌 (40) at the start of a numeral.
func (n *numeral) tensTok(q int) (int, bool) {
	if n.tokens > 0 {
		return q, false
	}
	v := 20.0
	switch n.t[q] {
	case '卅':
		v = 30
	case '卌':
		v = 40
	}
	n.lo.section, n.hi.section = v, v
	n.closeDigit(10)
	n.unit = 10
	return q + 1, true
}

// multTok reads 万 or 亿.
func (n *numeral) multTok(q int, m float64) (int, bool) {
	if n.done {
		return q, false
	}
	slo, shi := n.lo.section+n.lo.digit, n.hi.section+n.hi.digit
	if n.tokens == 0 {
		if !n.bareOK && !bareMultOK(n.t, q) {
			return q, false
		}
		slo, shi = 1, 1
	}
	if !n.multOK(m, slo) {
		return q, false
	}
	lo, hi := applyMult(n.lo, slo, m, n.mult), applyMult(n.hi, shi, m, n.mult)
	if math.IsInf(lo.total, 0) || math.IsInf(hi.total, 0) {
		return q, false
	}
	n.lo, n.hi = lo, hi
	if n.last == tokMult || n.last == tokHedge {
		n.trailMul *= m
	} else {
		n.trailMul = m
	}
	n.closeDigit(m)
	n.last = tokMult
	n.unit, n.mult, n.maxMult = 0, m, math.Max(n.maxMult, m)
	n.mults = true
	return q + 1, true
}

// multOK says whether multiplier m may come now, s being the section it
// closes: 万万 and 万亿 stack, 三万二万 does not, and after a decimal only
// a larger multiplier may come.
func (n *numeral) multOK(m, s float64) bool {
	switch {
	case n.frac && m <= n.maxMult:
		return false
	case s == 0:
		return (n.last == tokMult || n.last == tokHedge) && (m > n.mult || m == 1e4 && n.mult == 1e4 && n.last == tokMult)
	case n.mult != 0 && m == n.mult:
		return false
	}
	return true
}

// applyMult closes section s with multiplier m.
func applyMult(a acc, s, m, prev float64) acc {
	switch {
	case s == 0:
		a.total *= m
	case m > prev:
		a.total = (a.total + s) * m
	default:
		a.total += s * m
	}
	a.section, a.digit = 0, 0
	return a
}

// pointTok reads a Chinese decimal: 点 and digit-by-digit digits (二点五,
// 两千三点一), not a clock time (九点三十分, 三点半).
func (n *numeral) pointTok(q int) (int, bool) {
	if n.arabic || n.frac || n.done || n.ranged || len(n.hedges) > 0 || n.tokens == 0 {
		return q, false
	}
	j := skipSpaces(n.t, q+1)
	start := j
	for j < len(n.t) && fracDigit(n.t[j]) {
		j++
	}
	if j == start || j-start > 30 || j < len(n.t) && (unitOf(n.t[j]) > 0 || runeIn("分时時刻钟鐘秒", n.t[j])) {
		return q, false
	}
	var b strings.Builder
	b.WriteString(strconv.FormatFloat(n.value(n.lo), 'f', -1, 64))
	b.WriteByte('.')
	for _, r := range n.t[start:j] {
		d, _ := digitOf(r)
		b.WriteByte(byte('0' + d))
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	if err != nil {
		return q, false
	}
	n.lo, n.hi = acc{digit: v}, acc{digit: v}
	n.frac, n.cnDigit = true, false
	n.last = tokDigit
	return j, true
}

// hedgeTok reads a hedge written after the digits: 余/多 (1000余, 十多万),
// 几 (十几, 一百零几万), 来/许 (十来, 20来).
func (n *numeral) hedgeTok(q int) (int, bool) {
	if n.tokens == 0 || n.done || n.ranged || n.last == tokHedge {
		return q, false
	}
	v := n.value(n.lo)
	ok := false
	switch n.t[q] {
	case '余', '餘', '多':
		ok = v >= 10 || n.last == tokUnit || n.last == tokMult || multOf(at(n.t, skipSpaces(n.t, q+1))) > 0
	case '几', '幾':
		ok = n.last == tokUnit || n.last == tokZero
	default:
		ok = v >= 10 && math.Mod(v, 10) == 0
	}
	if !ok {
		return q, false
	}
	n.hedges = append(n.hedges, midHedge(n.t[q]))
	n.last = tokHedge
	return q + 1, true
}

// midHedge returns a hedge written after the digits as a string, without
// allocating.
func midHedge(r rune) string {
	switch r {
	case '余':
		return "余"
	case '餘':
		return "餘"
	case '多':
		return "多"
	case '几':
		return "几"
	case '幾':
		return "幾"
	case '来':
		return "来"
	case '來':
		return "來"
	}
	return "许"
}

// arabic is an Arabic digit run read by readArabic.
type arabic struct {
	v     float64
	end   int
	frac  bool
	lead0 bool
}

// readArabic reads an Arabic digit run at p: ASCII or full-width digits,
// thousands groups (1,000; 1，000; 1 000), PDF letter spacing (3 0 0) and a
// decimal fraction. A run next to ×/X/* is anonymised (20××年): no number.
func readArabic(t []rune, p int) (arabic, bool) {
	var buf [48]byte
	b := buf[:0]
	q := p
	if isDot(t[q]) {
		if !isArabic(t, q+1) || q > 0 && (isDot(t[q-1]) || isArabic(t, q-1)) {
			return arabic{}, false
		}
		b = append(b, '0')
	} else {
		b, q = groups(t, q, b)
	}
	a := arabic{lead0: len(b) > 1 && b[0] == '0'}
	if q+1 < len(t) && isDot(t[q]) && isArabic(t, q+1) && !dottedBefore(t, p) {
		fb, fq := digits(t, q+1, append(b, '.'))
		if !(fq+1 < len(t) && isDot(t[fq]) && isArabic(t, fq+1)) {
			b, q, a.frac = fb, fq, true
		}
	} else if fb, fq, ok := spacedFraction(t, p, q, b); ok {
		b, q, a.frac = fb, fq, true
	}
	if masked(t, q) || p > 0 && masked(t, p-1) || len(b) > 300 {
		return arabic{}, false
	}
	v, ok := parseDigits(b, a.frac)
	if !ok {
		return arabic{}, false
	}
	a.v, a.end = v, q
	return a, true
}

// spacedFraction reads the fraction of a letter-spaced number, as PDF text
// has it (1 8 . 6): the integer digits at p..q are each one apart, and a
// spaced dot and spaced single digits follow.
func spacedFraction(t []rune, p, q int, b []byte) ([]byte, int, bool) {
	if q-p != 2*len(b)-1 || q+3 >= len(t) || t[q] != ' ' || !isDot(t[q+1]) || t[q+2] != ' ' || !isArabic(t, q+3) || runLen(t, q+3) != 1 {
		return nil, 0, false
	}
	fb := append(b, '.')
	fq := q + 2
	for fq+1 < len(t) && t[fq] == ' ' && isArabic(t, fq+1) && runLen(t, fq+1) == 1 {
		fb, fq = digits(t, fq+1, fb)
	}
	if fq+1 < len(t) && isDot(t[fq]) || fq+2 < len(t) && t[fq] == ' ' && isDot(t[fq+1]) {
		return nil, 0, false
	}
	return fb, fq, true
}

// parseDigits converts ASCII digits with an optional fraction; short
// integers are added up directly, exactly, without allocating.
func parseDigits(b []byte, frac bool) (float64, bool) {
	if !frac && len(b) <= 15 {
		v := 0.0
		for _, c := range b {
			v = v*10 + float64(c-'0')
		}
		return v, true
	}
	v, err := strconv.ParseFloat(string(b), 64)
	return v, err == nil && !math.IsInf(v, 0)
}

// maxGroupDigits bounds a run read across separators, so that a long spaced
// run ends instead of failing (and being read again from each digit).
const maxGroupDigits = 64

// groups reads the integer digits at q with their separators.
func groups(t []rune, q int, b []byte) ([]byte, int) {
	const (
		none = iota
		comma
		space3
		single
	)
	start := len(b)
	b, q = digits(t, q, b)
	mode, group := none, len(b)-start
	for q+1 < len(t) && len(b)-start < maxGroupDigits {
		switch {
		case isComma(t[q]) && (mode == none && group <= 3 || mode == comma) && runLen(t, q+1) == 3:
			b, q = digits(t, q+1, b)
			mode = comma
		case t[q] != ' ' || !isArabic(t, q+1):
			return b, q
		case (mode == none || mode == single) && group == 1 && runLen(t, q+1) == 1:
			b, q = digits(t, q+1, b)
			mode = single
		case (mode == none && group <= 3 || mode == space3) && runLen(t, q+1) == 3:
			b, q = digits(t, q+1, b)
			mode, group = space3, 3
		default:
			return b, q
		}
	}
	return b, q
}

// digits appends the digit run at q to b.
func digits(t []rune, q int, b []byte) ([]byte, int) {
	for q < len(t) {
		c, ok := arabicDigit(t[q])
		if !ok {
			break
		}
		b = append(b, c)
		q++
	}
	return b, q
}

// runLen is the length of the digit run at q.
func runLen(t []rune, q int) int {
	k := q
	for k < len(t) && isArabic(t, k) {
		k++
	}
	return k - q
}

// dottedBefore reports a run that follows "digit." (2024.3.15, 1.2.3):
// a dotted sequence, not a decimal.
func dottedBefore(t []rune, p int) bool {
	return p >= 2 && isDot(t[p-1]) && isArabic(t, p-2)
}

// masked reports an anonymising mark (××, XX, **, ○○) at q.
func masked(t []rune, q int) bool {
	if q < 0 || q >= len(t) {
		return false
	}
	switch t[q] {
	case '×', 'X', 'x', 'Ｘ', 'ｘ', '*', '＊', '○', '某':
		return true
	}
	return false
}

// arabicThenUnit reports an Arabic run at q followed by a unit or a
// multiplier (the 5 of "7万 5千").
func arabicThenUnit(t []rune, q int) bool {
	q += runLen(t, q)
	q = skipSpaces(t, q)
	return q < len(t) && (unitOf(t[q]) > 0 || multOf(t[q]) > 0)
}

// percentSuffix reads a percent mark after the numeral: %, ％, ‰, 成 (九成,
// 九成五), 折 (八折, 七五折) or 个百分点.
func (rd *reader) percentSuffix(c part) part {
	if rd.pct || c.hedged {
		return c
	}
	t, q := rd.t, c.end
	if q < len(t) && t[q] == ' ' && q+1 < len(t) && (t[q+1] == '%' || t[q+1] == '％') {
		q++
	}
	if q >= len(t) {
		return c
	}
	mul := 0.0
	switch t[q] {
	case '%', '％':
		if !(isHex(at(t, q+1)) && isHex(at(t, q+2))) {
			mul, q = 1, q+1
		}
	case '‰':
		mul, q = 0.1, q+1
	}
	if mul == 0 {
		return rd.wordPercent(c)
	}
	return rd.setPercent(c, q, mul)
}

// setPercent marks c as a percentage ending at q, its values times mul.
func (rd *reader) setPercent(c part, q int, mul float64) part {
	rd.pct, rd.pctMul = true, mul
	c.lo, c.hi, c.end, c.pctSuffix = c.lo*mul, c.hi*mul, q, true
	return c
}

// wordPercent reads 成, 折 or 个百分点 after the numeral, spaces allowed.
func (rd *reader) wordPercent(c part) part {
	t := rd.t
	q := skipSpaces(t, c.end)
	if q >= len(t) {
		return c
	}
	if t[q] == '个' || t[q] == '個' {
		if e, ok := matchSpaced(t, q, percentPoint); ok {
			return rd.setPercent(c, e, 1)
		}
		if e, ok := matchSpaced(t, q, percentPointTrad); ok {
			return rd.setPercent(c, e, 1)
		}
	}
	switch {
	case t[q] == '成' && c.hi <= 10 && c.lo > 0 && !stopAfter(t, q+1, cheng):
		return rd.cheng(c, q)
	case t[q] == '折' && !c.ranged && !c.units && !stopAfter(t, q+1, zhe) && at(t, rd.start-1) != '波':
		return rd.zhe(c, q)
	}
	return c
}

// cheng reads X成 (tenths): 九成 = 90, 九成五 = 95, 三成半 = 35.
func (rd *reader) cheng(c part, q int) part {
	c = rd.setPercent(c, q+1, 10)
	if c.ranged || c.frac || c.lo >= 100 {
		return c
	}
	e := skipSpaces(rd.t, q+1)
	if e >= len(rd.t) {
		return c
	}
	if d, ok := digitOf(rd.t[e]); ok && d > 0 && plainDigit(rd.t[e]) && !numeralRune(at(rd.t, e+1)) {
		c.lo, c.hi, c.end = c.lo+float64(d), c.hi+float64(d), e+1
	} else if rd.t[e] == '半' && e == q+1 {
		c.lo, c.hi, c.end = c.lo+5, c.hi+5, e+1
	}
	return c
}

// zhe reads a discount X折: 八折 = 80, 七五折 = 75, 8.5折 = 85. 十折 is not one.
func (rd *reader) zhe(c part, q int) part {
	switch {
	case c.lo >= 1 && c.lo < 10 && (c.lo == math.Trunc(c.lo) || c.lo*10 == math.Trunc(c.lo*10)):
		return rd.setPercent(c, q+1, 10)
	case c.lo >= 10 && c.lo < 100 && !c.frac && (c.arabic || c.seq == 2):
		return rd.setPercent(c, q+1, 1)
	}
	return c
}

// Runes that make 成 or 折 after a numeral part of a word (三成立, 折合,
// 七折八扣); 一波三折 is checked apart.
const (
	cheng = "立员員为為功果绩績本熟就交效型都品长長年人分份套批语語不像器形家群千倍"
	zhe   = "合算旧舊叠疊射服腾騰磨返线線中纸紙扣八"
)

// runeIn reports whether set holds r. strings.ContainsRune searches for
// the bytes of r, without decoding the runes of set.
func runeIn(set string, r rune) bool { return strings.ContainsRune(set, r) }

// stopAfter reports a rune of stops at q.
func stopAfter(t []rune, q int, stops string) bool {
	return q < len(t) && runeIn(stops, t[q])
}

// rangeAfter reads the upper end of a range after low: 三至五, 3-5, 3～5,
// 10-20万 (100000..200000), 5-10%.
func (rd *reader) rangeAfter(low part) (part, bool) {
	if low.ranged || low.hedged || low.lead0 {
		return part{}, false
	}
	q, ok := rangeSep(rd.t, low.end)
	if !ok {
		return part{}, false
	}
	pctPrefix := rd.pct && !low.pctSuffix
	if pctPrefix {
		if e, mul, ok := percentPrefix(rd.t, q); ok && mul == rd.pctMul {
			q = e
		}
	}
	sub := reader{t: rd.t, start: q, sign: 1, pctMul: 1}
	high, ok := sub.core(q)
	if !ok || high.ranged || high.lead0 || high.arabic != low.arabic {
		return part{}, false
	}
	if pctPrefix {
		high.lo, high.hi = high.lo*rd.pctMul, high.hi*rd.pctMul
	} else {
		high = sub.percentSuffix(high)
	}
	return rd.joinRange(low, high, &sub)
}

// joinRange checks and joins the two ends of a range.
func (rd *reader) joinRange(low, high part, sub *reader) (part, bool) {
	lo := low.lo
	switch {
	case low.pctSuffix && (!sub.pct || sub.pctMul != rd.pctMul):
		return part{}, false
	case !rd.pct && sub.pct:
		lo *= sub.pctMul
	}
	if !low.mults && high.trailMul > 1 && lo*high.trailMul < high.lo {
		lo *= high.trailMul
	} else if !low.units && !low.frac && high.trail > 1 && lo*high.trail < high.lo {
		lo *= high.trail
	}
	if !(high.lo > lo) {
		return part{}, false
	}
	rd.pct = rd.pct || sub.pct
	rd.hedges = append(rd.hedges, sub.hedges...)
	return part{lo: lo, hi: high.lo, end: high.end, ranged: true, arabic: low.arabic}, true
}

// rangeSep reads a range separator (至, 到, -, ～, ~, —) at p and returns
// where the upper end starts.
func rangeSep(t []rune, p int) (int, bool) {
	q := p
	if q < len(t) && t[q] == ' ' {
		q++
	}
	if q >= len(t) {
		return 0, false
	}
	switch t[q] {
	case '至', '到', '-', '－', '~', '～', '〜', '–', '―', '−':
		q++
	case '—':
		q++
		if q < len(t) && t[q] == '—' {
			q++
		}
	default:
		return 0, false
	}
	if q < len(t) && t[q] == ' ' {
		q++
	}
	return q, q < len(t)
}

// leadingHedge matches a hedge word at i. bare says the hedge only goes
// with a bare 十/百/千/万/亿 (上万, 数百, 几十, 过亿). A hedge that is part of a
// word (节约, 最近) is not one.
func leadingHedge(t []rune, i int) (w string, bare bool, end int) {
	if !hedgeFirsts.has(t[i]) {
		return "", false, i
	}
	for _, h := range leadHedges {
		if h.w[0] != t[i] || !hasAt(t, i, h.w) || i > 0 && runeIn(h.notAfter, t[i-1]) && !afterHedgeWord(t, i) {
			continue
		}
		return h.s, h.bare, i + len(h.w)
	}
	return "", false, i
}

var leadHedges = hedgeTable([]struct {
	w        []rune
	bare     bool
	notAfter string
}{
	{[]rune("超过了"), false, ""}, {[]rune("大约"), false, ""}, {[]rune("大概"), false, ""},
	{[]rune("将近"), false, ""}, {[]rune("接近"), false, ""}, {[]rune("超过"), false, ""},
	{[]rune("不足"), false, ""}, {[]rune("不到"), false, "做办辦得找想收达達"},
	{[]rune("约"), false, "节節预預签簽制契公条條相邀履违違特婚简簡集践踐失爽毁要订訂立解和誓如隐隱"},
	{[]rune("約"), false, "节節预預签簽制契公条條相邀履违違特婚简簡集践踐失爽毁要订訂立解和誓如隐隱"},
	{[]rune("近"), false, "最附邻鄰靠贴貼亲親就临臨晚浅淺远遠相"},
	{[]rune("逾"), false, ""}, {[]rune("超"), false, "赶趕高入"},
	{[]rune("上"), true, ""}, {[]rune("过"), true, "通经經不度越跨穿错錯"},
	{[]rune("数"), true, "人次总總件户戶分指函参參倍岁歲天字个個基票页頁位码碼名场場家"},
	{[]rune("几"), true, ""}, {[]rune("幾"), true, ""},
})

// hedgeWords are words ending in a rune that would join a hedge into a
// word (失 in 失约) after which the hedge is one all the same: 损失约386万元.
var hedgeWords = []string{"损失", "損失", "流失", "丢失", "丟失", "遗失", "遺失", "缺失"}

// afterHedgeWord reports whether a word of hedgeWords ends at t[i].
func afterHedgeWord(t []rune, i int) bool {
	if i < 2 {
		return false
	}
	w := string(t[i-2 : i])
	for _, h := range hedgeWords {
		if w == h {
			return true
		}
	}
	return false
}

// leadHedge is a hedge word written before the digits.
type leadHedge struct {
	w        []rune
	s        string
	bare     bool
	notAfter string
}

// hedgeTable completes the table of leading hedges with their strings.
func hedgeTable(hs []struct {
	w        []rune
	bare     bool
	notAfter string
}) []leadHedge {
	out := make([]leadHedge, len(hs))
	for k, h := range hs {
		out[k] = leadHedge{h.w, string(h.w), h.bare, h.notAfter}
	}
	return out
}

// hedgeStarts holds the first runes of the leading hedges.
const hedgeStarts = "超大将接不约約近逾上过数几幾"

// minusSign reads 负 or a minus sign before a numeral; a hyphen after a digit
// or a letter joins words or makes a range, it is no sign.
func minusSign(t []rune, i int) (int, bool) {
	switch t[i] {
	case '负', '負':
		return i + 1, i+1 < len(t) && (isArabic(t, i+1) || numeralRune(t[i+1]))
	case '-', '－', '−':
		if i > 0 && (isArabic(t, i-1) || isLetter(t[i-1]) || isNumDash(t[i-1]) || isDot(t[i-1])) {
			return 0, false
		}
		return i + 1, isArabic(t, i+1) || isDot(at(t, i+1)) && isArabic(t, i+2)
	}
	return 0, false
}

// percentPrefix reads 百分之 (mul 1), 千分之 (0.1), 万分之 (0.01) … at p.
func percentPrefix(t []rune, p int) (int, float64, bool) {
	denom, q := 1.0, p
	for q < len(t) {
		u := unitOf(t[q])
		if u == 0 {
			u = multOf(t[q])
		}
		if u < 100 {
			break
		}
		denom *= u
		q++
	}
	if q == p {
		return 0, 0, false
	}
	e, ok := matchSpaced(t, skipSpaces(t, q), fenZhi)
	if !ok {
		return 0, 0, false
	}
	e = skipSpaces(t, e)
	if e >= len(t) || !isArabic(t, e) && !numeralRune(t[e]) {
		return 0, 0, false
	}
	return e, 100 / denom, true
}

// Words that matchSpaced reads: 分之 (of a fraction), 个百分点
// (percentage points) in simplified and traditional characters.
var (
	fenZhi           = []rune("分之")
	percentPoint     = []rune("个百分点")
	percentPointTrad = []rune("個百分點")
)

// matchSpaced matches w at p, spaces allowed between its runes.
func matchSpaced(t []rune, p int, w []rune) (int, bool) {
	q := p
	for k, r := range w {
		if k > 0 {
			q = skipSpaces(t, q)
		}
		if q >= len(t) || t[q] != r {
			return 0, false
		}
		q++
	}
	return q, true
}

// hasAt reports whether t holds w at i.
func hasAt(t []rune, i int, w []rune) bool {
	if i+len(w) > len(t) {
		return false
	}
	for k, r := range w {
		if t[i+k] != r {
			return false
		}
	}
	return true
}

// at returns t[q], or 0 outside t.
func at(t []rune, q int) rune {
	if q < 0 || q >= len(t) {
		return 0
	}
	return t[q]
}

// skipSpaces returns the first non-space at or after q.
func skipSpaces(t []rune, q int) int {
	for q < len(t) && isNumSpace(t[q]) {
		q++
	}
	return q
}

func isNumSpace(r rune) bool { return r == ' ' || r == '\u3000' || r == '\u00a0' }
func isDot(r rune) bool      { return r == '.' || r == '．' }
func isComma(r rune) bool    { return r == ',' || r == '，' }
func isNumDash(r rune) bool  { return r == '-' || r == '－' || r == '−' }
func isHex(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}

// arabicDigit returns the ASCII digit for an ASCII or full-width digit.
func arabicDigit(r rune) (byte, bool) {
	switch {
	case r >= '0' && r <= '9':
		return byte(r), true
	case r >= '０' && r <= '９':
		return byte(r - '０' + '0'), true
	}
	return 0, false
}

// isArabic reports an Arabic digit at q.
func isArabic(t []rune, q int) bool {
	if q < 0 || q >= len(t) {
		return false
	}
	_, ok := arabicDigit(t[q])
	return ok
}

// digitOf returns the value of a Chinese digit.
func digitOf(r rune) (int, bool) {
	switch r {
	case '〇', '零', '○':
		return 0, true
	case '一', '壹':
		return 1, true
	case '二', '贰', '貳', '两', '兩', '倆', '俩':
		return 2, true
	case '三', '叁', '叄':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆', '陸':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	return 0, false
}

// plainDigit reports a digit written plainly, as in 二〇二四.
func plainDigit(r rune) bool {
	switch r {
	case '〇', '零', '○', '一', '二', '三', '四', '五', '六', '七', '八', '九':
		return true
	}
	return false
}

// fracDigit reports a digit that may follow 点.
func fracDigit(r rune) bool {
	d, ok := digitOf(r)
	return ok && (d != 2 || r == '二' || r == '贰' || r == '貳')
}

// adjacent reports two digits that make an approximate range: 三四, 一两, 三五.
func adjacent(a, b rune) bool {
	x, _ := digitOf(a)
	y, _ := digitOf(b)
	if x == 0 || a == b || !plainDigit(a) && a != '两' || !plainDigit(b) && b != '两' {
		return false
	}
	return y == x+1 || x == 3 && y == 5
}

// unitOf returns the value of 十, 百 or 千.
func unitOf(r rune) float64 {
	switch r {
	case '十', '拾':
		return 10
	case '百', '佰':
		return 100
	case '千', '仟':
		return 1000
	}
	return 0
}

// multOf returns the value of 万 or 亿.
func multOf(r rune) float64 {
	switch r {
	case '万', '萬':
		return 1e4
	case '亿', '億':
		return 1e8
	}
	return 0
}

// numeralRune reports a Chinese digit, unit or multiplier.
func numeralRune(r rune) bool {
	_, ok := digitOf(r)
	return ok || unitOf(r) > 0 || multOf(r) > 0 || r == '廿' || r == '卅' || r == '卌'
}

// startRune reports a rune a numeral may begin with: a digit, a numeral
// character, a sign, a dot or the first rune of a hedge.
func startRune(r rune) bool { return numberStarts.has(r) }

// bareUnitOK says whether a bare 百 or 千 starts a numeral: 百余, 千多, 百三
// (130), 千三 (1300); not 百姓, 千方百计, 千万 (adverb).
func bareUnitOK(t []rune, q int) bool {
	next := at(t, q+1)
	if next == '余' || next == '餘' || next == '多' {
		return true
	}
	d, ok := digitOf(next)
	return (t[q] == '百' || t[q] == '千') && ok && d > 0 && plainDigit(next) && !numeralRune(at(t, q+2))
}

// bareMultOK says whether a bare 万 or 亿 starts a numeral: 万余, 亿多.
func bareMultOK(t []rune, q int) bool {
	next := at(t, q+1)
	return next == '余' || next == '餘' || next == '多'
}

// siPrefix reports 千 used as the metric prefix kilo- (千克, 千米, 千瓦).
func siPrefix(t []rune, q int) bool {
	return stopAfter(t, q, "克米瓦伏卡帕赫焦兆")
}
