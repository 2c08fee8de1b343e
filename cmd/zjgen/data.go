package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie/rules"
)

// world holds the real names the generator draws from, read from the
// embedded rule tables: administrative divisions, observances with their
// first years, annual themes and law titles.
type world struct {
	provinces   []*province
	observances map[string]*observance
	laws        map[string]*law // by canonical title
}

// province is a province-level division with the counties that have
// enough townships to write about.
type province struct {
	name, short, slug string
	counties          []*county
}

// county is a county-level division: its name, its short form (吴兴 for
// 吴兴区, the name itself when stripping would leave one character), the
// level word agencies are prefixed with (区, 县, 市, 旗), its city ("" for
// the counties of a municipality) and its townships.
type county struct {
	name, short, level string
	city, cityShort    string
	prov               *province
	towns              []string
	streets            int // how many of towns end in 街道
}

// observance is a row of observances.tsv with its themes by year.
type observance struct {
	name      string
	aliases   []string
	genre     string
	date      string
	firstYear int
	units     []string
	themes    map[int]string
}

// law is a row of laws.tsv.
type law struct {
	title   string
	aliases []string
	kind    string
}

// provinceSlugs names the folder of each province (by its two-digit code).
// Taiwan, Hong Kong and Macao are left out: the genre is mainland reports.
var provinceSlugs = map[string]string{
	"11": "beijing", "12": "tianjin", "13": "hebei", "14": "shanxi", "15": "neimenggu",
	"21": "liaoning", "22": "jilin", "23": "heilongjiang", "31": "shanghai", "32": "jiangsu",
	"33": "zhejiang", "34": "anhui", "35": "fujian", "36": "jiangxi", "37": "shandong",
	"41": "henan", "42": "hubei", "43": "hunan", "44": "guangdong", "45": "guangxi",
	"46": "hainan", "50": "chongqing", "51": "sichuan", "52": "guizhou", "53": "yunnan",
	"54": "xizang", "61": "shaanxi", "62": "gansu", "63": "qinghai", "64": "ningxia",
	"65": "xinjiang",
}

// loadWorld reads the name pools from the built-in rule set.
func loadWorld() (*world, error) {
	set, err := rules.LoadBuiltin()
	if err != nil {
		return nil, fmt.Errorf("load built-in rules: %w", err)
	}
	w := &world{observances: map[string]*observance{}, laws: map[string]*law{}}
	if err := w.readDivisions(set.Divisions); err != nil {
		return nil, err
	}
	for _, name := range []string{"observances", "themes_cca", "themes_other", "laws"} {
		if set.Tables[name] == nil {
			return nil, fmt.Errorf("built-in rules have no %s.tsv", name)
		}
	}
	obs := set.Tables["observances"]
	for _, r := range obs.Rows {
		first, err := strconv.Atoi(obs.Cell(r, "first_year"))
		if err != nil {
			return nil, fmt.Errorf("%s: first_year: %w", r.Source, err)
		}
		o := &observance{
			name:      obs.Cell(r, "name"),
			aliases:   splitList(obs.Cell(r, "aliases")),
			genre:     obs.Cell(r, "genre"),
			date:      obs.Cell(r, "date"),
			firstYear: first,
			units:     splitList(obs.Cell(r, "ordinal_unit")),
			themes:    map[int]string{},
		}
		if len(o.units) == 0 {
			o.units = []string{"个"}
		}
		w.observances[o.name] = o
	}
	cca := set.Tables["themes_cca"]
	for _, r := range cca.Rows {
		y, err := strconv.Atoi(cca.Cell(r, "year"))
		if err != nil {
			return nil, fmt.Errorf("%s: year: %w", r.Source, err)
		}
		if o := w.observances["国际消费者权益日"]; o != nil && o.themes[y] == "" {
			o.themes[y] = cca.Cell(r, "theme")
		}
	}
	other := set.Tables["themes_other"]
	for _, r := range other.Rows {
		y, err := strconv.Atoi(other.Cell(r, "year"))
		if err != nil {
			return nil, fmt.Errorf("%s: year: %w", r.Source, err)
		}
		if o := w.observances[other.Cell(r, "observance")]; o != nil && o.themes[y] == "" {
			o.themes[y] = other.Cell(r, "theme") // the first theme listed for a year wins
		}
	}
	laws := set.Tables["laws"]
	for _, r := range laws.Rows {
		l := &law{title: laws.Cell(r, "canonical"), aliases: splitList(laws.Cell(r, "aliases")), kind: laws.Cell(r, "kind")}
		w.laws[l.title] = l
	}
	return w, nil
}

// readDivisions builds the provinces and their usable counties.
func (w *world) readDivisions(divs []rules.Division) error {
	byCode := make(map[string]*rules.Division, len(divs))
	for i := range divs {
		byCode[divs[i].Code] = &divs[i]
	}
	provs := map[string]*province{}
	counties := map[string]*county{}
	var order []string
	for i := range divs {
		d := &divs[i]
		switch d.Level {
		case "province":
			slug, ok := provinceSlugs[d.Code]
			if !ok {
				continue
			}
			provs[d.Code] = &province{name: d.Name, short: provinceShort(d.Name), slug: slug}
		case "county":
			if !usableCounty(d.Name) {
				continue
			}
			c := &county{name: d.Name, short: shortName(d.Name), level: levelWord(d.Name)}
			p := byCode[d.Parent]
			if p != nil && p.Level == "city" {
				c.city, c.cityShort = p.Name, shortName(p.Name)
				p = byCode[p.Parent]
			}
			if p == nil || p.Level != "province" {
				continue
			}
			c.prov = provs[p.Code]
			if c.prov == nil {
				continue
			}
			counties[d.Code] = c
			order = append(order, d.Code)
		case "township":
			if c := counties[d.Parent]; c != nil {
				c.towns = append(c.towns, d.Name)
				if strings.HasSuffix(d.Name, "街道") {
					c.streets++
				}
			}
		}
	}
	for _, code := range order {
		c := counties[code]
		if len(c.towns) >= 3 {
			c.prov.counties = append(c.prov.counties, c)
		}
	}
	for code, p := range provs {
		if len(p.counties) == 0 {
			delete(provs, code)
		}
	}
	codes := make([]string, 0, len(provs))
	for code := range provs {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		w.provinces = append(w.provinces, provs[code])
	}
	if len(w.provinces) < 20 {
		return fmt.Errorf("divisions.tsv gives only %d provinces with usable counties", len(w.provinces))
	}
	return nil
}

// usableCounty reports whether a county-level name reads like a district,
// county, county-level city or banner (not a development zone or an island
// group).
func usableCounty(name string) bool {
	n := utf8.RuneCountInString(name)
	if n < 2 || n > 10 {
		return false
	}
	for _, bad := range []string{"开发区", "园区", "管理区", "示范区", "试验区", "功能区", "新城", "产业", "群岛", "委员会", "管委会", "合作区"} {
		if strings.Contains(name, bad) {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(name)
	return strings.ContainsRune("区县市旗", last)
}

// levelWord is the prefix agencies of a county carry: 区 for a district,
// 县 for a county (自治县 too), 市 for a county-level city, 旗 for a banner.
func levelWord(name string) string {
	last, _ := utf8.DecodeLastRuneInString(name)
	return string(last)
}

// shortName is the short form of a city or county: the name without its
// last character (吴兴 for 吴兴区) when at least two characters remain, the
// part before the first ethnic group of an autonomous name (新平 for
// 新平彝族傣族自治县, 黔东南 for 黔东南苗族侗族自治州), 阿里 for 阿里地区;
// banners and leagues keep their names.
func shortName(name string) string {
	if strings.Contains(name, "自治") {
		r := []rune(name)
		for i := 2; i < len(r); i++ {
			rest := string(r[i:])
			for _, g := range ethnicGroups {
				if strings.HasPrefix(rest, g+"族") || strings.HasPrefix(rest, g+"自治") {
					return string(r[:i])
				}
			}
		}
		return name
	}
	if strings.HasSuffix(name, "地区") && utf8.RuneCountInString(name) >= 4 {
		return strings.TrimSuffix(name, "地区")
	}
	if strings.HasSuffix(name, "旗") || strings.HasSuffix(name, "盟") {
		return name
	}
	r := []rune(name)
	if len(r) >= 3 && strings.ContainsRune("市区县州", r[len(r)-1]) {
		return string(r[:len(r)-1])
	}
	return name
}

// ethnicGroups are the names of China's minority groups without 族, as
// they stand in the names of autonomous prefectures and counties.
var ethnicGroups = strings.Fields(`蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎
傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米
塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺`)

// provinceShort is the common short form of a province: 浙江 for 浙江省,
// 广西 for 广西壮族自治区, 北京 for 北京市.
func provinceShort(name string) string {
	for _, s := range []string{"内蒙古", "广西", "宁夏", "新疆", "西藏"} {
		if strings.HasPrefix(name, s) {
			return s
		}
	}
	return strings.TrimSuffix(strings.TrimSuffix(name, "省"), "市")
}

// splitList splits a comma-separated cell, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
