package extract

import (
	"fmt"
	"strconv"
)

// Kind names a kind of fact. The same spelling is used by JSON, CSV headers,
// facet names and URL parameters.
type Kind string

// The kinds of fact the extractor produces.
const (
	KindCount Kind = "count"
	KindDate  Kind = "date"
	KindTheme Kind = "theme"
	KindOrg   Kind = "org"
	KindPlace Kind = "place"
	KindLaw   Kind = "law"
)

// Kinds lists every kind in a stable order.
var Kinds = []Kind{KindCount, KindDate, KindTheme, KindOrg, KindPlace, KindLaw}

// Span is a half-open range [Start, End) of character (rune) offsets into a
// document's normalised text.
type Span [2]int

// String formats the span as "start-end".
func (s Span) String() string { return strconv.Itoa(s[0]) + "-" + strconv.Itoa(s[1]) }

// Provenance says where a fact stands and why it exists.
type Provenance struct {
	Span       Span    `json:"span"`
	Rule       string  `json:"rule,omitempty"`       // file:line of the rule that made the fact
	Confidence float64 `json:"confidence,omitempty"` // 0..1
}

// Count is a reported statistic: a value with its measure word, the thing
// counted and, when written, the action (发放宣传资料1000余份).
type Count struct {
	Text   string  `json:"text"`
	Action string  `json:"action,omitempty"`
	Object string  `json:"object,omitempty"`
	Value  float64 `json:"value"`
	Max    float64 `json:"max,omitempty"` // upper end of a range (三至五人)
	Unit   string  `json:"unit"`
	Approx bool    `json:"approx"`
	Hedge  string  `json:"hedge,omitempty"` // the hedge words as written (余, 近…左右)
	// PartOf is, for a part of a total (共受理投诉44起，其中申诉28起), the
	// 1-based position of the total among the document's counts; 0 otherwise.
	PartOf int `json:"part_of,omitempty"`
	Provenance
}

// String gives a one-line form for tests: count{1000 份 宣传资料 ~}.
func (c Count) String() string {
	v := FormatValue(c.Value)
	if c.Max > 0 {
		v += "-" + FormatValue(c.Max)
	}
	s := fmt.Sprintf("count{%s %s %s", v, c.Unit, c.Object)
	if c.Approx {
		s += " ~"
	}
	return s + "}"
}

// FormatValue writes a number without a trailing ".0" for integers.
func FormatValue(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Date is a calendar day, or a range of days, mentioned in the text. Date,
// From and To are written as the text gives them: YYYY-MM-DD when the year
// is written with the day, --MM-DD otherwise.
type Date struct {
	Text     string `json:"text"`
	Date     string `json:"date,omitempty"`
	From     string `json:"from,omitempty"`
	To       string `json:"to,omitempty"`
	Resolved string `json:"resolved,omitempty"` // completed from the document year
	Provenance
}

// String gives a one-line form for tests.
func (d Date) String() string {
	if d.Date != "" {
		return "date{" + d.Date + "}"
	}
	return "date{" + d.From + ".." + d.To + "}"
}

// Theme is an annual or campaign theme phrase, without its quotes.
type Theme struct {
	Text string `json:"text"`
	Provenance
}

// String gives a one-line form for tests.
func (t Theme) String() string { return "theme{" + t.Text + "}" }

// Law is the title of a law or regulation cited in 《》, without the brackets.
type Law struct {
	Title     string `json:"title"`
	Canonical string `json:"canonical,omitempty"` // full official name when known
	Provenance
}

// String gives a one-line form for tests.
func (l Law) String() string { return "law{" + l.Title + "}" }

// OrgKind classifies an organisation.
type OrgKind string

// The organisation kinds of the evaluation schema.
const (
	OrgGov      OrgKind = "gov"
	OrgAssoc    OrgKind = "assoc"
	OrgCompany  OrgKind = "company"
	OrgMedia    OrgKind = "media"
	OrgSchool   OrgKind = "school"
	OrgHospital OrgKind = "hospital"
	OrgOther    OrgKind = "other"
)

// Org is a named organisation as written in the text, with its canonical
// name when an alias is known and, for bodies merged or renamed by a reform,
// the successor (工商局 → 市场监督管理局).
type Org struct {
	Name      string  `json:"name"`
	Canonical string  `json:"canonical,omitempty"`
	Successor string  `json:"successor,omitempty"`
	Kind      OrgKind `json:"kind"`
	Provenance
}

// String gives a one-line form for tests.
func (o Org) String() string { return "org{" + o.Name + " " + string(o.Kind) + "}" }

// Place is an administrative place named in the text, as written, with its
// position in the division hierarchy when it is known.
type Place struct {
	Name     string `json:"name"`
	Code     string `json:"code,omitempty"` // administrative division code
	Level    string `json:"level,omitempty"`
	Province string `json:"province,omitempty"`
	City     string `json:"city,omitempty"`
	County   string `json:"county,omitempty"`
	Provenance
}

// String gives a one-line form for tests.
func (p Place) String() string { return "place{" + p.Name + "}" }

// factsFor returns an empty slice for the facts of hits, with room for
// one per hit: the builders append to it without growing it.
func factsFor[T any](hits []hit) []T {
	if len(hits) == 0 {
		return nil
	}
	return make([]T, 0, len(hits))
}
