package rules

import (
	"testing"
	"testing/fstest"
)

// FuzzParsePattern checks that any pattern either parses into a tree that
// writes back into an equivalent pattern, or fails with an error, never a
// panic.
func FuzzParsePattern(f *testing.F) {
	for _, s := range []string{
		`action=@action? object=<np> @link? value=<num> unit=(@unit "(" @unit ")" | @unit)`,
		`《 !关于 title=(<han>{0,40} @law_suffix) 》`, `&<num> @hotline !<digit>`, `x{2,}`, `"a\"b"`,
		`name=`, `((((`, `a|`, `~@`, `/`, `<>`, `{1,2}`, `!!x`, `&!x`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParsePattern(s)
		if err != nil {
			return
		}
		again, err := ParsePattern(n.String())
		if err != nil {
			t.Fatalf("%q parsed, but its form %q does not: %v", s, n.String(), err)
		}
		if again.String() != n.String() {
			t.Fatalf("%q: %q written back as %q", s, n.String(), again.String())
		}
	})
}

// FuzzLoad checks that any rule, dict and test file loads or fails with an
// error, never a panic.
func FuzzLoad(f *testing.F) {
	f.Add("份\n人次 a=b\n", "count value=<num> unit=@unit\nnot-count 第 <num>\n", "发放100份 => count{100 份 }\n", "# a\tb\n1\t2\n")
	f.Add("", "count", "=>", "")
	f.Fuzz(func(t *testing.T, dict, rulesFile, test, table string) {
		_, _ = Load(fstest.MapFS{
			"unit.dict":   {Data: []byte(dict)},
			"count.rules": {Data: []byte(rulesFile)},
			"count.test":  {Data: []byte(test)},
			"t.tsv":       {Data: []byte(table)},
		})
	})
}
