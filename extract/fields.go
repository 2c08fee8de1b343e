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

// builderClasses are the classes the fact builders look words up in.
type builderClasses struct {
	orgName, orgSuffix *class
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
	e.built = builderClasses{orgName: e.classes["org_name"], orgSuffix: e.classes["org_suffix"]}
}

// fieldsOf returns the fields of the rule of h.
func (e *Extractor) fieldsOf(h hit) *ruleFields { return &e.fields[h.rule.order] }
