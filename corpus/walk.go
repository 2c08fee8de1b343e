package corpus

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// File is one input: a file on disk or a member of an archive.
type File struct {
	// Source is the file's path, or for a member of an archive the
	// archive's Source, "!" and the member's path inside it:
	// archive.zip!inner/path.txt, and nested a.zip!b.zip!c.txt.
	Source  string
	Size    int64 // bytes (uncompressed for archive members)
	ModTime time.Time
	// Open opens the content for reading (decompressed, for an archive
	// member). It may be called at any time, from any goroutine and more
	// than once: a member of an archive on disk opens the archive anew.
	// Open is nil when fn receives an error.
	Open func() (io.ReadCloser, error)
}

// Walk visits the files under the given paths (files or folders, folders
// recursively) and calls fn for each regular file, in the order of paths
// and, inside a folder, in lexical order, so a walk is repeatable. Hidden
// and system files met inside folders are skipped: names starting with "."
// (which covers macOS "._*" files and .DS_Store), "~$" (Office lock
// files), Thumbs.db, desktop.ini and __MACOSX folders; a path given
// explicitly is always visited. Symbolic links to files are followed,
// links to folders are not. A file reached twice is visited once.
//
// A .zip file is not passed to fn: its members are, in the same order
// and with the same hidden and system files skipped, and so are the
// members of the .zip files inside it, up to three archives deep. Member
// names in GBK (Chinese Windows sets no UTF-8 flag) are decoded. What a
// member declares is checked before it is decompressed, so that a zip
// bomb is refused, never expanded: a member over 64 MiB uncompressed, a
// compression ratio over 200:1, more than 1 GiB for the whole archive
// and the archives inside it, nesting deeper than three archives, and
// encrypted members are refused.
//
// A path that cannot be read (missing, unreadable) is reported to fn as
// (File{Source: path}, err) and the walk goes on; so are an archive that
// cannot be read and a member refused by the limits, with a Skip as err.
// When fn returns an error the walk stops and Walk returns it, except
// fs.SkipAll, which stops the walk without an error.
func Walk(paths []string, fn func(f File, err error) error) error {
	w := &walker{fn: fn, seen: map[string]bool{}}
	for _, root := range paths {
		err := w.root(root)
		if w.stopped {
			return nil
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// walker is the state of one Walk.
type walker struct {
	fn      func(File, error) error
	seen    map[string]bool // cleaned paths of the files visited
	stopped bool            // fn returned fs.SkipAll
}

// call passes a file to fn and notes a request to stop.
func (w *walker) call(f File, err error) error {
	e := w.fn(f, err)
	if errors.Is(e, fs.SkipAll) {
		w.stopped = true
	}
	return e
}

// fail reports a file that cannot be used.
func (w *walker) fail(source string, err error) error {
	return w.call(File{Source: source}, err)
}

// root walks one path given to Walk.
func (w *walker) root(root string) error {
	info, err := os.Stat(root)
	if err != nil {
		return w.fail(root, err)
	}
	if !info.IsDir() {
		if !info.Mode().IsRegular() {
			return nil
		}
		return w.file(root, info)
	}
	if l, err := os.Lstat(root); err == nil && l.Mode()&fs.ModeSymlink != 0 {
		// A link to a folder given explicitly is followed: WalkDir
		// resolves a root that ends in a separator.
		root += string(filepath.Separator)
	}
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if path != root && d != nil && hiddenName(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if err != nil {
			if e := w.fail(path, err); e != nil {
				return e
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		return w.entry(path, d)
	})
}

// entry visits one entry of a folder: a regular file or a link to one.
func (w *walker) entry(path string, d fs.DirEntry) error {
	switch {
	case d.Type().IsRegular():
		info, err := d.Info()
		if err != nil {
			return w.fail(path, err)
		}
		return w.file(path, info)
	case d.Type()&fs.ModeSymlink != 0:
		if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
			return w.file(path, info)
		}
	}
	return nil
}

// file visits one regular file on disk: an archive is walked, any other
// file is passed to fn.
func (w *walker) file(path string, info fs.FileInfo) error {
	key := filepath.Clean(path)
	if w.seen[key] {
		return nil
	}
	w.seen[key] = true
	if isArchive(path) {
		return w.zipFile(path, info.Size())
	}
	return w.call(File{
		Source:  path,
		Size:    info.Size(),
		ModTime: info.ModTime(),
		Open:    func() (io.ReadCloser, error) { return os.Open(path) },
	}, nil)
}

// hiddenName reports whether a file or folder name is hidden or belongs
// to the operating system rather than to the archive.
func hiddenName(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
		return true
	}
	switch strings.ToLower(name) {
	case "thumbs.db", "desktop.ini", "__macosx", "$recycle.bin", "system volume information":
		return true
	}
	return false
}
