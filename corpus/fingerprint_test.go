package corpus

import (
	"strings"
	"testing"
)

func TestFingerprint(t *testing.T) {
	report := strings.Repeat("区消协联合区市场监督管理局在人民广场开展宣传活动，发放宣传资料一千二百份，现场受理投诉十七件，解答群众咨询三百余人次。", 6)
	repost := "（来源：某某网）\n" + report + "\n责任编辑：某某"
	other := strings.Repeat("区应急管理局组织开展安全生产月活动，检查生产经营单位八十六家，排查一般隐患一百零三处，已全部整改到位。", 6)
	a, b, c := Fingerprint(report), Fingerprint(repost), Fingerprint(other)
	if !NearDuplicate(a, b) {
		t.Errorf("a repost with other chrome is not a near duplicate: %064b vs %064b", a, b)
	}
	if NearDuplicate(a, c) {
		t.Errorf("two different reports count as near duplicates")
	}
	if Fingerprint(report) != a {
		t.Errorf("fingerprint not stable")
	}
}
