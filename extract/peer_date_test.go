package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// peerDir holds the Recognizers-Text specs, relative to this package.
const peerDir = "../../shared/peer/recognizers-text"

// peerCase is one case of a Recognizers-Text DateTime extractor spec.
type peerCase struct {
	Input   string
	Results []struct {
		Text          string
		Start, Length int
	}
}

// peerCategory is a kind of input whose semantics differ from ours on
// purpose, with the reason written out.
type peerCategory struct {
	name, reason string
	match        func(c peerCase) bool
}

var (
	reLunar    = regexp.MustCompile(`农历|農曆|正月|腊月|臘月|大年|除夕|初[一二三四五六七八九十]`)
	reWeekday  = regexp.MustCompile(`星期|礼拜|禮拜|[周週][一二三四五六日天末]`)
	reRelative = regexp.MustCompile(`[今明昨][天日]|[今明去前]年|[前后後]天|本月|本周|本世纪|上世纪|最近|近 ?[0-9一二三四五六七八九十]+ ?年|过去|这个|最后一个|上一个|` +
		`[上下前][上下]?(个|個)?[0-9一二三四五六七八九十]{0,2}(周|週|月|年|天)`)
	reShortNumeric = regexp.MustCompile(`(^|[^0-9./\-])[0-9]{1,2}[./\-][0-9]{1,2}([./\-][0-9]{1,2})?($|[^0-9./\-])`)
	reDayNoMonth   = regexp.MustCompile(`[0-9一二三四五六七八九十]+[日号]`)
	reWritesDay    = regexp.MustCompile(`[日号]|月 *[0-9一二三四五六七八九十廿卅]|[0-9]{1,4}[./\-][0-9]{1,2}[./\-][0-9]{1,4}|[0-9]{4} [0-9]{2} [0-9]{2}`)
)

// peerCategories are the excluded categories, tried in order.
var peerCategories = []peerCategory{
	{"relative dates", "今天/明年/上周/下个月 need a reference date",
		func(c peerCase) bool { return reRelative.MatchString(c.Input) }},
	{"weekdays", "星期一/周三 name no calendar day",
		func(c peerCase) bool { return reWeekday.MatchString(c.Input) }},
	{"lunar dates", "正月初一/大年三十 are lunar, Day is Gregorian",
		func(c peerCase) bool { return reLunar.MatchString(c.Input) }},
	{"numeric dates without a four-digit year", "12/1, 27-7-3 are fractions, scores or codes in reports",
		func(c peerCase) bool { return reShortNumeric.MatchString(c.Input) }},
	{"a day with no month in the text", "12号 alone is a house or document number",
		func(c peerCase) bool { return !strings.Contains(c.Input, "月") && reDayNoMonth.MatchString(c.Input) }},
	{"periods coarser than a day", "2008年, 2018年10月, 九十年代 are no calendar day",
		func(c peerCase) bool { return len(c.Results) > 0 && !reWritesDay.MatchString(c.Input) }},
}

// peerTarget is the pass rate required of each spec file.
var peerTarget = map[string]float64{
	"DateExtractor":       0.90,
	"DatePeriodExtractor": 0.80,
}

func TestPeerDates(t *testing.T) {
	if _, err := os.Stat(peerDir); err != nil {
		t.Skipf("peer specs not found at %s (shared/peer/recognizers-text is not checked out beside the repository): %v", peerDir, err)
	}
	for _, name := range []string{"DateExtractor", "DatePeriodExtractor"} {
		t.Run(name, func(t *testing.T) { runPeerFile(t, name) })
	}
}

// runPeerFile runs one spec file and checks its pass rate.
func runPeerFile(t *testing.T, name string) {
	data, err := os.ReadFile(filepath.Join(peerDir, "DateTime-Chinese-"+name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []peerCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	excluded := map[string]int{}
	pass, total := 0, 0
	for _, c := range cases {
		if cat := peerExcluded(c); cat != "" {
			excluded[cat]++
			continue
		}
		total++
		want, got := peerWant(c), peerGot(c.Input)
		if slices.Equal(got, want) {
			pass++
		} else {
			t.Logf("FAIL %q: got %q, want %q", c.Input, got, want)
		}
	}
	line := fmt.Sprintf("%s: %d/%d in scope pass (excluded %d: %s)", name, pass, total, len(cases)-total, peerExcludedSummary(excluded))
	fmt.Println(line)
	t.Log(line)
	if rate := float64(pass) / float64(max(total, 1)); rate < peerTarget[name] {
		t.Errorf("%s pass rate %.2f below target %.2f", name, rate, peerTarget[name])
	}
}

// peerExcluded names the excluded category of c, or "".
func peerExcluded(c peerCase) string {
	for _, cat := range peerCategories {
		if cat.match(c) {
			return cat.name
		}
	}
	return ""
}

// peerExcludedSummary lists the excluded categories with counts and reasons.
func peerExcludedSummary(n map[string]int) string {
	var parts []string
	for _, cat := range peerCategories {
		if n[cat.name] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d — %s", cat.name, n[cat.name], cat.reason))
		}
	}
	return strings.Join(parts, "; ")
}

// peerWant gives the expected mentions as "text@start+length".
func peerWant(c peerCase) []string {
	var out []string
	for _, r := range c.Results {
		out = append(out, fmt.Sprintf("%s@%d+%d", r.Text, r.Start, r.Length))
	}
	return out
}

// peerGot gives our mentions in the same form.
func peerGot(input string) []string {
	var out []string
	for _, m := range FindDates([]rune(input)) {
		out = append(out, fmt.Sprintf("%s@%d+%d", m.Text, m.Start, m.End-m.Start))
	}
	return out
}
