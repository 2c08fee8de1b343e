package extract

import (
	"cmp"
	"math/rand/v2"
	"testing"
)

// TestRankedHitCompare checks that compare orders as the four keys in
// turn do: longer key, earlier rule, earlier key, earlier hit.
func TestRankedHitCompare(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func() rankedHit {
		return rankedHit{r.Int32N(3), r.Int32N(3), r.Int32N(3), r.Int32N(3)}
	}
	for range 2000 {
		x, y := pick(), pick()
		want := cmp.Or(cmp.Compare(y.len, x.len), cmp.Compare(x.order, y.order), cmp.Compare(x.start, y.start), cmp.Compare(x.at, y.at))
		if got := x.compare(y); got != want {
			t.Fatalf("%v.compare(%v) = %d, want %d", x, y, got, want)
		}
	}
}
