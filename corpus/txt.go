package corpus

import "strings"

// readTxt decodes a plain-text file.
func readTxt(data []byte) (page, error) {
	text, enc, err := decodeText(data, "")
	if err != nil {
		return page{}, err
	}
	if strings.TrimSpace(text) == "" {
		return page{}, ErrEmpty
	}
	return page{text: text, encoding: enc}, nil
}
