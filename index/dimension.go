package index

// Dimension is one way to select and count documents, named once for the
// command line (--NAME), the URL (?NAME=), the facets of an answer and the
// pages.
type Dimension struct {
	Name    string // flag, URL parameter and facet key
	Filter  string // the field a filter by it matches, or ""
	Facet   string // the field its facet counts, or ""
	Label   string // its name for users
	Example string // a value to show in help texts
}

// Dimensions are the dimensions, in display order. Several values of one
// mean any of them; different dimensions must all hold. org and place
// match inside names (org=司法所 finds 大学东路司法所); the others match
// exactly. The org facet counts canonical names.
var Dimensions = []Dimension{
	{"year", FieldYearKW, FieldYearKW, "年份", "2012 或 2012,2013 或 2010..2014"},
	{"province", FieldProvince, FieldProvince, "省", "宁夏回族自治区"},
	{"city", FieldCity, FieldCity, "市", "银川市"},
	{"district", FieldDistrict, FieldDistrict, "区县", "西夏区"},
	{"place", FieldPlace, "", "地点", "银川"},
	{"org", FieldOrgName, FieldOrg, "机构", "区消协 或 消费者协会"},
	{"org_kind", FieldOrgKind, FieldOrgKind, "机构类型", "assoc"},
	{"theme", FieldTheme, FieldTheme, "主题", "消费与安全"},
	{"genre", FieldGenre, FieldGenre, "类别", "3·15"},
	{"law", FieldLaw, FieldLaw, "法规", "中华人民共和国消费者权益保护法"},
}

// FacetLabel returns the label of the dimension whose facet counts field.
func FacetLabel(field string) string {
	for _, d := range Dimensions {
		if d.Facet == field {
			return d.Label
		}
	}
	return field
}
