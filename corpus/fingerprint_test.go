package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

func TestFingerprint(t *testing.T) {
	report := strings.Repeat("区消协联合区市场监督管理局在人民广场开展宣传活动，发放宣传资料一千二百份，现场受理投诉十七件，解答群众咨询三百余人次。", 6)
	repost := "（来源：某某网）\n" + report + "\n责任编辑：某某"
	other := strings.Repeat("区应急管理局组织开展安全生产月活动，检查生产经营单位八十六家，排查一般隐患一百零三处，已全部整改到位。", 6)
	a, b, c := Fingerprint(report), Fingerprint(repost), Fingerprint(other)
	if !NearDuplicate(a, b) {
		t.Errorf("a repost with other chrome is not a near duplicate: %064b vs %064b", a, b)
	}
	if NearDuplicate(a, c) {
		t.Errorf("two different reports count as near duplicates")
	}
	if Fingerprint(report) != a {
		t.Errorf("fingerprint not stable")
	}
}

// referenceFingerprint is the plain SimHash that Fingerprint computes
// faster: a signed count per bit.
func referenceFingerprint(text string) uint64 {
	var counts [64]int
	var window [3]rune
	n := 0
	for _, r := range text {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		window[0], window[1], window[2] = window[1], window[2], r
		if n++; n < 3 {
			continue
		}
		sum := fnv64a(window)
		for b := 0; b < 64; b++ {
			if sum&(1<<b) != 0 {
				counts[b]++
			} else {
				counts[b]--
			}
		}
	}
	var fp uint64
	for b, c := range counts {
		if c > 0 {
			fp |= 1 << b
		}
	}
	return fp
}

func TestFingerprintAsReference(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/docs/*.txt")
	texts := []string{"", "ab", "abc", "，。！", "消费者协会 2024年3月15日 发放宣传资料1000份。"}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		if got, want := Fingerprint(s), referenceFingerprint(s); got != want {
			t.Errorf("Fingerprint(%.20q) = %x, want %x", s, got, want)
		}
	}
}

// BenchmarkFingerprint compares Fingerprint with the plain SimHash on the
// sample archive's texts.
func BenchmarkFingerprint(b *testing.B) {
	paths, _ := filepath.Glob("../testdata/docs/*.txt")
	var texts []string
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts, size = append(texts, string(data)), size+len(data)
	}
	for _, bm := range []struct {
		name string
		fn   func(string) uint64
	}{{"fingerprint", Fingerprint}, {"reference", referenceFingerprint}} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, s := range texts {
					bm.fn(s)
				}
			}
		})
	}
}
