package index

import (
	"os"
	"path/filepath"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/google/go-cmp/cmp"
)

// hanTerms counts the terms of a stream that hold Han characters.
func hanTerms(ts analysis.TokenStream) map[string]int {
	out := map[string]int{}
	for _, t := range ts {
		if r, _ := utf8.DecodeRune(t.Term); unicode.Is(unicode.Han, r) {
			out[string(t.Term)]++
		}
	}
	return out
}

// TestBigramAnalyzerAsCJK checks that the bigram analyzer gives the Han
// terms of bleve's cjk analyzer, with their frequencies, on the sample
// archive and on edge cases.
func TestBigramAnalyzerAsCJK(t *testing.T) {
	cache := registry.NewCache()
	ref, err := cache.AnalyzerNamed(cjk.AnalyzerName)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"", "消", "消费", "消费者协会", "区消协，联合", "A消B费C", "3·15活动", "发放1000余份、宣传资料", "中國農業發展銀行", "消 费"}
	paths, _ := filepath.Glob("../testdata/docs/*.txt")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if utf8.Valid(b) {
			texts = append(texts, string(b))
		}
	}
	for _, text := range texts {
		want := hanTerms(ref.Analyze([]byte(text)))
		got := hanTerms(bigramAnalyzer{}.Analyze([]byte(text)))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%.40q: terms differ from cjk (-cjk +bigram):\n%s", text, diff)
		}
	}
}

// TestBigramAnalyzerWords checks the terms of letters and digits.
func TestBigramAnalyzerWords(t *testing.T) {
	var got []string
	for _, tk := range (bigramAnalyzer{}).Analyze([]byte("GB2760标准 iPhone·12315热线")) {
		got = append(got, string(tk.Term))
	}
	want := []string{"gb2760", "标准", "iphone", "12315", "热线"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("terms (-want +got):\n%s", diff)
	}
}

// FuzzBigramAnalyzer checks that any input gives terms that are slices
// of it (or their lower case) at the offsets they claim.
func FuzzBigramAnalyzer(f *testing.F) {
	for _, s := range []string{"消费者协会", "ABC消费", "\xff消", "3·15"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tk := range (bigramAnalyzer{}).Analyze([]byte(s)) {
			if tk.Start < 0 || tk.End > len(s) || tk.Start >= tk.End {
				t.Fatalf("%q: bad offsets %d..%d", s, tk.Start, tk.End)
			}
			if string(tk.Term) != s[tk.Start:tk.End] && string(tk.Term) != string(bytesToLower([]byte(s[tk.Start:tk.End]))) {
				t.Fatalf("%q: term %q is not %q", s, tk.Term, s[tk.Start:tk.End])
			}
		}
	})
}

// BenchmarkBigramAnalyzer compares the bigram analyzer with bleve's cjk
// analyzer on the sample archive.
func BenchmarkBigramAnalyzer(b *testing.B) {
	ref, err := registry.NewCache().AnalyzerNamed(cjk.AnalyzerName)
	if err != nil {
		b.Fatal(err)
	}
	var texts [][]byte
	paths, _ := filepath.Glob("../testdata/docs/*.txt")
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		texts = append(texts, data)
	}
	for _, a := range []struct {
		name string
		an   analysis.Analyzer
	}{{"bigram", bigramAnalyzer{}}, {"cjk", ref}} {
		b.Run(a.name, func(b *testing.B) {
			for b.Loop() {
				for _, t := range texts {
					a.an.Analyze(t)
				}
			}
		})
	}
}
