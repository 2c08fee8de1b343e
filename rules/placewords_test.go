package rules

import (
	"strings"
	"testing"
)

func TestBuiltinPlaceWords(t *testing.T) {
	w, err := BuiltinPlaceWords()
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Stop) == 0 || len(w.Left) == 0 || len(w.Follow) == 0 {
		t.Errorf("empty list: %d stop, %d left, %d follow words", len(w.Stop), len(w.Left), len(w.Follow))
	}
}

func TestParseWordList(t *testing.T) {
	words, err := ParseWordList("x.dict", strings.NewReader("# head\n城区\n\n示范*  # modifier\n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(words, ",") != "城区,示范*" {
		t.Errorf("got %q", words)
	}
	_, err = ParseWordList("x.dict", strings.NewReader("城区\n两个 词\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "x.dict:2: ") {
		t.Errorf("got %v, want an error at x.dict:2", err)
	}
}
