package corpus

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
)

// A saved web archive (.mht, .mhtml; RFC 2557) is a MIME message: a
// multipart/related body whose parts are the page and its images and
// styles, each with its own Content-Type and Content-Transfer-Encoding
// (quoted-printable or base64 for the page). The root part is the one
// named by the start parameter, else the first; the page read is the root
// when it is HTML, else the first HTML part. A message of a single HTML
// part is read too.

// readMHTML reads the page of a web archive as html. The charset of the
// page's part is the declared charset (see readHTML); the decoded text
// that Document.Origin points into is the page part's.
func (o Options) readMHTML(data []byte) (page, error) {
	html, charset, err := mhtmlPage(data)
	if err != nil {
		return page{}, err
	}
	return o.readHTML(html, charset)
}

// mhtmlPage returns the decoded HTML part of a web archive and its
// declared charset.
func mhtmlPage(data []byte) ([]byte, string, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return nil, "", brokenError("mhtml", err)
	}
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return nil, "", brokenError("mhtml", err)
	}
	if !strings.HasPrefix(mediaType, "multipart/") {
		if mediaType != "text/html" {
			return nil, "", ErrNoText
		}
		body, err := decodeTransfer(msg.Body, msg.Header.Get("Content-Transfer-Encoding"))
		return body, params["charset"], err
	}
	return htmlPart(multipart.NewReader(msg.Body, params["boundary"]), params["start"])
}

// htmlPart finds the page among the parts of a multipart body: the part
// whose Content-ID is start, when it is HTML, else the first HTML part.
func htmlPart(mr *multipart.Reader, start string) ([]byte, string, error) {
	var first []byte
	firstCharset := ""
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			if first != nil {
				break
			}
			return nil, "", brokenError("mhtml", err)
		}
		mediaType, params, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if mediaType != "text/html" {
			continue
		}
		isStart := start != "" && strings.Trim(p.Header.Get("Content-ID"), "<>") == strings.Trim(start, "<>")
		if first != nil && !isStart {
			continue
		}
		body, err := decodeTransfer(p, p.Header.Get("Content-Transfer-Encoding"))
		if err != nil {
			return nil, "", err
		}
		if isStart || start == "" {
			return body, params["charset"], nil
		}
		first, firstCharset = body, params["charset"]
	}
	if first == nil {
		return nil, "", ErrNoText
	}
	return first, firstCharset, nil
}

// decodeTransfer decodes a part's body by its Content-Transfer-Encoding.
func decodeTransfer(r io.Reader, cte string) ([]byte, error) {
	var body []byte
	var err error
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "quoted-printable":
		body, err = io.ReadAll(quotedprintable.NewReader(r))
	case "base64":
		body, err = decodeBase64(r)
	default: // 7bit, 8bit, binary
		body, err = io.ReadAll(r)
	}
	if err != nil {
		return nil, brokenError("mhtml", fmt.Errorf("%s: %w", cte, err))
	}
	return body, nil
}

// decodeBase64 decodes base64 split into lines, with or without padding.
func decodeBase64(r io.Reader) ([]byte, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	clean := bytes.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
			return -1
		}
		return r
	}, raw)
	return base64.RawStdEncoding.DecodeString(strings.TrimRight(string(clean), "="))
}

// looksLikeMIME reports whether data starts like a MIME web archive:
// Word saves one under .doc as "single file web page".
func looksLikeMIME(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 2048)])
	return bytes.Contains(head, []byte("mime-version:")) && bytes.Contains(head, []byte("multipart/related"))
}
