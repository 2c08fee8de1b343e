package rules

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io"
	"strings"
)

//go:embed place_stop.dict place_left.dict place_follow.dict
var placeFiles embed.FS

// PlaceWords holds the word lists that guide the place matcher.
type PlaceWords struct {
	// Stop lists words that are never places, though a place name or a
	// place pattern would match them (城区, 比如, 乡村, 社区矫正). A word
	// ending in * is a modifier: a pattern place whose name part ends with
	// it is generic (示范* rejects 示范村 and 市级示范社区).
	Stop []string
	// Left lists words that end the left context of a pattern place: the
	// name in 走访青石巷社区 starts after 走访. Single characters in the
	// list also end the name part (在, 和, 、).
	Left []string
	// Follow lists organisation and facility words that confirm a short
	// county name written before them (西夏法院, 东昌府公安分局).
	Follow []string
}

// BuiltinPlaceWords returns the embedded place_stop.dict, place_left.dict
// and place_follow.dict.
func BuiltinPlaceWords() (PlaceWords, error) {
	var w PlaceWords
	var errs []error
	for _, f := range []struct {
		name string
		dst  *[]string
	}{
		{"place_stop.dict", &w.Stop},
		{"place_left.dict", &w.Left},
		{"place_follow.dict", &w.Follow},
	} {
		data, err := placeFiles.ReadFile(f.name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if *f.dst, err = ParseWordList(f.name, strings.NewReader(string(data))); err != nil {
			errs = append(errs, err)
		}
	}
	return w, errors.Join(errs...)
}

// ParseWordList reads a word list: one word per line, with blank lines and
// # comments skipped. A word may not contain spaces. Errors are given as
// name:line: reason, all of them at once.
func ParseWordList(name string, r io.Reader) ([]string, error) {
	var words []string
	var errs []error
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		text, _, _ := strings.Cut(sc.Text(), "#")
		text = strings.TrimSpace(text)
		switch {
		case text == "":
		case strings.ContainsAny(text, " \t\u3000"):
			errs = append(errs, fmt.Errorf("%s:%d: %q: one word per line", name, n, text))
		default:
			words = append(words, text)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return words, errors.Join(errs...)
}
