package extract

import (
	"math/rand/v2"
	"testing"
)

// TestRankKey checks that rank keys sort as rankedHit.compare orders, and
// that a field too large for its bits is refused.
func TestRankKey(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	small := func(n int32) int32 { return rng.Int32N(n) }
	for range 100000 {
		x := rankedHit{small(20), small(8), small(30), small(5)}
		y := rankedHit{small(20), small(8), small(30), small(5)}
		kx, okx := x.key()
		ky, oky := y.key()
		if !okx || !oky {
			t.Fatalf("%v or %v does not fit", x, y)
		}
		want := x.compare(y)
		got := 0
		switch {
		case kx < ky:
			got = -1
		case kx > ky:
			got = 1
		}
		if got != want {
			t.Fatalf("keys of %v and %v compare %d, want %d", x, y, got, want)
		}
	}
	for _, x := range []rankedHit{{len: 1 << 12}, {order: 1 << 12}, {start: 1 << 24}, {at: 1 << 16}, {len: -1}} {
		if _, ok := x.key(); ok {
			t.Errorf("%v fits", x)
		}
	}
}
