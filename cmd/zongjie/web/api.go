package web

import (
	"context"
	"net/http"

	"zongjie/extract"
	"zongjie/index"
)

// withIndex runs fn with the open index and answers its error, if any.
// fn writes the answer itself.
func (s *Server) withIndex(w http.ResponseWriter, r *http.Request, fn func(*index.Index) error) {
	ix, release, err := s.store.acquire(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer release()
	if err := fn(ix); err != nil {
		s.fail(w, r, err)
	}
}

// apiHit is one hit of /api/search.
type apiHit struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Year    *int     `json:"year"` // null when the report's year is unknown
	Places  []string `json:"places"`
	Source  string   `json:"source"`
	Snippet string   `json:"snippet"` // HTML: escaped text, the matched words in <mark>
	Score   float64  `json:"score"`
}

// apiSearchResult is the answer of /api/search.
type apiSearchResult struct {
	Total  uint64                        `json:"total"`
	TookMS int64                         `json:"took_ms"`
	Hits   []apiHit                      `json:"hits"`
	Facets map[string][]index.FacetValue `json:"facets"`
}

// apiSearch answers GET /api/search: the hits of a page and the facets.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	p, err := parseSearch(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.withIndex(w, r, func(ix *index.Index) error {
		res, err := search(r.Context(), ix, p)
		if err != nil {
			return err
		}
		out := apiSearchResult{Total: res.Total, TookMS: res.TookMS, Hits: []apiHit{}, Facets: res.Facets}
		for _, h := range res.Hits {
			hit := apiHit{ID: h.ID, Title: h.Title, Places: h.Places, Source: h.Source, Snippet: h.Snippet, Score: h.Score}
			if h.Year != 0 {
				hit.Year = &h.Year
			}
			if hit.Places == nil {
				hit.Places = []string{}
			}
			out.Hits = append(out.Hits, hit)
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	})
}

// apiDocument is the answer of /api/docs/{id}: the document, its text and
// its facts. Spans in the record are rune offsets into text.
type apiDocument struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Source   string         `json:"source"`
	Format   string         `json:"format,omitempty"`
	Encoding string         `json:"encoding,omitempty"`
	Date     string         `json:"date,omitempty"`
	Part     int            `json:"part,omitempty"`
	Text     string         `json:"text"`
	Written  string         `json:"written,omitempty"` // the text as written, for traditional-character reports
	Record   extract.Record `json:"record"`
}

// apiDoc answers GET /api/docs/{id}.
func (s *Server) apiDoc(w http.ResponseWriter, r *http.Request) {
	s.withIndex(w, r, func(ix *index.Index) error {
		d, err := getDoc(r.Context(), ix, r.PathValue("id"))
		if err != nil {
			return redirectRepeat(w, r, err, "/api/docs/")
		}
		writeJSON(w, http.StatusOK, apiDocument{
			ID: d.ID, Title: d.Title, Source: d.Source, Format: d.Format, Encoding: d.Encoding,
			Date: d.Date, Part: d.Part, Text: d.Text, Written: d.Written, Record: d.Record,
		})
		return nil
	})
}

// apiStatsResult is the answer of /api/stats.
type apiStatsResult struct {
	By   string           `json:"by"`
	Stat string           `json:"stat,omitempty"`
	Rows []index.StatsRow `json:"rows"`
}

// apiStats answers GET /api/stats: a statistic per group, as JSON or, with
// format=csv, as the command line's CSV table.
func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) {
	p, err := parseStats(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	format := r.URL.Query().Get("format")
	if format != "" && format != "json" && format != "csv" {
		s.fail(w, r, errorf(http.StatusBadRequest, "format 应为 json 或 csv"))
		return
	}
	s.withIndex(w, r, func(ix *index.Index) error {
		rows, err := stats(r.Context(), ix, p)
		if err != nil {
			return err
		}
		if format == "csv" {
			return s.statsCSV(w, r, rows)
		}
		writeJSON(w, http.StatusOK, apiStatsResult{By: p.By, Stat: p.Stat, Rows: rows})
		return nil
	})
}

// stats computes a statistic under a time limit.
func stats(ctx context.Context, ix *index.Index, p statsParams) ([]index.StatsRow, error) {
	ctx, cancel := context.WithTimeout(ctx, statsTime)
	defer cancel()
	rows, err := ix.Stats(ctx, p.request())
	if rows == nil {
		rows = []index.StatsRow{}
	}
	return rows, err
}
