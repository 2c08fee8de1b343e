// Package index stores documents and their facts in a Bleve index and
// searches them: full text with the Chinese analyzer, filters and facets
// by year, place, organisation, theme and law.
//
// One index entry holds one document (mapping.go):
//
//   - its title and body as gse words (search mode: a long word and its
//     dictionary sub-words), which score a search;
//   - the title and body's CJK bigrams that are not words of the body
//     (bodyanalysis.go), which decide with the words what matches, so that
//     a word inside a longer one is found (农业 in 中国农业发展银行);
//   - the names of its organisations and places as bigrams, for org:
//     and place: conditions that hold part of a name;
//   - keywords for the facets (year, province, city, district, org, kind,
//     theme, genre, law), with doc values, and each count fact as one
//     keyword that keeps its object, unit and value together
//     (countcolumn.go explains why not a nested document per count);
//   - its metadata, text and facts as one stored value, compressed with a
//     zstd dictionary trained on the index's first large batch
//     (storedform.go, factcodec.go).
//
// An import that writes most of an index merges it into one segment at
// the end (Compact).
package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"

	"zongjie/corpus"
	"zongjie/extract"
)

// DefaultPath is where the index lives unless the user names another.
const DefaultPath = "zongjie.bleve"

// LockTimeout is how long Open waits for an index held by another process.
const LockTimeout = 2 * time.Second

// ErrLocked is returned (wrapped) when another process holds the index.
var ErrLocked = errors.New("index is in use by another process")

const versionKey = "zongjie:version"

// layoutKey holds the layout of the index (its fields and how they are
// analysed); an index of another layout is refused with a message that
// says to import again.
const layoutKey, layout = "zongjie:layout", "5"

// ErrLayout is returned (wrapped) when the index was written by a zongjie
// whose index layout differs.
var ErrLayout = errors.New("index layout differs")

// Index is an open zongjie index.
type Index struct {
	b    bleve.Index
	path string

	mu   sync.Mutex       // guards snap
	snap *snapshotColumns // the columns of the snapshot last searched

	codecMu sync.Mutex   // guards codec
	codec   *storedCodec // nil until first needed
}

// Entry is one document with its facts, as stored in the index.
type Entry struct {
	Doc         corpus.Document
	Record      extract.Record
	Fingerprint uint64 // corpus.Fingerprint of the text
	// Words are the text's search-mode words (Segmenter.SearchTokens),
	// when the extraction made them: the index then does not segment the
	// text again.
	Words []extract.Token
}

// Open opens the index at path, creating it when create is true and it
// does not exist yet.
func Open(path string, create bool) (*Index, error) {
	// only an import (create) writes; the other commands read, and a
	// reader neither merges segments nor keeps others from reading
	cfg := map[string]interface{}{"bolt_timeout": LockTimeout.String(), "read_only": !create,
		"scorchMergePlanOptions": mergePlan(false)}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if !create {
			return nil, fmt.Errorf("open index %s: %w", path, err)
		}
		cfg["scorchMergePlanOptions"] = mergePlan(true)
		b, err := bleve.NewUsing(path, newMapping(), scorch.Name, scorch.Name, cfg)
		if err == nil {
			err = b.SetInternal([]byte(layoutKey), []byte(layout))
		}
		if err != nil {
			return nil, fmt.Errorf("create index %s: %w", path, err)
		}
		return &Index{b: b, path: path}, nil
	}
	b, err := bleve.OpenUsing(path, cfg)
	if err != nil && create && halfMade(path, err) {
		// made again: it holds nothing yet
		if err := os.RemoveAll(path); err != nil {
			return nil, fmt.Errorf("create index %s: %w", path, err)
		}
		return Open(path, create)
	}
	if err != nil {
		if isTimeout(err) {
			return nil, fmt.Errorf("open index %s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	if err := checkLayout(b, path, create); err != nil {
		b.Close()
		return nil, err
	}
	return &Index{b: b, path: path}, nil
}

// checkLayout refuses an index of another layout. An index without a
// stamp and without documents was made by a process killed before it
// stamped it: it is stamped now when it is opened for writing.
func checkLayout(b bleve.Index, path string, write bool) error {
	l, err := b.GetInternal([]byte(layoutKey))
	if err != nil {
		return fmt.Errorf("open index %s: %w", path, err)
	}
	if l == nil {
		if n, err := b.DocCount(); err == nil && n == 0 {
			if !write {
				return nil
			}
			return b.SetInternal([]byte(layoutKey), []byte(layout))
		}
	}
	if string(l) != layout {
		return fmt.Errorf("索引 %s 由另一版本的 zongjie 建立，格式不同，请删除该文件夹后重新导入: %w", path, ErrLayout)
	}
	return nil
}

// halfMade reports whether the folder at path is an index whose creation
// was cut short (the process killed): bleve wrote its metadata but not
// yet its mapping, and no segment of documents exists.
func halfMade(path string, openErr error) bool {
	if !strings.Contains(openErr.Error(), "error parsing mapping JSON") {
		return false
	}
	segs, err := filepath.Glob(filepath.Join(path, "store", "*.zap"))
	return err == nil && len(segs) == 0
}

func isTimeout(err error) bool {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if e.Error() == "timeout" {
			return true
		}
	}
	return false
}

// Path returns the index's folder.
func (ix *Index) Path() string { return ix.path }

// Close closes the index.
func (ix *Index) Close() error { return ix.b.Close() }

// Version returns the rules and analyzer version stamped into the index,
// or "" for a new index.
func (ix *Index) Version() (string, error) {
	v, err := ix.b.GetInternal([]byte(versionKey))
	if err != nil {
		return "", fmt.Errorf("read index version: %w", err)
	}
	return string(v), nil
}

// SetVersion stamps the rules and analyzer version into the index.
func (ix *Index) SetVersion(v string) error {
	return ix.b.SetInternal([]byte(versionKey), []byte(v))
}

// DocCount returns the number of documents in the index.
func (ix *Index) DocCount() (uint64, error) { return ix.b.DocCount() }

// Has reports whether a document with this id is stored.
func (ix *Index) Has(id string) (bool, error) {
	d, err := ix.b.Document(id)
	if err != nil {
		return false, err
	}
	return d != nil, nil
}

// Add writes the entries in one batch: all or none of them.
func (ix *Index) Add(entries []Entry) error { return ix.Apply(Batch{Add: entries}) }

// Batch is one atomic change of the index: documents to add (or replace),
// documents to delete, and near-duplicates to link to the document they
// repeat.
type Batch struct {
	Add    []Entry
	Delete []string
	Links  []Link
}

// Link records a document that was not indexed because it repeats another.
type Link struct {
	Of     string `json:"of"`     // the id of the document it repeats
	Source string `json:"source"` // where the repeat was found
	ID     string `json:"id"`     // the repeat's own id
}

// Len returns the number of changes in the batch.
func (b Batch) Len() int { return len(b.Add) + len(b.Delete) + len(b.Links) }

// Apply writes a batch: all of it or none (a killed process leaves whole
// batches only).
func (ix *Index) Apply(batch Batch) error {
	codec, err := ix.storedCodec()
	if err != nil {
		return err
	}
	docs, raws, err := prepare(batch.Add)
	if err != nil {
		return err
	}
	b := ix.b.NewBatch()
	trained := codec.dict == nil && len(raws) > 0
	if trained {
		if c := trainCodec(raws); c != nil {
			codec = c
			b.SetInternal([]byte(dictKey), c.dict)
		} else {
			trained = false
		}
	}
	for _, id := range batch.Delete {
		b.Delete(id)
	}
	m := ix.b.Mapping()
	words := m.AnalyzerNamed(AnalyzerName)
	for i, e := range batch.Add {
		doc := document.NewDocument(e.Doc.ID)
		if err := m.MapDocument(doc, docs[i]); err != nil {
			return fmt.Errorf("index %s (%s): %w", e.Doc.Source, e.Doc.ID, err)
		}
		analyseBody(doc, words, docs[i][FieldTitle].(string), e.Words)
		doc.AddField(document.NewTextFieldWithIndexingOptions(FieldStored, nil, codec.encode(raws[i]), bindex.StoreField))
		if err := b.IndexAdvanced(doc); err != nil {
			return fmt.Errorf("index %s (%s): %w", e.Doc.Source, e.Doc.ID, err)
		}
	}
	for _, l := range batch.Links {
		data, err := json.Marshal(l)
		if err != nil {
			return err
		}
		b.SetInternal([]byte(linkKey+l.ID), data)
	}
	if err := ix.b.Batch(b); err != nil {
		return fmt.Errorf("write batch to %s: %w", ix.path, err)
	}
	if trained {
		ix.setStoredCodec(codec)
	}
	return nil
}

// prepare lays out the entries' fields and raw stored values, on all
// cores.
func prepare(entries []Entry) ([]map[string]interface{}, [][]byte, error) {
	docs := make([]map[string]interface{}, len(entries))
	raws := make([][]byte, len(entries))
	errs := make([]error, len(entries))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				docs[i], raws[i], errs[i] = fields(entries[i])
			}
		}()
	}
	for i := range entries {
		next <- i
	}
	close(next)
	wg.Wait()
	return docs, raws, errors.Join(errs...)
}

const linkKey = "zongjie:dup:"

// LinkOf returns the link of a document id that was found to repeat
// another, if it was.
func (ix *Index) LinkOf(id string) (Link, bool, error) {
	raw, err := ix.b.GetInternal([]byte(linkKey + id))
	if err != nil || raw == nil {
		return Link{}, false, err
	}
	var l Link
	if err := json.Unmarshal(raw, &l); err != nil {
		return Link{}, false, fmt.Errorf("read link of %s: %w", id, err)
	}
	return l, true, nil
}

// storedDoc is the document metadata kept in the index, enough to extract
// its facts again.
type storedDoc struct {
	ID          string `json:"id"`
	Source      string `json:"source"`
	Format      string `json:"format,omitempty"`
	Encoding    string `json:"encoding,omitempty"`
	Title       string `json:"title"`
	Date        string `json:"date,omitempty"`
	Part        int    `json:"part,omitempty"`
	Written     string `json:"written,omitempty"` // the text as written, for traditional-character documents
	Fingerprint string `json:"fingerprint,omitempty"`
}

// fields lays out an entry's indexed fields, and its stored value before
// compression.
func fields(e Entry) (map[string]interface{}, []byte, error) {
	raw, err := rawStored(storedDoc{
		ID: e.Doc.ID, Source: e.Doc.Source, Format: e.Doc.Format, Encoding: e.Doc.Encoding,
		Title: e.Doc.Title, Date: e.Doc.Date, Part: e.Doc.Part, Written: e.Doc.Written,
		Fingerprint: strconv.FormatUint(e.Fingerprint, 16),
	}, e.Doc.Text, &e.Record)
	if err != nil {
		return nil, nil, err
	}
	r := e.Record
	title := corpus.Simplified(e.Doc.Title)
	f := map[string]interface{}{
		FieldTitle:   title,
		FieldBody:    e.Doc.Text,
		FieldBodyCJK: "-", // its bigrams are made from the title and body (analyseBody)
		FieldSource:  e.Doc.Source,
		FieldPrint:   strconv.FormatUint(e.Fingerprint, 16),
	}
	if d := docDate(e); d != "" {
		f[FieldDate] = d
	}
	if len(e.Record.Counts) > 0 {
		f[FieldCountTerms] = countTerms(&e.Record)
	}
	if r.Year != 0 {
		f[FieldYear] = float64(r.Year)
		f[FieldYearKW] = strconv.Itoa(r.Year)
	}
	if r.Genre != "" {
		f[FieldGenre] = r.Genre
	}
	facets := facetValues(&r)
	for name, vals := range facets {
		if len(vals) > 0 {
			f[name] = vals
		}
	}
	return f, raw, nil
}

// facetValues collects the distinct keyword values of a record's facts.
func facetValues(r *extract.Record) map[string][]string {
	v := map[string]*valueSet{}
	add := func(field, value string) {
		if value == "" {
			return
		}
		if v[field] == nil {
			v[field] = &valueSet{seen: map[string]bool{}}
		}
		v[field].add(value)
	}
	for _, p := range r.Places {
		add(FieldPlace, p.Name)
		add(FieldProvince, p.Province)
		add(FieldCity, p.City)
		add(FieldDistrict, p.County)
		for _, n := range []string{p.Name, p.Province, p.City, p.County} {
			add(FieldPlaceText, corpus.Simplified(n))
		}
	}
	for _, o := range r.Orgs {
		add(FieldOrg, orgFacet(o))
		add(FieldOrgName, o.Name)
		add(FieldOrgName, o.Canonical)
		add(FieldOrgKind, string(o.Kind))
		add(FieldOrgText, corpus.Simplified(o.Name))
		add(FieldOrgText, o.Canonical)
	}
	for _, t := range r.Themes {
		add(FieldTheme, t.Text)
	}
	for _, l := range r.Laws {
		name := l.Canonical
		if name == "" {
			name = l.Title
		}
		add(FieldLaw, name)
	}
	out := map[string][]string{}
	for k, s := range v {
		out[k] = s.list
	}
	return out
}

// orgFacet is the value an organisation counts under in the org facet:
// its canonical name when one is known, else its name as written.
func orgFacet(o extract.Org) string {
	if o.Canonical != "" {
		return o.Canonical
	}
	return o.Name
}

// docDate is the document's date for sorting: the page's publication
// date, else the first day with a full date among its facts.
func docDate(e Entry) string {
	if e.Doc.Date != "" {
		return e.Doc.Date
	}
	for _, d := range e.Record.Dates {
		for _, v := range []string{d.Resolved, d.Date, d.From} {
			if len(v) == 10 && v[4] == '-' && v[0] != '-' {
				return v
			}
		}
	}
	return ""
}

// countTerms writes each count as one keyword for the statistics.
func countTerms(r *extract.Record) []string {
	out := make([]string, 0, len(r.Counts))
	seen := map[string]int{}
	for _, c := range r.Counts {
		t := encodeCount(c)
		if seen[t]++; seen[t] > 1 {
			t += strconv.Itoa(seen[t]) // a repeat of an equal count
		}
		out = append(out, t)
	}
	return out
}

type valueSet struct {
	seen map[string]bool
	list []string
}

func (s *valueSet) add(v string) {
	if !s.seen[v] {
		s.seen[v] = true
		s.list = append(s.list, v)
	}
}
