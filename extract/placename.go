package extract

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// named is one spelling of a division's name.
type named struct {
	name string
	kind nameKind
}

// namesOf gives the spellings of a division: its full name, an alias for an
// autonomous prefecture, county or banner (延边州, 长阳县) and its short
// name (银川, 宁夏, 西夏, 织里).
func namesOf(full, level string) []named {
	out := []named{{full, fullKind(full)}}
	short, alias := shortName(full, level)
	if alias != "" && alias != full {
		out = append(out, named{alias, fullKind(alias)})
	}
	if short != "" && short != full && utf8.RuneCountInString(short) >= 2 {
		out = append(out, named{short, shortKind(short, level)})
	}
	return out
}

func fullKind(name string) nameKind {
	if utf8.RuneCountInString(name) <= 2 {
		return kindFullWeak
	}
	return kindFull
}

func shortKind(short, level string) nameKind {
	switch {
	case level == LevelTownship:
		return kindShortTownship
	case level == LevelCounty && utf8.RuneCountInString(short) < 3:
		return kindShortCounty
	}
	return kindShort
}

// shortName strips a division's suffix and ethnic designation. alias is
// the short name with a one-character suffix, for autonomous divisions.
func shortName(full, level string) (short, alias string) {
	switch level {
	case LevelProvince:
		return cutSuffixes(full, "特别行政区", "自治区", "省", "市"), ""
	case LevelCity:
		if s, ok := strings.CutSuffix(full, "自治州"); ok {
			s = cutEthnic(s)
			return s, s + "州"
		}
		return cutSuffixes(full, "地区", "盟", "市"), ""
	case LevelCounty:
		return countyShort(full)
	case LevelTownship:
		return cutSuffixes(full, "街道", "苏木", "镇", "乡"), ""
	}
	return "", ""
}

// zoneWords mark county-level zones whose names have no short form.
var zoneWords = []string{"开发", "园区", "管理区", "示范区", "实验区", "食品区", "名胜区", "合作区", "产业"}

func countyShort(full string) (short, alias string) {
	for _, suf := range []string{"自治县", "自治旗"} {
		if s, ok := strings.CutSuffix(full, suf); ok {
			s = cutEthnic(s)
			return s, s + strings.TrimPrefix(suf, "自治")
		}
	}
	if slices.ContainsFunc(zoneWords, func(w string) bool { return strings.Contains(full, w) }) {
		return "", ""
	}
	return cutSuffixes(full, "新区", "林区", "特区", "矿区", "县", "旗", "市", "区"), ""
}

// cutSuffixes removes the first of the suffixes that full ends with, and
// an ethnic designation before it; "" when none matches.
func cutSuffixes(full string, suffixes ...string) string {
	for _, suf := range suffixes {
		if s, ok := strings.CutSuffix(full, suf); ok {
			return cutEthnic(s)
		}
	}
	return ""
}

// ethnicGroups are the names of China's ethnic groups without 族, longest
// first, as they appear in the names of autonomous divisions, and 各 of
// 各族 (龙胜各族自治县).
var ethnicGroups = func() []string {
	g := strings.Fields(`蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎
		傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南
		仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔
		独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各`)
	slices.SortStableFunc(g, func(a, b string) int { return len(b) - len(a) })
	return g
}()

// cutEthnic removes trailing ethnic designations: 宁夏回族 → 宁夏,
// 黔东南苗族侗族 → 黔东南, 巴音郭楞蒙古 → 巴音郭楞. At least two characters
// stay: 东乡族 → 东乡, 内蒙古 and 西藏 stay as they are.
func cutEthnic(s string) string {
	for {
		t, ok := cutOneEthnic(s)
		if !ok {
			return s
		}
		s = t
	}
}

func cutOneEthnic(s string) (string, bool) {
	base, zu := strings.CutSuffix(s, "族")
	for _, e := range ethnicGroups {
		rest, ok := strings.CutSuffix(base, e)
		if !ok || (!zu && utf8.RuneCountInString(e) < 2) {
			continue
		}
		if utf8.RuneCountInString(rest) >= 2 {
			return rest, true
		}
		return base, zu
	}
	return s, false
}
