package corpus

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

const (
	simplifiedSample  = "今年三月，我们在市区广场举办了消费者权益保护宣传活动，发放宣传资料两千余份，现场接受群众咨询三百多人次。\n活动结束后，各单位认真总结经验，进一步完善了投诉处理机制。"
	traditionalSample = "今年三月，我們在市區廣場舉辦了消費者權益保護宣傳活動，發放宣傳資料兩千餘份，現場接受群眾諮詢三百多人次。\n活動結束後，各單位認真總結經驗，進一步完善了投訴處理機制。"
)

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func TestDecodeText(t *testing.T) {
	short := "关于开展宣传周活动的通知"
	tests := []struct {
		name     string
		data     []byte
		declared string
		want     string
		enc      string
	}{
		{"utf-8", []byte(simplifiedSample), "", simplifiedSample, "utf-8"},
		{"utf-8 with bom", append([]byte("\xef\xbb\xbf"), simplifiedSample...), "", simplifiedSample, "utf-8-bom"},
		{"utf-16le", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), simplifiedSample), "", simplifiedSample, "utf-16le"},
		{"utf-16be", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), traditionalSample), "", traditionalSample, "utf-16be"},
		{"gbk", encode(t, simplifiedchinese.GBK, simplifiedSample), "", simplifiedSample, "gb18030"},
		{"gb18030", encode(t, simplifiedchinese.GB18030, simplifiedSample+"𠀀"), "", simplifiedSample + "𠀀", "gb18030"},
		{"gbk short title", encode(t, simplifiedchinese.GBK, short), "", short, "gb18030"},
		{"gbk traditional characters", encode(t, simplifiedchinese.GBK, traditionalSample), "", traditionalSample, "gb18030"},
		{"big5", encode(t, traditionalchinese.Big5, traditionalSample), "", traditionalSample, "big5"},
		{"big5 short", encode(t, traditionalchinese.Big5, "關於舉辦宣傳週活動的通知"), "", "關於舉辦宣傳週活動的通知", "big5"},
		{"declared gb2312", encode(t, simplifiedchinese.GBK, simplifiedSample), "gb2312", simplifiedSample, "gb18030"},
		{"declared big5", encode(t, traditionalchinese.Big5, traditionalSample), "Big5", traditionalSample, "big5"},
		{"declared gbk but utf-8", []byte(simplifiedSample), "gbk", simplifiedSample, "utf-8"},
		{"declared utf-8 but gbk", encode(t, simplifiedchinese.GBK, simplifiedSample), "utf-8", simplifiedSample, "gb18030"},
		{"mostly utf-8 with one bad byte", []byte(simplifiedSample[:30] + "\xff" + simplifiedSample[30:]), "", simplifiedSample[:30] + "\uFFFD" + simplifiedSample[30:], "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := decodeText(tt.data, tt.declared)
			if err != nil {
				t.Fatalf("decodeText: %v", err)
			}
			if got != tt.want || enc != tt.enc {
				t.Errorf("decodeText = %q, %q; want %q, %q", got, enc, tt.want, tt.enc)
			}
		})
	}
}

func TestDecodeTextErrors(t *testing.T) {
	tests := []struct {
		name   string
		data   []byte
		err    error
		reason string
	}{
		{"empty", nil, ErrEmpty, "空文件（empty file）"},
		{"pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), ErrNotText, "不是文本文件（PDF）"},
		{"zip", []byte("PK\x03\x04\x14\x00\x06\x00"), ErrNotText, "不是文本文件（ZIP）"},
		{"ole doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), ErrNotText, "不是文本文件（OLE，Word 97-2003 .doc）"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrNotText, "不是文本文件（PNG 图片）"},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), ErrNotText, "不是文本文件（JPEG 图片）"},
		{"gif", []byte("GIF89a\x01\x00"), ErrNotText, "不是文本文件（GIF 图片）"},
		{"nul bytes", []byte("text\x00with\x00nul"), ErrNotText, "不是文本文件（二进制数据，binary）"},
		{"latin-1", []byte("caf\xe9 na\xefve r\xe9sum\xe9 \xe0 la fa\xe7on de"), ErrEncoding, "无法识别的编码（unknown encoding）"},
		{"high bytes", []byte(strings.Repeat("\x80\x81\xff\xfe\x90", 20)), ErrEncoding, "无法识别的编码（unknown encoding）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := decodeText(tt.data, "")
			if !errors.Is(err, tt.err) || err.Error() != tt.reason {
				t.Errorf("decodeText error = %v, want %q (%v)", err, tt.reason, tt.err)
			}
		})
	}
}

func TestDecodeScoreSeparates(t *testing.T) {
	// The right decoding must win by a clear margin.
	gbk := encode(t, simplifiedchinese.GBK, simplifiedSample)
	big5 := encode(t, traditionalchinese.Big5, traditionalSample)
	for _, tt := range []struct {
		name       string
		right, alt float64
	}{
		{"gbk", decodeScore(decodeWith(simplifiedchinese.GB18030)(gbk)), decodeScore(decodeWith(traditionalchinese.Big5)(gbk))},
		{"big5", decodeScore(decodeWith(traditionalchinese.Big5)(big5)), decodeScore(decodeWith(simplifiedchinese.GB18030)(big5))},
	} {
		t.Logf("%s: right %.2f, wrong %.2f", tt.name, tt.right, tt.alt)
		if tt.right < 0.5 || tt.alt > 0.2 {
			t.Errorf("%s: right decoding scores %.2f, wrong one %.2f", tt.name, tt.right, tt.alt)
		}
	}
}
