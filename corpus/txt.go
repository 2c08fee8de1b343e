package corpus

import "strings"

// readTxt decodes a plain-text file.
func (o Options) readTxt(data []byte) (page, error) {
	d, err := o.decode(data, "")
	if err != nil {
		return page{}, err
	}
	if strings.TrimSpace(d.text) == "" {
		return page{}, ErrEmpty
	}
	return page{text: d.text, encoding: d.encoding, confidence: d.confidence}, nil
}
