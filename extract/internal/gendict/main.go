// Command gendict writes the segmentation dictionary that zongjie embeds:
// the most frequent words of gse's Simplified Chinese dictionary (a subset
// loads in a tenth of the time of the whole and segments reports the same
// for our purposes), gzip-compressed, with a header naming its source.
//
// Run it with go generate ./extract (see segment.go).
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

const module = "github.com/go-ego/gse"

func main() {
	size := flag.Int("words", 60000, "number of words to keep, by frequency")
	out := flag.String("o", "dict/zh_s.txt.gz", "output file")
	flag.Parse()
	dir, version, err := moduleDir()
	if err != nil {
		log.Fatal(err)
	}
	src := filepath.Join(dir, "data", "dict", "zh", "s_1.txt")
	words, err := readDict(src)
	if err != nil {
		log.Fatal(err)
	}
	sort.SliceStable(words, func(i, j int) bool { return words[i].freq > words[j].freq })
	if len(words) > *size {
		words = words[:*size]
	}
	sort.SliceStable(words, func(i, j int) bool { return words[i].line < words[j].line })
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# The %d most frequent words of %s@%s data/dict/zh/s_1.txt (Apache-2.0/MIT),\n", len(words), module, version)
	fmt.Fprintf(&buf, "# written by extract/internal/gendict; regenerate with: go generate ./extract\n")
	for _, w := range words {
		buf.WriteString(w.line)
		buf.WriteByte('\n')
	}
	if err := writeGzip(*out, buf.Bytes()); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d words from %s@%s", *out, len(words), module, version)
}

type word struct {
	line string
	freq float64
}

func moduleDir() (dir, version string, err error) {
	b, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}} {{.Version}}", module).Output()
	if err != nil {
		return "", "", fmt.Errorf("go list -m %s: %w", module, err)
	}
	f := strings.Fields(string(b))
	if len(f) != 2 {
		return "", "", fmt.Errorf("go list -m %s: unexpected output %q", module, b)
	}
	return f[0], f[1], nil
}

func readDict(path string) ([]word, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var words []word
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 3 {
			continue
		}
		freq, err := strconv.ParseFloat(fields[1], 64)
		if err != nil {
			return nil, fmt.Errorf("%s: bad frequency in %q", path, sc.Text())
		}
		words = append(words, word{strings.Join(fields, " "), freq})
	}
	return words, sc.Err()
}

func writeGzip(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	if _, err := zw.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
