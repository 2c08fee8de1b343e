package rules

// PlaceWords holds the word lists that guide the place matcher, read from
// place_stop.dict, place_left.dict, place_follow.dict and place_break.dict.
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
	// Break lists words that, right after a short name, make it part of
	// another name: a street, a village, a river (朝阳村, 银川路, 秦淮河).
	Break []string
}

// PlaceWords returns the place matcher's word lists from the set's classes
// place_stop, place_left, place_follow and place_break (empty when a file
// is missing).
func (s *Set) PlaceWords() PlaceWords {
	words := func(name string) []string {
		c := s.Classes[name]
		if c == nil {
			return nil
		}
		out := make([]string, len(c.Entries))
		for i, e := range c.Entries {
			out[i] = e.Word
		}
		return out
	}
	return PlaceWords{Stop: words("place_stop"), Left: words("place_left"), Follow: words("place_follow"), Break: words("place_break")}
}
