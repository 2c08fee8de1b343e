package main

import "strings"

// The agencies a report names are built from the county's level word (区,
// 县, 市, 旗) and the year: bodies renamed in the 2018 institutional
// reform (工商局 → 市场监督管理局, 安监局 → 应急管理局, 公安消防大队 →
// 消防救援大队 …) carry the name of their time.

// ag names a county agency: 区市场监督管理局, or with the county's name,
// 吴兴区市场监督管理局.
func (c *ctx) ag(suffix string) string {
	if c.r.IntN(100) < 35 {
		return c.place("county") + suffix
	}
	return c.c.level + suffix
}

// lv prefixes the level word: lv("妇联") is 区妇联.
func (c *ctx) lv(suffix string) string { return c.c.level + suffix }

// byYear picks the first name whose start year the report's year reaches;
// pairs are (from year, name), latest first.
func (c *ctx) byYear(pairs ...any) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		if c.year >= pairs[i].(int) {
			return pairs[i+1].(string)
		}
	}
	return pairs[len(pairs)-1].(string)
}

func (c *ctx) market() string {
	return c.byYear(2018, pickS(c.r, []string{"市场监督管理局", "市场监督管理局", "市场监管局"}),
		0, pickS(c.r, []string{"工商行政管理局", "工商局"}))
}

func (c *ctx) safetyBureau() string {
	return c.byYear(2018, pickS(c.r, []string{"应急管理局", "应急管理局", "应急局"}),
		0, pickS(c.r, []string{"安全生产监督管理局", "安监局"}))
}

func (c *ctx) fireBrigade() string {
	return c.byYear(2019, "消防救援大队", 0, pickS(c.r, []string{"公安消防大队", "消防大队"}))
}

func (c *ctx) police() string {
	if c.c.level == "区" {
		return "公安分局"
	}
	return "公安局"
}

func (c *ctx) health() string {
	return c.byYear(2019, pickS(c.r, []string{"卫生健康局", "卫健局"}), 2013, "卫生和计划生育局", 0, "卫生局")
}

func (c *ctx) culture() string {
	return c.byYear(2019, pickS(c.r, []string{"文化和旅游局", "文旅局"}), 0, pickS(c.r, []string{"文化广电新闻出版局", "文广新局"}))
}

func (c *ctx) agri() string {
	return c.byYear(2019, "农业农村局", 0, "农业局")
}

func (c *ctx) env() string {
	return c.byYear(2019, "生态环境局", 0, pickS(c.r, []string{"环境保护局", "环保局"}))
}

func (c *ctx) assoc() string {
	switch {
	case c.c.prov.short == "广东":
		return pickS(c.r, []string{"消费者委员会", "消委会"})
	case c.c.prov.short == "浙江" || c.c.prov.short == "上海":
		return pickS(c.r, []string{"消费者权益保护委员会", "消保委"})
	}
	return pickS(c.r, []string{"消费者协会", "消费者协会", "消协"})
}

// baseOrgs fills the roles every genre uses: media, companies, schools,
// hospitals, the police, the education bureau and a superior body.
func (c *ctx) baseOrgs() {
	cs, cityS := c.place("cs"), c.place("cityS")
	town := func() string { return c.place("town") }
	o := map[string][]string{
		"media": {
			cityS + "日报",
			c.byYear(2018, c.lv("融媒体中心"), 0, c.place("county")+"电视台"),
			cityS + "广播电视台",
			c.byYear(2018, c.place("county")+"融媒体中心", 0, c.lv("广播电视台")),
		},
		"company": {
			"国网" + cityS + "供电公司", "中国移动" + cityS + "分公司", "中国电信" + cs + "分公司",
			cs + "农村商业银行", cityS + "燃气有限公司", cs + pickS(c.r, []string{"华联", "惠民", "百佳", "新世纪"}) + "超市",
			cityS + pickS(c.r, []string{"恒通", "顺达", "鑫源", "宏盛", "华港"}) + pickS(c.r, []string{"物流", "建材", "化工", "机械"}) + "有限公司",
		},
		"school": {
			cs + "第" + pickS(c.r, []string{"一", "二", "三", "四", "五"}) + "中学", cs + "实验小学",
			town() + "中心小学", cs + "职业技术学校", town() + "中学",
		},
		"hospital": {cs + "人民医院", cs + "中医院", town() + "卫生院"},
		"police":   {c.ag(c.police()), c.lv(c.police())},
		"edu":      {c.ag("教育局"), c.lv("教育局")},
		"fire":     {c.ag(c.fireBrigade())},
		"bank":     {"中国人民银行" + cs + "支行", cs + "农村商业银行", "中国工商银行" + cs + "支行", "中国农业银行" + cs + "支行"},
		"court":    {c.place("county") + "人民法院", c.lv("人民法院")},
		"procur":   {c.place("county") + "人民检察院", c.lv("人民检察院")},
		"lawfirm":  {cityS + pickS(c.r, []string{"正衡", "信诚", "明理", "同德", "恒信", "立达"}) + "律师事务所"},
		"agri":     {c.lv(c.agri())},
		"museum":   {cityS + "科技馆", cs + "青少年活动中心"},
		"sup":      {c.place("city") + c.market()},
	}
	c.orgs = o
}

// partnersOf makes the partner list from agency suffixes; a suffix that
// starts with = is written as it is (团区委 is made from =团*委, * being the
// level word).
func (c *ctx) partnersOf(suffixes ...string) []string {
	var out []string
	for _, s := range suffixes {
		if strings.HasPrefix(s, "=") {
			out = append(out, strings.ReplaceAll(s[1:], "*", c.c.level))
			continue
		}
		out = append(out, c.lv(s))
	}
	return out
}

// famOrgs sets the lead agency and the genre's partners and superiors.
func (c *ctx) famOrgs() {
	o := c.orgs
	city := c.place("city")
	prov := c.place("prov")
	switch c.fam.key {
	case "315":
		m := c.market()
		a := c.assoc()
		o["assoc"] = []string{c.ag(a), c.lv(a)}
		o["lead2"] = []string{c.ag(m), c.lv(m)}
		c.lead = pickS(c.r, []string{c.ag(m), c.ag(m), c.ag(a)})
		o["partners"] = c.partnersOf(c.police(), "司法局", "商务局", "教育局", c.agri(), c.health(), c.culture(), "=团*委", "妇联", "总工会", "委宣传部", c.byYear(2018, "融媒体中心", 0, "广播电视台"))
		o["sup"] = []string{city + c.market(), prov + c.assoc(), city + c.assoc(), "上级" + strings.TrimSuffix(c.market(), "局") + "部门"}
	case "safety":
		s := c.safetyBureau()
		o["lead2"] = []string{c.ag(s), c.lv(s)}
		c.lead = pickS(c.r, []string{c.ag(s), c.ag(s), c.lv("安委办"), c.lv("安全生产委员会办公室")})
		o["partners"] = c.partnersOf("住房和城乡建设局", "交通运输局", c.market(), c.police(), "教育局", c.fireBrigade(), "总工会", "商务局")
		o["sup"] = []string{city + c.safetyBureau(), city + "安委办", prov + "安全生产委员会办公室"}
	case "fire":
		f := c.fireBrigade()
		c.lead = pickS(c.r, []string{c.ag(f), c.ag(f), c.lv("消防安全委员会办公室")})
		o["fire"] = []string{c.ag(f)}
		o["partners"] = c.partnersOf(c.safetyBureau(), "教育局", "住房和城乡建设局", "民政局", c.health(), c.market(), c.police(), c.culture())
		o["sup"] = []string{city + c.byYear(2019, "消防救援支队", 0, "公安消防支队"), city + "消防安全委员会办公室"}
	case "drug":
		p := c.police()
		c.lead = pickS(c.r, []string{c.lv("禁毒委员会办公室"), c.lv("禁毒办"), c.ag(p)})
		o["partners"] = c.partnersOf(p, "教育局", "司法局", c.health(), "民政局", "=团*委", "妇联", c.culture(), c.market())
		o["sup"] = []string{city + "禁毒委员会", city + "禁毒办", prov + "禁毒委员会办公室"}
	case "law":
		c.lead = pickS(c.r, []string{c.lv("委宣传部"), c.ag("司法局"), c.ag("司法局"), c.lv("普法办"),
			c.byYear(2019, c.lv("委全面依法治"+c.c.level+"委员会办公室"), 0, c.lv("法治宣传教育领导小组办公室"))})
		o["partners"] = c.partnersOf("人民法院", "人民检察院", c.police(), "教育局", "=团*委", "妇联", "人力资源和社会保障局", "民政局")
		o["sup"] = []string{city + "司法局", city + "委宣传部", city + "普法办"}
	case "food":
		m := c.byYear(2018, c.market(), 0, "食品药品监督管理局")
		o["lead2"] = []string{c.ag(m), c.lv(m)}
		c.lead = pickS(c.r, []string{c.ag(m), c.lv("食品安全委员会办公室"), c.lv("食安办")})
		o["partners"] = c.partnersOf(c.agri(), c.health(), "教育局", "商务局", c.police(), "=团*委", "妇联")
		o["sup"] = []string{city + "食品安全委员会办公室", city + m}
	case "fraud":
		p := c.police()
		c.lead = pickS(c.r, []string{c.ag(p), c.ag(p), c.lv("打击治理电信网络新型违法犯罪工作联席会议办公室")})
		o["police"] = []string{c.ag(p)}
		o["partners"] = c.partnersOf(p, "教育局", "民政局", "委政法委", "=团*委", "妇联", c.market(), c.byYear(2018, "融媒体中心", 0, "广播电视台"))
		o["sup"] = []string{city + "公安局", city + "反诈中心", prov + "公安厅"}
	case "env":
		lead := c.env()
		switch {
		case c.obs != nil && strings.Contains(c.obs.name, "水"):
			lead = pickS(c.r, []string{"水利局", "水务局"})
		case c.obs != nil && (strings.Contains(c.obs.name, "节能") || strings.Contains(c.obs.name, "低碳")):
			lead = pickS(c.r, []string{"发展和改革局", "发改局", "机关事务管理局"})
		case c.year >= 2019 && c.c.level == "区" && c.place("city") != c.place("prov") && c.r.IntN(2) == 0:
			c.lead = c.place("city") + "生态环境局" + c.place("cs") + "分局"
		}
		if c.lead == "" {
			c.lead = c.ag(lead)
		}
		o["partners"] = c.partnersOf("住房和城乡建设局", "城市管理局", "水利局", c.byYear(2019, "自然资源局", 0, "国土资源局"), c.agri(), "教育局", "=团*委", "妇联")
		o["sup"] = []string{city + c.env(), city + "发展和改革委员会"}
	case "sci":
		c.lead = pickS(c.r, []string{c.lv("科学技术协会"), c.lv("科协"), c.ag("科学技术局"), c.lv("科协")})
		o["partners"] = c.partnersOf("教育局", "气象局", c.agri(), c.health(), c.safetyBureau(), "=团*委", "妇联", "图书馆")
		o["sup"] = []string{city + "科学技术协会", city + "科协", prov + "科协"}
	default: // the generic family: the observance's own vocabulary
		c.lead = c.gv.lead(c)
		o["partners"] = c.partnersOf(c.gv.partners(c)...)
		o["sup"] = []string{city + c.leadSuffix()}
	}
	// a body does not partner itself
	suffix := c.leadSuffix()
	ps := o["partners"][:0:0]
	for _, p := range o["partners"] {
		if !strings.HasSuffix(p, suffix) {
			ps = append(ps, p)
		}
	}
	o["partners"] = ps
}

// leadSuffix is the lead agency without its county prefix (市场监督管理局
// for 吴兴区市场监督管理局).
func (c *ctx) leadSuffix() string {
	s := strings.TrimPrefix(c.lead, c.place("county"))
	if s == c.lead {
		s = strings.TrimPrefix(c.lead, c.c.level)
	}
	return s
}
