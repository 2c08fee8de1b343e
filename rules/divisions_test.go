package rules

import (
	"strings"
	"testing"
)

func TestBuiltinDivisions(t *testing.T) {
	set, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	divs := set.Divisions
	byCode := map[string]Division{}
	count := map[string]int{}
	for _, d := range divs {
		byCode[d.Code] = d
		count[d.Level]++
	}
	t.Logf("levels: %v", count)
	if count["province"] < 31 || count["city"] < 300 || count["county"] < 2800 || count["township"] < 30000 {
		t.Errorf("too few divisions: %v", count)
	}
	rank := map[string]int{"province": 0, "city": 1, "county": 2, "township": 3}
	for _, d := range divs {
		if d.Parent == "" {
			continue
		}
		p, ok := byCode[d.Parent]
		if !ok {
			t.Errorf("%s %s: parent %s missing", d.Code, d.Name, d.Parent)
			continue
		}
		if rank[p.Level] >= rank[d.Level] || !strings.HasPrefix(d.Code, p.Code) {
			t.Errorf("%s %s (%s) under %s %s (%s)", d.Code, d.Name, d.Level, p.Code, p.Name, p.Level)
		}
	}
	for _, name := range []string{"宁夏回族自治区", "香港特别行政区", "银川市", "西夏区", "织里镇", "朝晖街道"} {
		if !hasName(divs, name) {
			t.Errorf("no %s", name)
		}
	}
}

func hasName(divs []Division, name string) bool {
	for _, d := range divs {
		if d.Name == name {
			return true
		}
	}
	return false
}

func TestParseDivisions(t *testing.T) {
	in := "# comment\n\n11\t北京市\tprovince\t\n110101\t东城区\tcounty\t11\n"
	divs, err := ParseDivisions(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Division{{"11", "北京市", "province", ""}, {"110101", "东城区", "county", "11"}}
	if len(divs) != len(want) || divs[0] != want[0] || divs[1] != want[1] {
		t.Errorf("got %v, want %v", divs, want)
	}
}

func TestParseDivisionsErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"11\t北京市\tprovince\n", "divisions.tsv:1: 3 fields"},
		{"1x\t北京市\tprovince\t\n", `divisions.tsv:1: code "1x" is not a number`},
		{"11\t\tprovince\t\n", "divisions.tsv:1: code 11 has no name"},
		{"11\t北京市\tstate\t\n", `divisions.tsv:1: unknown level "state"`},
		{"11\t北京市\tcity\t\n", "divisions.tsv:1: city 北京市: only a province has no parent"},
		{"11\t北京市\tprovince\t\n# x\n11\t天津市\tprovince\t\n", "divisions.tsv:3: code 11 already on line 1"},
		{"110101\t东城区\tcounty\t11\n", "divisions.tsv:1: parent 11 of 东城区 is not in the table"},
	} {
		_, err := ParseDivisions(strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseDivisions(%q) = %v, want %q", tc.in, err, tc.want)
		}
	}
}

// namedReader is a reader with a file name, like *os.File.
type namedReader struct{ *strings.Reader }

func (namedReader) Name() string { return "my.tsv" }

func TestParseDivisionsName(t *testing.T) {
	_, err := ParseDivisions(namedReader{strings.NewReader("# x\nbad\n")})
	if err == nil || !strings.HasPrefix(err.Error(), "my.tsv:2: ") {
		t.Errorf("got %v, want an error at my.tsv:2", err)
	}
}
