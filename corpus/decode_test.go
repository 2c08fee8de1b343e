package corpus

import (
	"bytes"
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
		conf     float64 // the least confidence expected
	}{
		{"utf-8", []byte(simplifiedSample), "", simplifiedSample, "utf-8", 1},
		{"utf-8 with bom", append([]byte("\xef\xbb\xbf"), simplifiedSample...), "", simplifiedSample, "utf-8-bom", 1},
		{"utf-16le", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), simplifiedSample), "", simplifiedSample, "utf-16le", 1},
		{"utf-16be", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), traditionalSample), "", traditionalSample, "utf-16be", 1},
		{"utf-16le without bom", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), simplifiedSample), "", simplifiedSample, "utf-16le", 0.8},
		{"utf-16be without bom", encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), traditionalSample), "", traditionalSample, "utf-16be", 0.8},
		{"gbk", encode(t, simplifiedchinese.GBK, simplifiedSample), "", simplifiedSample, "gb18030", 0.8},
		{"gb18030", encode(t, simplifiedchinese.GB18030, simplifiedSample+"𠀀"), "", simplifiedSample + "𠀀", "gb18030", 0.8},
		{"gbk short title", encode(t, simplifiedchinese.GBK, short), "", short, "gb18030", 0.5},
		{"gbk traditional characters", encode(t, simplifiedchinese.GBK, traditionalSample), "", traditionalSample, "gb18030", 0.8},
		{"big5", encode(t, traditionalchinese.Big5, traditionalSample), "", traditionalSample, "big5", 0.8},
		{"big5 short", encode(t, traditionalchinese.Big5, "關於舉辦宣傳週活動的通知"), "", "關於舉辦宣傳週活動的通知", "big5", 0.5},
		{"declared gb2312", encode(t, simplifiedchinese.GBK, simplifiedSample), "gb2312", simplifiedSample, "gb18030", 0.8},
		{"declared big5", encode(t, traditionalchinese.Big5, traditionalSample), "Big5", traditionalSample, "big5", 0.8},
		{"declared gbk but utf-8", []byte(simplifiedSample), "gbk", simplifiedSample, "utf-8", 1},
		{"declared utf-8 but gbk", encode(t, simplifiedchinese.GBK, simplifiedSample), "utf-8", simplifiedSample, "gb18030", 0.8},
		{"mostly utf-8 with one bad byte", []byte(simplifiedSample[:30] + "\xff" + simplifiedSample[30:]), "", simplifiedSample[:30] + "\uFFFD" + simplifiedSample[30:], "utf-8", 0.8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := decodeText(tt.data, tt.declared)
			if err != nil {
				t.Fatalf("decodeText: %v", err)
			}
			if d.text != tt.want || d.encoding != tt.enc {
				t.Errorf("decodeText = %q, %q; want %q, %q", d.text, d.encoding, tt.want, tt.enc)
			}
			if d.confidence < tt.conf || d.confidence > 1 {
				t.Errorf("confidence %.2f, want at least %.2f", d.confidence, tt.conf)
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
		{"ole doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), ErrNotText, "不是文本文件（OLE，Office 97-2003）"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrNotText, "不是文本文件（PNG 图片）"},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), ErrNotText, "不是文本文件（JPEG 图片）"},
		{"gif", []byte("GIF89a\x01\x00"), ErrNotText, "不是文本文件（GIF 图片）"},
		{"nul bytes", []byte("text\x00with\x00nul"), ErrNotText, "不是文本文件（二进制数据，binary）"},
		{"latin-1", []byte("caf\xe9 na\xefve r\xe9sum\xe9 \xe0 la fa\xe7on de"), ErrEncoding, "无法识别的编码（unknown encoding）"},
		{"high bytes", []byte(strings.Repeat("\x80\x81\xff\xfe\x90", 20)), ErrEncoding, "无法识别的编码（unknown encoding）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeText(tt.data, "")
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

func TestReadEncodingOption(t *testing.T) {
	// A short GBK line that detection could read either way, and a file
	// whose bytes are valid in several encodings: the option decides.
	text := "街道开展垃圾分类宣传活动总结\n发放倡议书三百份。"
	tests := []struct {
		name, encoding string
		data           []byte
		want, enc      string
		conf           float64
	}{
		{"detected gbk", "", encode(t, simplifiedchinese.GBK, text), text, "gb18030", 0.8},
		{"forced gbk", "gbk", encode(t, simplifiedchinese.GBK, text), text, "gb18030", 1},
		{"forced gb2312 label", "GB2312", encode(t, simplifiedchinese.GBK, text), text, "gb18030", 1},
		{"forced big5", "big5", encode(t, traditionalchinese.Big5, "社區宣傳活動總結\n發放倡議書三百份。"), "社區宣傳活動總結\n發放倡議書三百份。", "big5", 1},
		{"forced utf-8 drops bom", "utf-8", append([]byte("\xef\xbb\xbf"), text...), text, "utf-8", 1},
		{"forced utf-16le without bom", "utf-16le", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), text), text, "utf-16le", 1},
		{"forced utf-16be with bom", "utf-16be", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), text), text, "utf-16be", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Options{Encoding: tt.encoding}.Read("report.txt", bytes.NewReader(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			if d.Written != "" {
				d.Text = d.Written
			}
			if d.Text != tt.want || d.Encoding != tt.enc || d.EncodingConfidence < tt.conf || d.EncodingConfidence > 1 {
				t.Errorf("got %q, %s, %.2f; want %q, %s, at least %.2f", d.Text, d.Encoding, d.EncodingConfidence, tt.want, tt.enc, tt.conf)
			}
		})
	}
	_, err := Options{Encoding: "klingon"}.Read("x.txt", strings.NewReader("甲"))
	if err == nil || errors.As(err, new(Skip)) || CheckEncoding("klingon") == nil {
		t.Errorf("unknown encoding: %v", err)
	}
	for _, label := range []string{"", "gbk", "GB18030", "big5", "utf-8", "utf-16le", "utf-16be", "shift_jis"} {
		if err := CheckEncoding(label); err != nil {
			t.Errorf("CheckEncoding(%q) = %v", label, err)
		}
	}
}

func TestConfidenceOfTies(t *testing.T) {
	// Two bytes that GB18030 and Big5 both read as common characters (地
	// in GBK) give a low confidence; a long GBK text a high one.
	short, err := decodeText(encode(t, simplifiedchinese.GBK, "地"), "")
	if err != nil {
		t.Fatal(err)
	}
	long, err := decodeText(encode(t, simplifiedchinese.GBK, simplifiedSample), "")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("short %s %.2f, long %s %.2f", short.encoding, short.confidence, long.encoding, long.confidence)
	if short.confidence >= long.confidence || long.confidence < 0.9 {
		t.Errorf("confidence short %.2f, long %.2f", short.confidence, long.confidence)
	}
}
