package corpus

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"path"
	"slices"
	"strings"
	"unicode/utf8"
)

// Archives are read with archive/zip. The sizes a ZIP file declares are
// checked before anything is decompressed, so that a zip bomb is refused,
// never expanded; archive/zip itself fails a member that inflates to more
// than its declared size.
const (
	// maxMemberSize is the largest member (uncompressed) read from an
	// archive, and the largest part of a docx.
	maxMemberSize = 64 << 20
	// maxArchiveTotal is the most that the members of one archive on
	// disk, the archives inside it included, may declare in all.
	maxArchiveTotal = 1 << 30
	// maxRatio is the highest compression ratio accepted for a member
	// larger than ratioFloor; text compresses 3–10:1, and a member of
	// ratioFloor or less is harmless whatever its ratio.
	maxRatio   = 200
	ratioFloor = 1 << 20
	// maxDepth is how deep archives may nest: a.zip!b.zip!c.zip is read,
	// a zip inside c.zip is refused.
	maxDepth = 3
)

// Errors of archives, for the reasons of Skips.
var (
	// ErrTooLarge is a file or archive over the size limits.
	ErrTooLarge = errors.New("文件过大")
	// ErrZipBomb is an archive built to expand far beyond its size: a
	// member compressed over 200:1, or archives nested too deep.
	ErrZipBomb = errors.New("疑似压缩炸弹")
)

// isArchive reports whether a file is walked as a ZIP archive.
func isArchive(name string) bool {
	return strings.EqualFold(path.Ext(strings.ReplaceAll(name, "\\", "/")), ".zip")
}

// zipFile walks an archive on disk.
func (w *walker) zipFile(name string, size int64) error {
	return w.walkArchive(name, diskBytes(name), size, 1, &budget{left: maxArchiveTotal})
}

// archiveBytes opens the bytes of an archive for reading at offsets:
// the file on disk, or an archive inside another, held in memory. Each
// member's File.Open calls it, so that a member can be opened at any
// time, from any goroutine.
type archiveBytes func() (io.ReaderAt, io.Closer, error)

// diskBytes opens an archive on disk.
func diskBytes(name string) archiveBytes {
	return func() (io.ReaderAt, io.Closer, error) {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, err
		}
		return f, f, nil
	}
}

// memoryBytes reads an archive held in memory.
func memoryBytes(data []byte) archiveBytes {
	return func() (io.ReaderAt, io.Closer, error) { return bytes.NewReader(data), nopCloser{}, nil }
}

type nopCloser struct{}

func (nopCloser) Close() error { return nil }

// budget is what the members of an archive may still declare in all.
type budget struct{ left uint64 }

// take reserves n bytes, reporting false when they are not left.
func (b *budget) take(n uint64) bool {
	if n > b.left {
		return false
	}
	b.left -= n
	return true
}

// walkArchive visits the members of the ZIP archive source, at nesting
// depth (1 for an archive on disk), in lexical order of their paths taken
// folder by folder, as for folders on disk. Folders, and hidden and system
// members as for folders on disk (__MACOSX/, ._*, .DS_Store, Thumbs.db,
// desktop.ini), are skipped. Member names are decoded to UTF-8: a name
// flagged as UTF-8 is kept, an Info-ZIP Unicode path field is used when
// present, and other names are read as UTF-8, GB18030 (the GBK of Chinese
// Windows) or Big5, whichever decodes best (see decodeScore).
//
// A member is refused, reported to fn with a Skip and the rest of the
// archive read, when it declares more than 64 MiB, a compression ratio
// over 200:1 (above 1 MiB), more than the archive's 1 GiB in all, a
// nesting deeper than 3, encryption or an unknown compression method.
// An archive that cannot be read is reported the same way.
func (w *walker) walkArchive(source string, open archiveBytes, size int64, depth int, b *budget) error {
	r, closer, err := open()
	if err != nil {
		return w.fail(source, err)
	}
	defer closer.Close()
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return w.fail(source, skip(source, brokenError("zip", err)))
	}
	for _, m := range members(zr) {
		if err := w.member(source, open, m, depth, b); err != nil {
			return err
		}
	}
	return nil
}

// member is a file of an archive under its decoded, cleaned path.
type member struct {
	name string
	f    *zip.File
}

// members lists the files of an archive to visit, in order.
func members(zr *zip.Reader) []member {
	var ms []member
	for _, f := range zr.File {
		name := cleanMemberName(memberName(f))
		if name == "" || strings.HasSuffix(f.Name, "/") || f.Mode().IsDir() || hiddenPath(name) {
			continue
		}
		ms = append(ms, member{name, f})
	}
	slices.SortStableFunc(ms, func(a, b member) int {
		return slices.Compare(strings.Split(a.name, "/"), strings.Split(b.name, "/"))
	})
	return ms
}

// hiddenPath reports whether any folder or the file of a member's path
// is hidden (see hiddenName).
func hiddenPath(name string) bool {
	return slices.ContainsFunc(strings.Split(name, "/"), hiddenName)
}

// member visits one member of an archive: a nested archive is walked,
// any other file passed to fn.
func (w *walker) member(source string, open archiveBytes, m member, depth int, b *budget) error {
	src := source + "!" + m.name
	size := m.f.UncompressedSize64
	file := File{Source: src, Size: int64(min(size, 1<<63-1)), ModTime: m.f.Modified}
	if err := checkMember(m.f); err != nil {
		return w.call(file, skip(src, err))
	}
	if !b.take(size) {
		return w.call(file, skip(src, fmt.Errorf("%w（压缩包解压总量超过 %s；archive too large）", ErrTooLarge, mib(maxArchiveTotal))))
	}
	data, err := newMemberData(open, m.f)
	if err != nil {
		return w.call(file, skip(src, brokenError("zip", err)))
	}
	if !isArchive(m.name) {
		file.Open = data.open
		return w.call(file, nil)
	}
	if depth >= maxDepth {
		return w.call(file, skip(src, fmt.Errorf("%w（压缩包嵌套超过 %d 层；nested too deep）", ErrZipBomb, maxDepth)))
	}
	inner, err := data.readAll()
	if err != nil {
		return w.call(file, skip(src, brokenError("zip", err)))
	}
	return w.walkArchive(src, memoryBytes(inner), int64(len(inner)), depth+1, b)
}

// checkMember checks what a member declares before it is decompressed:
// its size, its compression ratio, encryption and the method.
func checkMember(f *zip.File) error {
	size, packed := f.UncompressedSize64, f.CompressedSize64
	switch {
	case f.Flags&0x1 != 0 || f.Method == 99: // 99: WinZip AES
		return ErrEncrypted
	case f.Method != zip.Store && f.Method != zip.Deflate:
		return fmt.Errorf("%w（压缩方法 %d；unsupported compression method）", ErrFormat, f.Method)
	case size > maxMemberSize:
		return fmt.Errorf("%w（解压后 %s，上限 %s；too large）", ErrTooLarge, mib(size), mib(maxMemberSize))
	case size > ratioFloor && size > maxRatio*packed:
		return fmt.Errorf("%w（压缩比 %d:1，上限 %d:1；zip bomb）", ErrZipBomb, size/max(packed, 1), maxRatio)
	}
	return nil
}

// memberData is where a member's data lies in its archive and what it
// declares: enough to read it without the archive's directory.
type memberData struct {
	archive      archiveBytes
	offset       int64
	method       uint16
	packed, size uint64
	crc          uint32
}

// newMemberData locates a member that checkMember accepted.
func newMemberData(open archiveBytes, f *zip.File) (memberData, error) {
	off, err := f.DataOffset()
	if err != nil {
		return memberData{}, err
	}
	return memberData{open, off, f.Method, f.CompressedSize64, f.UncompressedSize64, f.CRC32}, nil
}

// open opens the member for reading, decompressing it; like
// archive/zip's, the reader fails past the declared size and at the end
// when the checksum differs.
func (m memberData) open() (io.ReadCloser, error) {
	ra, closer, err := m.archive()
	if err != nil {
		return nil, err
	}
	mr := &memberReader{left: m.size, crc: m.crc, hash: crc32.NewIEEE(), closers: []io.Closer{closer}}
	mr.r = io.NewSectionReader(ra, m.offset, int64(min(m.packed, 1<<62)))
	if m.method == zip.Deflate {
		fr := flate.NewReader(mr.r)
		mr.r, mr.closers = fr, append(mr.closers, fr)
	}
	return mr, nil
}

// readAll decompresses the whole member.
func (m memberData) readAll() ([]byte, error) {
	rc, err := m.open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, maxMemberSize+1))
}

// memberReader reads a member's decompressed data, checking its size and
// checksum.
type memberReader struct {
	r       io.Reader
	left    uint64 // bytes still declared
	crc     uint32 // declared checksum, or 0
	hash    hash.Hash32
	closers []io.Closer
}

func (r *memberReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if uint64(n) > r.left {
		return 0, zip.ErrFormat
	}
	r.left -= uint64(n)
	r.hash.Write(p[:n])
	if err == io.EOF {
		switch {
		case r.left > 0:
			err = io.ErrUnexpectedEOF
		case r.crc != 0 && r.hash.Sum32() != r.crc:
			err = zip.ErrChecksum
		}
	}
	return n, err
}

// Close closes the decompressor and the archive.
func (r *memberReader) Close() error {
	var err error
	for i := len(r.closers) - 1; i >= 0; i-- {
		if e := r.closers[i].Close(); err == nil {
			err = e
		}
	}
	return err
}

// mib formats a size in MiB, or GiB from 1 GiB.
func mib(n uint64) string {
	if n >= 1<<30 && n%(1<<30) == 0 {
		return fmt.Sprintf("%d GiB", n>>30)
	}
	return fmt.Sprintf("%d MiB", (n+(1<<20)-1)>>20)
}

// memberName decodes a member's name to UTF-8.
func memberName(f *zip.File) string {
	if !f.NonUTF8 && utf8.ValidString(f.Name) && f.Flags&0x800 != 0 {
		return f.Name
	}
	if u, ok := unicodePath(f); ok {
		return u
	}
	return decodeName(f.Name)
}

// decodeName reads a name in an unknown encoding: ASCII as it is, else
// the best decoding among UTF-8 (when valid), GB18030 and Big5.
func decodeName(name string) string {
	ascii := true
	for i := 0; i < len(name); i++ {
		ascii = ascii && name[i] < 0x80
	}
	if ascii {
		return name
	}
	best, bestScore := name, -10.0
	for _, c := range candidates {
		if c.name == "utf-8" && !utf8.ValidString(name) {
			continue
		}
		s := c.decode([]byte(name))
		if sc := decodeScore(s); sc > bestScore {
			best, bestScore = s, sc
		}
	}
	return strings.ToValidUTF8(best, "\uFFFD")
}

// unicodePath returns the name in an Info-ZIP Unicode Path extra field
// (0x7075) that belongs to the member's current name.
func unicodePath(f *zip.File) (string, bool) {
	extra := f.Extra
	for len(extra) >= 4 {
		tag := binary.LittleEndian.Uint16(extra)
		n := int(binary.LittleEndian.Uint16(extra[2:]))
		if len(extra) < 4+n {
			break
		}
		field := extra[4 : 4+n]
		extra = extra[4+n:]
		if tag != 0x7075 || n < 5 || field[0] != 1 {
			continue
		}
		if binary.LittleEndian.Uint32(field[1:]) != crc32.ChecksumIEEE([]byte(f.Name)) {
			continue
		}
		if u := string(field[5:]); utf8.ValidString(u) && u != "" {
			return u, true
		}
	}
	return "", false
}

// cleanMemberName makes a member's name a clean relative slash path:
// backslashes as separators, no leading "/" or "..".
func cleanMemberName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	if strings.HasSuffix(name, "/") {
		return ""
	}
	name = path.Clean("/" + name)
	return strings.TrimPrefix(name, "/")
}
