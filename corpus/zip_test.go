package corpus

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// zipEntry is a member of a test archive: its name as stored (raw bytes
// for a name in a legacy encoding) and its content.
type zipEntry struct {
	name    string
	body    string
	nonUTF8 bool   // store the name without the UTF-8 flag
	extra   []byte // extra fields
}

// buildZip writes an archive of the entries.
func buildZip(t testing.TB, entries ...zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate, NonUTF8: e.nonUTF8, Extra: e.extra})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, e.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// walkResult is what one file of a walk gave: its Source and its text, or
// "skip: reason".
type walkResult struct{ Source, Got string }

// walkAll walks paths and reads every file it is given.
func walkAll(t *testing.T, dir string, paths ...string) []walkResult {
	t.Helper()
	var got []walkResult
	err := Walk(paths, func(f File, err error) error {
		rel, _ := filepath.Rel(dir, f.Source)
		rel = filepath.ToSlash(rel)
		if err != nil {
			var s Skip
			if !errors.As(err, &s) {
				t.Fatalf("%s: error %v is not a Skip", rel, err)
			}
			if f.Open != nil {
				t.Errorf("%s: refused but Open is set", rel)
			}
			got = append(got, walkResult{rel, "skip: " + s.Reason})
			return nil
		}
		r, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		defer r.Close()
		data, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		if int64(len(data)) != f.Size {
			t.Errorf("%s: read %d bytes, Size %d", rel, len(data), f.Size)
		}
		got = append(got, walkResult{rel, string(data)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func writeFile(t testing.TB, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWalkZip(t *testing.T) {
	gbk := func(s string) string { return string(encode(t, simplifiedchinese.GBK, s)) }
	deeper := buildZip(t, zipEntry{name: "e.txt", body: "第四层"})
	deep := buildZip(t, zipEntry{name: "d.txt", body: "第三层"}, zipEntry{name: "deeper.zip", body: string(deeper)})
	inner := buildZip(t,
		zipEntry{name: "c.txt", body: "第二层：社区开展防诈骗讲座两场。"},
		zipEntry{name: "deep.zip", body: string(deep)},
		zipEntry{name: "broken.zip", body: "PK\x03\x04 not really"},
	)
	// An Info-ZIP Unicode Path field gives the UTF-8 name of a member
	// whose stored name is in a legacy encoding.
	stored := gbk("简报.txt")
	upath := append([]byte{1}, crc32le(stored)...)
	upath = append(upath, "简报.txt"...)
	extra := append([]byte{0x75, 0x70, byte(len(upath)), 0}, upath...)
	outer := buildZip(t,
		zipEntry{name: "总结/b.txt", body: "乙"},
		zipEntry{name: "总结/", body: ""},
		zipEntry{name: gbk("消防宣传活动总结.txt"), body: gbk("消防宣传月活动总结"), nonUTF8: true},
		zipEntry{name: gbk("学习.txt"), body: "学", nonUTF8: true}, // GBK bytes that are valid UTF-8
		zipEntry{name: "通知.txt", body: "通知", nonUTF8: true},     // UTF-8 without the flag
		zipEntry{name: stored, body: "简报", nonUTF8: true, extra: extra},
		zipEntry{name: "总结\\win.txt", body: "反斜杠"},
		zipEntry{name: "a.txt", body: "甲"},
		zipEntry{name: "inner.zip", body: string(inner)},
		zipEntry{name: "__MACOSX/总结/._b.txt", body: "x"},
		zipEntry{name: "总结/._b.txt", body: "x"},
		zipEntry{name: ".DS_Store", body: "x"},
		zipEntry{name: "总结/Thumbs.db", body: "x"},
		zipEntry{name: "Desktop.ini", body: "x"},
		zipEntry{name: "~$总结.docx", body: "x"},
	)
	dir := t.TempDir()
	archive := writeFile(t, filepath.Join(dir, "reports", "2024.ZIP"), outer)
	writeFile(t, filepath.Join(dir, "reports", "broken.zip"), []byte("PK\x03\x04 cut short"))
	writeFile(t, filepath.Join(dir, "reports", "z.txt"), []byte("丙"))

	got := walkAll(t, dir, archive, filepath.Join(dir, "reports"))
	want := []walkResult{
		{"reports/2024.ZIP!a.txt", "甲"},
		{"reports/2024.ZIP!inner.zip!broken.zip", "skip: 文件已损坏（broken zip：zip: not a valid zip file）"},
		{"reports/2024.ZIP!inner.zip!c.txt", "第二层：社区开展防诈骗讲座两场。"},
		{"reports/2024.ZIP!inner.zip!deep.zip!d.txt", "第三层"},
		{"reports/2024.ZIP!inner.zip!deep.zip!deeper.zip", "skip: 疑似压缩炸弹（压缩包嵌套超过 3 层；nested too deep）"},
		{"reports/2024.ZIP!学习.txt", "学"},
		{"reports/2024.ZIP!总结/b.txt", "乙"},
		{"reports/2024.ZIP!总结/win.txt", "反斜杠"},
		{"reports/2024.ZIP!消防宣传活动总结.txt", gbk("消防宣传月活动总结")},
		{"reports/2024.ZIP!简报.txt", "简报"},
		{"reports/2024.ZIP!通知.txt", "通知"},
		{"reports/broken.zip", "skip: 文件已损坏（broken zip：zip: not a valid zip file）"},
		{"reports/z.txt", "丙"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("walk (-want +got):\n%s", diff)
	}
}

// crc32le is the little-endian CRC-32 of s.
func crc32IEEE(s string) uint32 { return crc32.ChecksumIEEE([]byte(s)) }

func crc32le(s string) []byte {
	c := crc32.ChecksumIEEE([]byte(s))
	return []byte{byte(c), byte(c >> 8), byte(c >> 16), byte(c >> 24)}
}

func TestWalkZipReadsDocuments(t *testing.T) {
	// Walk and Read together: a GBK report inside an archive is decoded.
	report := "社区消防安全宣传活动总结\n本月我社区组织居民开展消防演练两次，发放宣传册八百份。"
	dir := t.TempDir()
	archive := writeFile(t, filepath.Join(dir, "a.zip"), buildZip(t,
		zipEntry{name: string(encode(t, simplifiedchinese.GBK, "消防/总结.txt")), body: string(encode(t, simplifiedchinese.GBK, report)), nonUTF8: true}))
	var docs []Document
	var opens []func() (io.ReadCloser, error)
	err := Walk([]string{archive}, func(f File, err error) error {
		if err != nil {
			return err
		}
		opens = append(opens, f.Open)
		r, err := f.Open()
		if err != nil {
			return err
		}
		defer r.Close()
		ds, err := Read(f.Source, r)
		docs = append(docs, ds...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Source != archive+"!消防/总结.txt" || docs[0].Title != "社区消防安全宣传活动总结" || docs[0].Encoding != "gb18030" {
		t.Fatalf("documents %+v", docs)
	}
	// A member opens after the walk, from other goroutines, many times.
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			r, err := opens[0]()
			if err != nil {
				errs <- err
				return
			}
			defer r.Close()
			data, err := io.ReadAll(r)
			if err == nil && string(data) != string(encode(t, simplifiedchinese.GBK, report)) {
				err = errors.New("wrong content")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Errorf("opening a member after the walk: %v", err)
		}
	}
}

// zerosDeflate returns a deflate stream of n MiB of zeros, built from one
// compressed MiB repeated, so that even a huge stream costs little to make.
func zerosDeflate(t testing.TB, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
	zero := make([]byte, 1<<20)
	var marks []int
	for range 2 {
		fw.Write(zero)
		if err := fw.Flush(); err != nil {
			t.Fatal(err)
		}
		marks = append(marks, buf.Len())
	}
	fw.Close()
	b := buf.Bytes()
	first, seg, tail := b[:marks[0]], b[marks[0]:marks[1]], b[marks[1]:]
	out := append([]byte{}, first...)
	for range n - 1 {
		out = append(out, seg...)
	}
	return append(out, tail...)
}

// rawMember is a member written as given: its declared sizes may lie.
type rawMember struct {
	name         string
	data         []byte // compressed bytes
	size         uint64 // declared uncompressed size
	crc          uint32
	method       uint16
	flags        uint16
	packedLiesTo uint64 // when set, the declared compressed size
}

func buildRawZip(t testing.TB, members ...rawMember) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		packed := uint64(len(m.data))
		if m.packedLiesTo != 0 {
			packed = m.packedLiesTo
		}
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: m.name, Method: m.method, Flags: m.flags, CRC32: m.crc,
			CompressedSize64: packed, UncompressedSize64: m.size,
		})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(m.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// zerosCRC is the CRC-32 of n MiB of zeros.
func zerosCRC(n int) uint32 {
	zero := make([]byte, 1<<20)
	var c uint32
	for range n {
		c = crc32.Update(c, crc32.IEEETable, zero)
	}
	return c
}

func TestZerosDeflate(t *testing.T) {
	r := flate.NewReader(bytes.NewReader(zerosDeflate(t, 3)))
	data, err := io.ReadAll(r)
	if err != nil || len(data) != 3<<20 || bytes.Count(data, []byte{0}) != len(data) {
		t.Fatalf("%d bytes, %v", len(data), err)
	}
}

func TestWalkZipBombs(t *testing.T) {
	bomb := zerosDeflate(t, 300)
	ratio := zerosDeflate(t, 10)
	ok := "社区组织开展垃圾分类宣传活动，发放宣传单三百份。"
	var okPacked bytes.Buffer
	fw, _ := flate.NewWriter(&okPacked, flate.DefaultCompression)
	fw.Write([]byte(ok))
	fw.Close()
	var fillers []rawMember
	for i := range 18 {
		// 17 members of 60 MiB declared: the 18th would pass 1 GiB, a
		// small one after it still fits.
		fillers = append(fillers, rawMember{name: "part" + string(rune('a'+i)) + ".txt", data: []byte("x"), size: 60 << 20, method: zip.Store, packedLiesTo: 1 << 20})
	}
	fillers = append(fillers, rawMember{name: "small.txt", data: []byte("x"), size: 1 << 20, method: zip.Store, packedLiesTo: 1 << 20})
	archive := buildRawZip(t, append([]rawMember{
		{name: "a-zeros.txt", data: bomb, size: 300 << 20, crc: zerosCRC(300), method: zip.Deflate},
		{name: "b-ratio.txt", data: ratio, size: 10 << 20, crc: zerosCRC(10), method: zip.Deflate},
		{name: "c-claims.txt", data: []byte("x"), size: 1 << 40, method: zip.Deflate},
		{name: "d-ok.txt", data: okPacked.Bytes(), size: uint64(len(ok)), crc: crc32.ChecksumIEEE([]byte(ok)), method: zip.Deflate},
		{name: "e-secret.txt", data: []byte("x"), size: 1, method: zip.Deflate, flags: 0x1},
		{name: "f-lzma.txt", data: []byte("x"), size: 1, method: 14},
	}, fillers...)...)
	t.Logf("bomb archive: %d bytes", len(archive))
	dir := t.TempDir()
	path := writeFile(t, filepath.Join(dir, "bomb.zip"), archive)
	var got []string
	err := Walk([]string{path}, func(f File, err error) error {
		name := strings.TrimPrefix(f.Source, path+"!")
		var s Skip
		switch {
		case errors.As(err, &s):
			got = append(got, name+": "+s.Reason)
		case err != nil:
			t.Fatal(err)
		case name == "d-ok.txt":
			r, _ := f.Open()
			data, err := io.ReadAll(r)
			r.Close()
			if err != nil || string(data) != ok {
				t.Errorf("d-ok.txt: %q, %v", data, err)
			}
			got = append(got, name)
		default:
			got = append(got, name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a-zeros.txt: 文件过大（解压后 300 MiB，上限 64 MiB；too large）",
		"b-ratio.txt: 疑似压缩炸弹（压缩比 808:1，上限 200:1；zip bomb）",
		"c-claims.txt: 文件过大（解压后 1024 GiB，上限 64 MiB；too large）",
		"d-ok.txt",
		"e-secret.txt: 加密文件（encrypted）",
		"f-lzma.txt: 不支持的文件格式（压缩方法 14；unsupported compression method）",
	}
	for i := range 18 {
		name := "part" + string(rune('a'+i)) + ".txt"
		if i == 17 {
			name += ": 文件过大（压缩包解压总量超过 1 GiB；archive too large）"
		}
		want = append(want, name)
	}
	want = append(want, "small.txt")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestZipMemberReader(t *testing.T) {
	// A member read through File.Open stops with an error when it
	// inflates past its declared size (1 MiB declared, 300 MiB of zeros
	// inside), falls short of it, or has the wrong checksum.
	ok := "社区开展消防演练。"
	var packed bytes.Buffer
	fw, _ := flate.NewWriter(&packed, flate.DefaultCompression)
	fw.Write([]byte(ok))
	fw.Close()
	archive := buildRawZip(t,
		rawMember{name: "a-liar.txt", data: zerosDeflate(t, 300), size: 1 << 20, method: zip.Deflate},
		rawMember{name: "b-short.txt", data: packed.Bytes(), size: 100, crc: crc32IEEE(ok), method: zip.Deflate},
		rawMember{name: "c-crc.txt", data: packed.Bytes(), size: uint64(len(ok)), crc: 12345, method: zip.Deflate},
		rawMember{name: "d-ok.txt", data: packed.Bytes(), size: uint64(len(ok)), crc: crc32IEEE(ok), method: zip.Deflate},
		rawMember{name: "e-stored.txt", data: []byte(ok), size: uint64(len(ok)), crc: crc32IEEE(ok), method: zip.Store},
	)
	want := map[string]error{"a-liar.txt": zip.ErrFormat, "b-short.txt": io.ErrUnexpectedEOF, "c-crc.txt": zip.ErrChecksum, "d-ok.txt": nil, "e-stored.txt": nil}
	w := &walker{fn: func(f File, err error) error {
		if err != nil {
			return err
		}
		r, err := f.Open()
		if err != nil {
			return err
		}
		defer r.Close()
		name := strings.TrimPrefix(f.Source, "t.zip!")
		n, err := io.Copy(io.Discard, r)
		if !errors.Is(err, want[name]) || n > f.Size {
			t.Errorf("%s: read %d of %d bytes, err %v, want %v", name, n, f.Size, err, want[name])
		}
		return nil
	}}
	if err := w.walkArchive("t.zip", memoryBytes(archive), int64(len(archive)), 1, &budget{left: maxArchiveTotal}); err != nil {
		t.Fatal(err)
	}
}
