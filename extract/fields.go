package extract

// ruleFields are the fixed fields of a rule that the fact builders read,
// looked up once when the rules are compiled instead of in a map per hit.
type ruleFields struct {
	unit    string // unit=: the unit of every count of the rule
	hasUnit bool
	kind    string // kind=: the kind of every org of the rule
	hasKind bool
	ends    string // ends=: the class an org's name must end with
	hasEnds bool
	require string // require=: what a theme must be (known_theme, slogan)
}

// builderClasses are the classes the fact builders look words up in, and
// the strings they make of the words of two of them: a unit word's normal
// form (NormalizeUnit), an action word itself. A fact takes those shared
// strings instead of new copies of the text.
type builderClasses struct {
	orgName, orgSuffix *class
	units, actions     map[string]string
}

// indexFields fills e.fields with the fields of e.rules, by rule order,
// and e.built with the classes of the builders.
func (e *Extractor) indexFields() {
	e.fields = make([]ruleFields, len(e.rules))
	for _, r := range e.rules {
		f := &e.fields[r.order]
		f.unit, f.hasUnit = r.Fields["unit"]
		f.kind, f.hasKind = r.Fields["kind"]
		f.ends, f.hasEnds = r.Fields["ends"]
		f.require = r.Fields["require"]
	}
	e.built = builderClasses{
		orgName: e.classes["org_name"], orgSuffix: e.classes["org_suffix"],
		units: wordStrings(e.classes["unit"], NormalizeUnit), actions: wordStrings(e.classes["action"], nil),
	}
}

// wordStrings maps the words of c to the strings f makes of them (the
// words themselves when f is nil).
func wordStrings(c *class, f func(string) string) map[string]string {
	m := map[string]string{}
	if c == nil || c.src == nil {
		return m
	}
	for _, en := range c.src.Entries {
		m[en.Word] = en.Word
		if f != nil {
			m[en.Word] = f(en.Word)
		}
	}
	return m
}

// known returns the string that table gives the text at s, when the text
// shown is the text itself.
func (b *builder) known(s span, table map[string]string) (string, bool) {
	if !b.a.shownIsText() {
		return "", false
	}
	v, ok := table[b.a.sub(s.start, s.end)]
	return v, ok
}

// fieldsOf returns the fields of the rule of h.
func (e *Extractor) fieldsOf(h hit) *ruleFields { return &e.fields[h.rule.order] }
