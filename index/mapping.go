package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field names in the index. Facet and filter names are the same words.
const (
	FieldTitle     = "title"
	FieldBody      = "body"
	FieldBodyCJK   = "body_cjk" // the title and body's CJK bigrams that are not words of the body, for words inside longer words
	FieldSource    = "source"
	FieldYear      = "year"    // numeric, for ranges
	FieldYearKW    = "year_kw" // the year as a keyword, for facets
	FieldGenre     = "genre"
	FieldPlace     = "place"
	FieldProvince  = "province"
	FieldCity      = "city"
	FieldDistrict  = "district"
	FieldOrg       = "org"      // canonical name (or the name as written), for facets
	FieldOrgName   = "org_name" // every name as written and every canonical name, for filters
	FieldOrgKind   = "org_kind"
	FieldOrgText   = "org_text"   // the organisations' names as CJK bigrams: org:司法所 finds 大学东路司法所
	FieldPlaceText = "place_text" // the places' names and their divisions as CJK bigrams
	FieldTheme     = "theme"
	FieldLaw       = "law"
	FieldDate      = "date"  // the publication date, else the first dated day
	FieldPrint     = "print" // the text's fingerprint (hex), for near-duplicates
	// FieldCountTerms holds each count as one keyword (value, approx, unit,
	// object), read from doc values when statistics are summed.
	FieldCountTerms = "count_terms"
	// FieldStored holds the document's metadata, text and facts, compressed
	// (storedform.go); stored only.
	FieldStored = "stored"
)

// newMapping describes how reports are indexed: title and body with the
// Chinese analyzer and again as CJK bigrams (so
// that 农业 finds 中国农业发展银行 whatever the segmentation; without
// frequencies, as they only decide what matches), keyword fields for facets, the year as a number and a
// keyword, the date, each count as a keyword, and the metadata, text and
// facts stored in one compressed value. No field goes into bleve's _all field.
func newMapping() mapping.IndexMapping {
	// Term vectors (positions) would triple the body's size on disk; the
	// snippets find the query words in the stored text instead, and word
	// queries match all of a word's parts rather than a phrase.
	text := bleve.NewTextFieldMapping()
	text.Analyzer = AnalyzerName
	text.Store = false // the text is kept in FieldStored
	text.IncludeTermVectors = false
	text.IncludeInAll = false
	text.DocValues = false // nothing sorts or facets on the words of the text

	keyword := bleve.NewKeywordFieldMapping()
	keyword.Store = true
	keyword.IncludeInAll = false
	keyword.IncludeTermVectors = false
	keyword.DocValues = true

	num := bleve.NewNumericFieldMapping()
	num.Store = true
	num.IncludeInAll = false

	stored := bleve.NewTextFieldMapping()
	stored.Index = false
	stored.Store = true
	stored.IncludeInAll = false
	stored.IncludeTermVectors = false
	stored.DocValues = false

	bigram := bleve.NewTextFieldMapping()
	bigram.Analyzer = BigramAnalyzerName
	bigram.Store = false
	bigram.IncludeInAll = false
	bigram.IncludeTermVectors = false
	bigram.DocValues = false
	// The bigrams decide which documents match; the words score them, so
	// the bigrams keep no frequencies and norms (a third of their size).
	bigram.SkipFreqNorm = true

	date := bleve.NewDateTimeFieldMapping()
	date.Store = false
	date.IncludeInAll = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(FieldTitle, text)
	doc.AddFieldMappingsAt(FieldBody, text)
	doc.AddFieldMappingsAt(FieldBodyCJK, bigram)
	doc.AddFieldMappingsAt(FieldOrgText, bigram)
	doc.AddFieldMappingsAt(FieldPlaceText, bigram)
	// Keywords are stored only when a hit shows them or the import reads
	// them back, and keep doc values only when they are faceted, sorted
	// or summed: every other value is in the stored facts already.
	keywordAs := func(store, docValues bool) *mapping.FieldMapping {
		k := *keyword
		k.Store, k.DocValues = store, docValues
		return &k
	}
	doc.AddFieldMappingsAt(FieldSource, keywordAs(true, true)) // shown; sorted
	doc.AddFieldMappingsAt(FieldPlace, keywordAs(true, true))  // shown; faceted
	doc.AddFieldMappingsAt(FieldPrint, keywordAs(true, false)) // read by the import
	doc.AddFieldMappingsAt(FieldOrgName, keywordAs(false, false))
	for _, f := range []string{FieldYearKW, FieldGenre, FieldProvince, FieldCity, FieldDistrict, FieldOrg, FieldOrgKind, FieldTheme, FieldLaw} {
		doc.AddFieldMappingsAt(f, keywordAs(false, true)) // faceted
	}
	doc.AddFieldMappingsAt(FieldYear, num)
	doc.AddFieldMappingsAt(FieldDate, date)
	countTerms := *keyword
	countTerms.Store = false
	doc.AddFieldMappingsAt(FieldCountTerms, &countTerms)
	doc.AddFieldMappingsAt(FieldStored, stored)

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = AnalyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}
