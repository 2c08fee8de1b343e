package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field names in the index. Facet and filter names are the same words.
const (
	FieldTitle    = "title"
	FieldBody     = "body"
	FieldSource   = "source"
	FieldYear     = "year"    // numeric, for ranges
	FieldYearKW   = "year_kw" // the year as a keyword, for facets
	FieldGenre    = "genre"
	FieldPlace    = "place"
	FieldProvince = "province"
	FieldCity     = "city"
	FieldDistrict = "district"
	FieldOrg      = "org"
	FieldOrgKind  = "org_kind"
	FieldTheme    = "theme"
	FieldLaw      = "law"
	FieldRecord   = "record" // the facts as JSON, stored only
	FieldDoc      = "doc"    // the document's metadata as JSON, stored only
)

// newMapping describes how reports are indexed: title and body with the
// Chinese analyzer (stored with term vectors for highlighting), keyword
// fields for facets, the year as a number and a keyword, and the facts
// stored as JSON. No field goes into bleve's _all field.
func newMapping() mapping.IndexMapping {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = AnalyzerName
	text.Store = true
	text.IncludeTermVectors = true
	text.IncludeInAll = false

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

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(FieldTitle, text)
	doc.AddFieldMappingsAt(FieldBody, text)
	for _, f := range []string{FieldSource, FieldYearKW, FieldGenre, FieldPlace, FieldProvince, FieldCity, FieldDistrict, FieldOrg, FieldOrgKind, FieldTheme, FieldLaw} {
		doc.AddFieldMappingsAt(f, keyword)
	}
	doc.AddFieldMappingsAt(FieldYear, num)
	doc.AddFieldMappingsAt(FieldRecord, stored)
	doc.AddFieldMappingsAt(FieldDoc, stored)

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = AnalyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}
