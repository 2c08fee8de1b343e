package index

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"zongjie/extract"
)

// StatsBy lists the groupings a statistic can be computed by.
var StatsBy = []string{"year", "province", "city", "district", "org", "theme", "genre"}

// StatsRequest asks for the documents matching a request, grouped, and,
// when Count is set, the sum, number, least and greatest of the counts
// that satisfy it, per group and unit.
type StatsRequest struct {
	Request
	By    string       // one of StatsBy
	Count *CountFilter // the statistic, or nil for document numbers only
}

// StatsRow is one group (and unit) of a statistic.
type StatsRow struct {
	Group  string  `json:"group"`  // "" when the documents do not say (no year, no place …)
	Unit   string  `json:"unit"`   // the statistic's unit; "" without a statistic
	Docs   int     `json:"docs"`   // documents in the group
	Facts  int     `json:"facts"`  // counts of the statistic
	Sum    float64 `json:"sum"`    // their total
	Min    float64 `json:"min"`    // the least
	Max    float64 `json:"max"`    // the greatest
	Approx int     `json:"approx"` // how many of the counts are approximate (余, 约 …)
}

// Stats computes a statistic per group. Bleve facets only count
// documents, so the sums are made here from the counts of the matching
// documents, read from doc values. A document with several values of the grouping (two
// organisations, say) counts in each of their groups.
func (ix *Index) Stats(ctx context.Context, req StatsRequest) ([]StatsRow, error) {
	if !validBy(req.By) {
		return nil, fmt.Errorf("未知的分组 %q（可用 year、province、city、district、org、theme、genre）", req.By)
	}
	q, err := req.parse()
	if err != nil {
		return nil, err
	}
	field := groupFields[req.By]
	agg := newAggregate()
	bq := ix.query(q)
	var stat *CountFilter
	if req.Count != nil {
		n := req.Count.normalized()
		stat = &n
	}
	// Read the grouping and the counts from doc values: no stored document
	// is loaded.
	err = ix.scanDocValues(ctx, bq, []string{field, FieldCountTerms}, func(vals map[string][]string) {
		var counts []extract.Count
		if req.Count != nil {
			for _, t := range vals[FieldCountTerms] {
				if c, ok := decodeCount(t); ok {
					counts = append(counts, c)
				}
			}
		}
		groups := vals[field]
		if len(groups) == 0 {
			groups = []string{""}
		}
		agg.add(counts, groups, stat)
	})
	if err != nil {
		return nil, err
	}
	return agg.rows(req.By), nil
}

// groupFields are the keyword fields that hold each grouping's values.
var groupFields = map[string]string{
	"year": FieldYearKW, "province": FieldProvince, "city": FieldCity, "district": FieldDistrict,
	"org": FieldOrg, "theme": FieldTheme, "genre": FieldGenre,
}

func validBy(by string) bool {
	for _, b := range StatsBy {
		if b == by {
			return true
		}
	}
	return false
}

// GroupValues returns the values of a record for a grouping: its year, the
// provinces, cities or districts of its places, its organisations (by
// canonical name), its themes or its genre.
func GroupValues(r *extract.Record, by string) []string {
	set := &valueSet{seen: map[string]bool{}}
	add := func(v string) {
		if v != "" {
			set.add(v)
		}
	}
	switch by {
	case "year":
		if r.Year != 0 {
			add(strconv.Itoa(r.Year))
		}
	case "province", "city", "district":
		for _, p := range r.Places {
			add(map[string]string{"province": p.Province, "city": p.City, "district": p.County}[by])
		}
	case "org":
		for _, o := range r.Orgs {
			add(orgFacet(o))
		}
	case "theme":
		for _, t := range r.Themes {
			add(t.Text)
		}
	case "genre":
		add(r.Genre)
	}
	if len(set.list) == 0 {
		return []string{""}
	}
	return set.list
}

// aggregate sums a statistic per group and unit.
type aggregate struct {
	byKey map[[2]string]*StatsRow // (group, unit)
	docs  map[string]int          // documents per group
}

func newAggregate() *aggregate {
	return &aggregate{byKey: map[[2]string]*StatsRow{}, docs: map[string]int{}}
}

// add counts a document in its groups and, with a statistic c (normalized,
// as are the counts: read from doc values), sums its counts that satisfy c.
func (a *aggregate) add(counts []extract.Count, groups []string, c *CountFilter) {
	for _, g := range groups {
		a.docs[g]++
		if c == nil {
			continue
		}
		for _, f := range counts {
			if !c.matchesNormalized(f) {
				continue
			}
			key := [2]string{g, f.Unit}
			row := a.byKey[key]
			if row == nil {
				row = &StatsRow{Group: g, Unit: key[1], Min: f.Value, Max: f.Value}
				a.byKey[key] = row
			}
			row.Facts++
			row.Sum += f.Value
			row.Min = min(row.Min, f.Value)
			row.Max = max(row.Max, f.Value)
			if f.Approx {
				row.Approx++
			}
		}
	}
}

// rows returns the groups in order (years ascending, others by their
// documents, most first), each group's units by their sums.
func (a *aggregate) rows(by string) []StatsRow {
	var out []StatsRow
	for g, n := range a.docs {
		found := false
		for key, r := range a.byKey {
			if key[0] == g {
				r.Docs = n
				out = append(out, *r)
				found = true
			}
		}
		if !found {
			out = append(out, StatsRow{Group: g, Docs: n})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.Group != y.Group {
			if (x.Group == "") != (y.Group == "") {
				return y.Group == "" // the unknown group last
			}
			if by == "year" {
				return x.Group < y.Group
			}
			if x.Docs != y.Docs {
				return x.Docs > y.Docs
			}
			return x.Group < y.Group
		}
		if x.Sum != y.Sum {
			return x.Sum > y.Sum
		}
		return x.Unit < y.Unit
	})
	return out
}
