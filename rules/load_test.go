package rules

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadBuiltin(t *testing.T) {
	set, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"count", "date", "theme", "org", "place", "law"} {
		found := false
		for _, r := range set.Rules {
			found = found || r.Kind == kind && !r.Veto
		}
		if !found {
			t.Errorf("no built-in rule makes %s facts", kind)
		}
	}
	if set.Classes["unit"] == nil || !set.Classes["unit"].Has("人次") {
		t.Errorf("unit class missing or without 人次")
	}
	if len(set.Tests) == 0 {
		t.Errorf("no rule tests loaded")
	}
	if len(set.Version) != 12 {
		t.Errorf("version %q, want 12 hex digits", set.Version)
	}
}

// TestLoadErrors checks that every error of a bad rule set is reported at
// once, each with file:line.
func TestLoadErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"unit.dict":   {Data: []byte("份\n人次\n份\n")},
		"count.rules": {Data: []byte("# comment\ncount value=<num> unit=@unti\ncount value=<nums>\nnumber <num>\ncount (a|b\ncount\n")},
		"count.test":  {Data: []byte("no arrow here\n")},
		"t.tsv":       {Data: []byte("# a\tb\n1\t2\t3\n")},
	}
	_, err := Load(fstest.MapFS{}, fsys)
	if err == nil {
		t.Fatal("bad rule set loaded without error")
	}
	for _, want := range []string{
		`unit.dict:3: "份" is listed twice`,
		`count.rules:2: unknown class "unti"`,
		`count.rules:3: column 7: unknown sub-parser <nums>`,
		`count.rules:4: unknown kind "number"`,
		`count.rules:5: column 5: missing )`,
		`count.rules:6: missing pattern`,
		`count.test:1: want "text => facts"`,
		`t.tsv:2: 3 cells, but 2 columns`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not report %q; got:\n%v", want, err)
		}
	}
}

// TestLayers checks that a user's file replaces the built-in one of the
// same name and that a new file adds to the set.
func TestLayers(t *testing.T) {
	base := fstest.MapFS{
		"unit.dict":   {Data: []byte("份\n")},
		"count.rules": {Data: []byte("count value=<num> unit=@unit\n")},
	}
	user := fstest.MapFS{
		"unit.dict": {Data: []byte("份\n册\n")},
		"mine.dict": {Data: []byte("一\n")},
	}
	set, err := Load(base, user)
	if err != nil {
		t.Fatal(err)
	}
	if !set.Classes["unit"].Has("册") || set.Classes["mine"] == nil {
		t.Errorf("user layer not applied: %+v", set.Classes)
	}
	plain, _ := Load(base)
	if plain.Version == set.Version {
		t.Errorf("version did not change with the rules")
	}
}

func TestParsePattern(t *testing.T) {
	for _, tc := range []struct{ in, out string }{
		{`发放 value=<num> unit=@unit`, `发放 value=<num> unit=@unit`},
		{`action=@action? object=<np> @link? value=<num>`, `action=@action? object=<np> @link? value=<num>`},
		{`(a|b c)+ !@x &<digit> /n{1,3}`, `(a | b c)+ !@x &<digit> /n{1,3}`},
		{`"3·15" "a b" ~@org_suffix`, `3·15 "a b" ~@org_suffix`},
		{`x{2}`, `x{2}`},
		{`x{2,}`, `x{2,}`},
	} {
		n, err := ParsePattern(tc.in)
		if err != nil {
			t.Errorf("ParsePattern(%q): %v", tc.in, err)
			continue
		}
		if got := n.String(); got != tc.out {
			t.Errorf("ParsePattern(%q) = %q, want %q", tc.in, got, tc.out)
		}
	}
	for _, bad := range []string{``, `(`, `a)`, `@`, `<num`, `x{0}`, `x{3,1}`, `"open`, `name=`, `|a`} {
		if _, err := ParsePattern(bad); err == nil {
			t.Errorf("ParsePattern(%q) gave no error", bad)
		}
	}
}
