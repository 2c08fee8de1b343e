package rules

import "testing"

func TestPlaceWords(t *testing.T) {
	set, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	w := set.PlaceWords()
	if len(w.Stop) == 0 || len(w.Left) == 0 || len(w.Follow) == 0 {
		t.Errorf("empty list: %d stop, %d left, %d follow words", len(w.Stop), len(w.Left), len(w.Follow))
	}
}
