package web

import (
	"net/http"
	"net/url"
	"strconv"

	"zongjie/extract"
	"zongjie/index"
)

// docView is the data of the document page.
type docView struct {
	ID, Title, Source, Format, Encoding, Date string
	Year                                      int
	Genre                                     string
	Part                                      int
	YearURL, GenreURL                         string
	Text                                      []*textNode
	Legend                                    []legendItem
	Facts                                     []factView
	Orgs, Places, Themes, Laws                []linkView
	APIURL                                    string
}

// legendItem is one kind of fact in the legend, with its number.
type legendItem struct {
	Kind, Label string
	Count       int
}

// factView is one row of the fact table.
type factView struct {
	ID, Kind, KindLabel string
	Text                string
	Detail              string
	Links               []linkView
	Span                string
	Rule                string
	Confidence          string
}

// kindLabels name the kinds of fact.
var kindLabels = map[extract.Kind]string{
	extract.KindCount: "数量", extract.KindDate: "日期", extract.KindTheme: "主题",
	extract.KindOrg: "机构", extract.KindPlace: "地点", extract.KindLaw: "法规",
}

// docPage answers GET /doc/{id}: the text with its facts marked, the fact
// table, the source and the links to searches.
func (s *Server) docPage(w http.ResponseWriter, r *http.Request) {
	s.withIndex(w, r, func(ix *index.Index) error {
		d, err := getDoc(r.Context(), ix, r.PathValue("id"))
		if err != nil {
			return redirectRepeat(w, r, err, "/doc/")
		}
		s.render(w, http.StatusOK, "doc.html", newDocView(d))
		return nil
	})
}

func newDocView(d index.Stored) docView {
	r := &d.Record
	v := docView{
		ID: d.ID, Title: d.Title, Source: d.Source, Format: d.Format, Encoding: d.Encoding,
		Date: d.Date, Year: r.Year, Genre: r.Genre, Part: d.Part,
		APIURL: "/api/docs/" + url.PathEscape(d.ID),
	}
	if v.Title == "" {
		v.Title = "（无标题）"
	}
	if r.Year != 0 {
		v.YearURL = filterURL("year", strconv.Itoa(r.Year))
	}
	if r.Genre != "" {
		v.GenreURL = filterURL("genre", r.Genre)
	}
	facts := docFacts(r)
	var spans []factSpan
	counts := map[string]int{}
	for _, f := range facts {
		spans = append(spans, f.span)
		counts[f.view.Kind]++
		v.Facts = append(v.Facts, f.view)
	}
	v.Text = markText(d.Text, spans)
	for _, k := range extract.Kinds {
		v.Legend = append(v.Legend, legendItem{Kind: string(k), Label: kindLabels[k], Count: counts[string(k)]})
	}
	v.Orgs, v.Places, v.Themes, v.Laws = docLinks(r)
	return v
}

// filterURL is the search filtered by one value.
func filterURL(param, value string) string {
	return "/?" + url.Values{param: {value}}.Encode()
}

// docLinks lists the distinct organisations, places, themes and laws of a
// record as links to the searches filtered by them.
func docLinks(r *extract.Record) (orgs, places, themes, laws []linkView) {
	seen := map[string]bool{}
	add := func(list *[]linkView, param, value string) {
		if value == "" || seen[param+"\x00"+value] {
			return
		}
		seen[param+"\x00"+value] = true
		*list = append(*list, linkView{Label: value, URL: filterURL(param, value)})
	}
	for _, o := range r.Orgs {
		add(&orgs, "org", orgName(o))
	}
	for _, p := range r.Places {
		add(&places, "province", p.Province)
		add(&places, "city", p.City)
		add(&places, "district", p.County)
		if p.Province == "" && p.City == "" && p.County == "" {
			add(&places, "place", p.Name)
		}
	}
	for _, t := range r.Themes {
		add(&themes, "theme", t.Text)
	}
	for _, l := range r.Laws {
		add(&laws, "law", lawName(l))
	}
	return orgs, places, themes, laws
}

// orgName is the name an organisation is searched by: canonical if known.
func orgName(o extract.Org) string {
	if o.Canonical != "" {
		return o.Canonical
	}
	return o.Name
}

// lawName is the name a law is searched by: canonical if known.
func lawName(l extract.Law) string {
	if l.Canonical != "" {
		return l.Canonical
	}
	return l.Title
}
