package extract

import (
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"zongjie/rules"
)

func builtinGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	set, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	return NewGazetteer(set.Divisions, set.PlaceWords())
}

var findTests = []struct{ text, want string }{
	// Full names, one mention per level of a chain.
	{"浙江省湖州市吴兴区织里镇开展安全生产宣传", "浙江省#33 湖州市#3305 吴兴区#330502 织里镇#330502100"},
	{"山东省聊城市东昌府区消协举办讲座", "山东省#37 聊城市#3715 东昌府区#371502"},
	{"杭州市拱墅区朝晖街道组织居民学习", "杭州市#3301 拱墅区#330105 朝晖街道#330105016"},
	{"四川省达州市大竹县竹阳街道", "四川省#51 达州市#5117 大竹县#511724 竹阳街道#511724001"},
	{"宁夏回族自治区应急管理厅", "宁夏回族自治区#64"},
	{"延边州和长阳县", "延边州#2224 长阳县#420528"},
	// Short names of provinces and cities, also inside organisation names.
	{"宁夏各地开展安全生产月活动", "宁夏#64"},
	{"内蒙古、广西、新疆、西藏四地联动", "内蒙古#15 广西#45 新疆#65 西藏#54"},
	{"香港和澳门的消费者", "香港#81 澳门#82"},
	{"旅客在银川机场候机", "银川#6401"},
	{"河北电视台记者参加培训", "河北#13"},
	{"河北区域经济", "河北#13"},
	// Short county names need an organisation word or a parent in the text.
	{"西夏法院法官走进校园", "西夏#640105"},
	{"西夏王朝的历史展览", ""},
	{"银川市今年在西夏开展普法宣传", "银川市#6401 西夏#640105"},
	{"四川南部地区", "四川#51"},
	{"东兴市场", ""},
	// Two-character and verb-like full names need confirmation too.
	{"沛县公安局", "沛县#320322"},
	{"区和县两级", ""},
	{"联合镇派出所开展巡查", ""},
	// Short township names need their county or city and an organisation
	// word, or to follow their county or city.
	{"湖州市消协联合织里派出所", "湖州市#3305 织里#330502100"},
	{"湖州市织里童装", "湖州市#3305 织里#330502100"},
	{"织里童装", ""},
	// Ambiguous names.
	{"北京市朝阳区消协", "北京市#11 朝阳区#110105"},
	{"长春市举行发布会，朝阳区市场监管局参加", "长春市#2201 朝阳区#220104"},
	{"鼓楼区和玄武区联合执法", "鼓楼区#320106 玄武区#320102"},
	{"鼓楼区消协接待来访", "鼓楼区/county"},
	{"吉林和海南两省", "吉林#22 海南#46"},
	{"吉林市和海南州", "吉林市#2202 海南州#6325"},
	// Stop words, also when a name would match inside them.
	{"城区各单位和郊区农户", ""},
	{"晋城市城区禁毒委", "晋城市#1405 城区#140502"},
	{"社会长治久安", ""},
	{"比如说公安机关", ""},
	{"中山路步行街", ""},
	{"银川路小学", ""},
	{"宁夏银川路小学", "宁夏#64"},
	{"温州、台州路桥区", "温州#3303 台州#3310 路桥区#331004"},
	{"隆重庆祝，把东西藏好，幸福建设", ""},
	{"等城区街道开展演练", ""},
	// Anonymised names.
	{"××区禁毒委员会", "~××区"},
	{"XX县人民政府和x县政府", "~XX县 ~x县"},
	{"×× 街道办事处", "~×× 街道"},
	{"某某社区居委会", "~某某社区"},
	{"XX市场监管局", ""},
	{"在Fox县调研", ""},
	{"xx街道青年路社区组织义诊", "~xx街道 青年路社区/community"},
	// Places found by pattern.
	{"组织青石巷社区居民参加讲座", "青石巷社区/community"},
	{"参观了大寨村的合作社", "大寨村/village"},
	{"在向阳社区开展义诊", "向阳社区/community"},
	{"和平村村民踊跃参加", "和平村/village"},
	{"在前进村和跃进社区宣传", "前进村/village 跃进社区/community"},
	{"组织干部进村入户", ""},
	{"在茂源街道、桃花坞乡开展", "茂源街道/township 桃花坞乡/township"},
	{"银川市兴庆区正阳社区", "银川市#6401 兴庆区#640104 正阳社区/community"},
	// Generic words with a place suffix.
	{"建设美丽乡村和新农村", ""},
	{"加强社区矫正和社区戒毒工作", ""},
	{"全县各村、各社区", ""},
	{"本社区、该社区和我村", ""},
	{"城乡居民消费", ""},
	{"特色小镇建设", ""},
	{"创建省级文明村、示范社区", ""},
	{"送法进社区、进农村", ""},
	{"在3个社区", ""},
	{"市、区两级", ""},
	{"会议期间社区干部发言", ""},
	{"本次活动社区干部全程参与", ""},
}

func TestFind(t *testing.T) {
	g := builtinGazetteer(t)
	for _, tc := range findTests {
		var got []string
		for _, m := range g.Find([]rune(tc.text)) {
			got = append(got, brief(m))
		}
		if s := strings.Join(got, " "); s != tc.want {
			t.Errorf("Find(%q)\n got %q\nwant %q", tc.text, s, tc.want)
		}
	}
}

// TestFindSpans checks that every mention is its span of the text, in
// order and without overlap.
func TestFindSpans(t *testing.T) {
	g := builtinGazetteer(t)
	for _, tc := range findTests {
		text := []rune(tc.text)
		end := 0
		for _, m := range g.Find(text) {
			if m.Start < end || m.End <= m.Start || m.End > len(text) || string(text[m.Start:m.End]) != m.Name {
				t.Errorf("Find(%q): bad span %d-%d for %q after %d", tc.text, m.Start, m.End, m.Name, end)
			}
			end = m.End
		}
	}
}

func TestFindHierarchy(t *testing.T) {
	g := builtinGazetteer(t)
	for _, tc := range []struct{ text, want string }{
		{"银川", "city 宁夏回族自治区/银川市/"},
		{"北京市朝阳区", "province 北京市//, county 北京市//朝阳区"},
		{"湖州织里", "city 浙江省/湖州市/, township 浙江省/湖州市/吴兴区"},
		{"银川市兴庆区正阳社区", "city 宁夏回族自治区/银川市/, county 宁夏回族自治区/银川市/兴庆区, community 宁夏回族自治区/银川市/兴庆区"},
		{"鼓楼区", "county //"},
		{"××区", "county //"},
		// Taiwan, Hong Kong and Macau down to their districts; with nothing
		// pointing there, a name also found on the mainland is the mainland's
		{"台中市北屯区", "city 台湾省/台中市/, county 台湾省/台中市/北屯区"},
		{"香港沙田区", "province 香港特别行政区//, county 香港特别行政区/新界/沙田区"},
		{"金山区", "county 上海市//金山区"},
		{"新北市金山区", "city 台湾省/新北市/, county 台湾省/新北市/金山区"},
	} {
		var got []string
		for _, m := range g.Find([]rune(tc.text)) {
			got = append(got, m.Level+" "+m.Province+"/"+m.City+"/"+m.County)
		}
		if s := strings.Join(got, ", "); s != tc.want {
			t.Errorf("Find(%q) = %q, want %q", tc.text, s, tc.want)
		}
	}
}

// TestFindConcurrent runs Find from several goroutines on one Gazetteer
// (go test -race checks it).
func TestFindConcurrent(t *testing.T) {
	g := builtinGazetteer(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, tc := range findTests {
				g.Find([]rune(tc.text))
			}
		}()
	}
	wg.Wait()
}

func BenchmarkGazetteerFind(b *testing.B) {
	g := builtinGazetteer(b)
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, tc := range findTests {
			sb.WriteString(tc.text)
			sb.WriteString("。此次共印发安全手册两千册，现场解答问题八十多个。\n")
		}
	}
	text := []rune(sb.String())
	b.SetBytes(int64(sb.Len()))
	b.ResetTimer()
	for range b.N {
		g.Find(text)
	}
}

func BenchmarkNewGazetteer(b *testing.B) {
	set, err := rules.LoadBuiltin()
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		NewGazetteer(set.Divisions, set.PlaceWords())
	}
}

// TestSeedPlaces scores Find against the development set's places.
func TestSeedPlaces(t *testing.T) {
	text, err := os.ReadFile("../../shared/seeds/000_086669ac4238d0d5.txt")
	if err != nil {
		t.Skip("seed not found:", err)
	}
	splitData, err := os.ReadFile("../../shared/eval/seed/split.json")
	if err != nil {
		t.Skip("split not found:", err)
	}
	var split []struct {
		ID        string `json:"id"`
		StartLine int    `json:"start_line"`
		EndLine   int    `json:"end_line"`
	}
	if err := json.Unmarshal(splitData, &split); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(text), "\n")
	g := builtinGazetteer(t)
	var tp, fp, fn int
	for _, s := range split {
		goldData, err := os.ReadFile("../../shared/eval/seed/" + s.ID + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var gold struct{ Places []string }
		if err := json.Unmarshal(goldData, &gold); err != nil {
			t.Fatal(err)
		}
		summary := strings.Join(lines[s.StartLine-1:s.EndLine], "\n")
		found := map[string]bool{}
		for _, m := range g.Find([]rune(summary)) {
			if !m.Anonymised {
				found[m.Name] = true
			}
		}
		want := map[string]bool{}
		for _, p := range gold.Places {
			want[p] = true
		}
		for p := range found {
			if want[p] {
				tp++
			} else {
				fp++
				t.Logf("%s: extra %s", s.ID, p)
			}
		}
		for p := range want {
			if !found[p] {
				fn++
				t.Logf("%s: missed %s", s.ID, p)
			}
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("seed places: precision %.2f (%d/%d), recall %.2f (%d/%d)", precision, tp, tp+fp, recall, tp, tp+fn)
	if recall < 0.8 {
		t.Errorf("recall %.2f < 0.8", recall)
	}
}

// brief writes a mention as name#code, name/level when unresolved, or
// ~name when anonymised.
func brief(m PlaceMention) string {
	switch {
	case m.Anonymised:
		return "~" + m.Name
	case m.Code != "":
		return m.Name + "#" + m.Code
	}
	return m.Name + "/" + m.Level
}
