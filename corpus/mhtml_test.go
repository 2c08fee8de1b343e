package corpus

import (
	"bytes"
	"encoding/base64"
	"errors"
	"mime/quotedprintable"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const mhtmlPageHTML = `<!DOCTYPE html><html><head><title>图书馆开展“世界读书日”主题活动_文化资讯</title></head>
<body><nav>首页 &gt; 文化资讯</nav><div class="article-content"><h1>图书馆开展“世界读书日”主题活动</h1>
<p>4月23日，市图书馆在一楼大厅举办了“书香满城”主题阅读活动，吸引了三百余名读者参加。</p>
<p>活动现场设置了好书推荐、亲子共读和旧书交换三个区域，共交换图书一千二百册。</p></div>
<div class="footer">版权所有 某市文化广电旅游局</div></body></html>`

var mhtmlWant = []string{
	"图书馆开展“世界读书日”主题活动",
	"4月23日,市图书馆在一楼大厅举办了“书香满城”主题阅读活动,吸引了三百余名读者参加。",
	"活动现场设置了好书推荐、亲子共读和旧书交换三个区域,共交换图书一千二百册。",
}

// qp encodes s as quoted-printable, with soft line breaks.
func qp(s []byte) string {
	var b strings.Builder
	w := quotedprintable.NewWriter(&b)
	w.Write(s)
	w.Close()
	return b.String()
}

// b64 encodes s as base64 in lines of 76 characters.
func b64(s []byte) string {
	enc := base64.StdEncoding.EncodeToString(s)
	var b strings.Builder
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	return b.String() + enc
}

func TestReadMHTML(t *testing.T) {
	gbkPage := encode(t, simplifiedchinese.GBK, mhtmlPageHTML)
	image := "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://example.org/a.png\r\n\r\n" + b64([]byte("\x89PNG\r\n\x1a\n")) + "\r\n"
	tests := []struct {
		name, file, data string
		enc              string
	}{
		{
			name: "blink, quoted-printable utf-8", file: "读书日.mhtml", enc: "utf-8",
			data: "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/news/1.html\r\nSubject: =?utf-8?Q?x?=\r\nMIME-Version: 1.0\r\n" +
				"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n\r\n" +
				"------MultipartBoundary--abc----\r\n" + image +
				"------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://example.org/news/1.html\r\n\r\n" +
				qp([]byte(mhtmlPageHTML)) + "\r\n------MultipartBoundary--abc------\r\n",
		},
		{
			name: "word, base64 gb2312 part, start parameter", file: "读书日.mht", enc: "gb18030",
			data: "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"=_NextPart_01\"; start=\"<page@x>\"\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n" +
				"--=_NextPart_01\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-ID: <other@x>\r\n\r\n<p>不是这一页</p>\r\n" +
				"--=_NextPart_01\r\nContent-Type: text/html; charset=\"gb2312\"\r\nContent-ID: <page@x>\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
				b64(gbkPage) + "\r\n--=_NextPart_01--\r\n",
		},
		{
			name: "single part, saved as .doc", file: "读书日.doc", enc: "gb18030",
			data: "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/html; charset=gbk\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
				qp(gbkPage) + "\r\n--b1--\r\n",
		},
		{
			name: "not multipart", file: "读书日.mht", enc: "utf-8",
			data: "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64([]byte(mhtmlPageHTML)),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Read(tt.file, strings.NewReader(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			if d.Format != "mhtml" || d.Encoding != tt.enc || d.Title != mhtmlWant[0] {
				t.Errorf("format %q, encoding %q, title %q", d.Format, d.Encoding, d.Title)
			}
			if diff := cmp.Diff(mhtmlWant, strings.Split(d.Text, "\n")); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
			part, charset, err := mhtmlPage([]byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			src, err := decodeText(part, charset)
			if err != nil {
				t.Fatal(err)
			}
			checkHTMLOrigin(t, src.text, docs)
		})
	}
}

func TestReadMHTMLErrors(t *testing.T) {
	tests := []struct {
		name, data string
		err        error
	}{
		{"no header", "<html>甲</html>", ErrBroken},
		{"no html part", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n", ErrNoText},
		{"bad base64", "MIME-Version: 1.0\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!", ErrBroken},
		{"image only", "MIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\nxx", ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("x.mht", bytes.NewReader([]byte(tt.data)))
			if !errors.Is(err, tt.err) || !errors.As(err, new(Skip)) {
				t.Errorf("err = %v, want %v", err, tt.err)
			}
		})
	}
}
