package extract

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// TestAppendRunesAt compares appendRunesAt with a range loop, on valid
// and invalid UTF-8.
func TestAppendRunesAt(t *testing.T) {
	for _, s := range []string{
		"", "abc", "消协2024年", "\xff中\xe4\xb8", "\xed\xa0\x80x", "\xe0\x80\x80", "𠀀字", "中\xe4", "\xef\xbf\xbd",
	} {
		var want []rune
		var wantOff []int32
		for i, r := range s {
			want = append(want, r)
			wantOff = append(wantOff, int32(i))
		}
		wantOff = append(wantOff, int32(len(s)))
		got, off, valid := appendRunesAt(nil, nil, s)
		if !slices.Equal(got, want) || !slices.Equal(off, wantOff) || valid != utf8.ValidString(s) {
			t.Errorf("appendRunesAt(%q) = %q %v %v, want %q %v", s, got, off, valid, want, wantOff)
		}
	}
}

// FuzzAppendRunesAt compares appendRunesAt with []rune.
func FuzzAppendRunesAt(f *testing.F) {
	f.Add("消协\xe4\xb8")
	f.Fuzz(func(t *testing.T, s string) {
		got, off, valid := appendRunesAt(nil, nil, s)
		if !slices.Equal(got, []rune(s)) || len(off) != len(got)+1 || off[len(got)] != int32(len(s)) || valid != utf8.ValidString(s) {
			t.Fatalf("appendRunesAt(%q) = %q %v", s, got, off)
		}
	})
}
