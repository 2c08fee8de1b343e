package extract

import (
	"math"
	"testing"
)

// fuzzSeeds are inputs that exercise every path of the parser.
var fuzzSeeds = []string{
	"发放宣传资料1000余份", "近1000余人", "约200左右", "10-20万", "三至五人", "三五成群", "二三十个",
	"百分之九十五", "九成五", "七五折", "6个百分点", "1,000份", "3,5个", "1 000", "3 0 0", "20××年",
	"二〇二四年", "一万二", "两千 四 百 五", "十几万多亿", "500万余亿", "三 百 五 又 三 分之 一",
	"负３分之负一百五十七", "-22.2%", ".5", "...9", "－－9", "2024.3.15", "2222.2222.22222.222",
	"4.78万亿", "四万万", "10万万", "五十千", "一点五万", "九点三十分", "百分之五至百分之十", "5%-10%",
	"1133.9万元", "3·15", "12315", "两两", "万一", "上万人", "数百人", "近三年", "一波三折", "千分之2.4",
	"百万万分之七", "零点五", "9999999999999999999999999999999999999万万万万万万万万万万亿亿亿亿",
	"1 2 3 4 5 6 7 8 9 0", "一二三四五六七八九〇", "十十十", "百百", "约约约", "近", "-", ".", "%", "",
}

// checkNumber checks the invariants of one number read from text.
func checkNumber(t *testing.T, text []rune, n Number) {
	t.Helper()
	if n.Start < 0 || n.Start >= n.End || n.End > len(text) {
		t.Fatalf("%q: bad span [%d,%d) in %d runes", string(text), n.Start, n.End, len(text))
	}
	for _, v := range []float64{n.Value, n.Max} {
		if math.IsInf(v, 0) || math.IsNaN(v) {
			t.Fatalf("%q: value not finite: %v", string(text), n)
		}
	}
	if n.Hedge != "" && !n.Approx {
		t.Fatalf("%q: hedge %q without Approx", string(text), n.Hedge)
	}
}

// FuzzReadNumber reads a numeral at every index of random text.
func FuzzReadNumber(f *testing.F) {
	for k, s := range fuzzSeeds {
		f.Add(s, k%4)
	}
	f.Fuzz(func(t *testing.T, s string, i int) {
		text := []rune(s)
		n, ok := ReadNumber(text, i)
		if !ok {
			if n != (Number{}) {
				t.Fatalf("%q at %d: not ok but %v", s, i, n)
			}
			return
		}
		if n.Start != i {
			t.Fatalf("%q at %d: starts at %d", s, i, n.Start)
		}
		checkNumber(t, text, n)
	})
}

// FuzzFindNumbers scans random text: numbers come in order, never overlap
// and never start inside a digit run.
func FuzzFindNumbers(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := []rune(s)
		prev := 0
		for _, n := range FindNumbers(text) {
			checkNumber(t, text, n)
			if n.Start < prev {
				t.Fatalf("%q: %v overlaps or precedes the number before it", s, n)
			}
			if isArabic(text, n.Start-1) && isArabic(text, n.Start) {
				t.Fatalf("%q: %v starts inside a digit run", s, n)
			}
			prev = n.End
		}
	})
}
