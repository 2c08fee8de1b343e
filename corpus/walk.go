package corpus

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Walk visits the files under the given paths (files or folders, folders
// recursively) and calls fn for each regular file, in the order of paths
// and, inside a folder, in lexical order, so a walk is repeatable. Hidden
// and system files met inside folders are skipped: names starting with "."
// (which covers macOS "._*" files), "~$" (Office lock files), Thumbs.db,
// desktop.ini and __MACOSX folders; a path given explicitly is always
// visited. Symbolic links to files are followed, links to folders are not.
// A file reached twice is visited once.
//
// A path that cannot be read (missing, unreadable) is reported to fn as
// (path, err) and the walk goes on. When fn returns an error the walk
// stops and Walk returns it, except fs.SkipAll, which stops the walk
// without an error.
func Walk(paths []string, fn func(path string, err error) error) error {
	seen := map[string]bool{}
	stopped := false // fn returned fs.SkipAll
	visit := func(path string, err error) error {
		if err == nil {
			key := filepath.Clean(path)
			if seen[key] {
				return nil
			}
			seen[key] = true
		}
		e := fn(path, err)
		if errors.Is(e, fs.SkipAll) {
			stopped = true
		}
		return e
	}
	for _, root := range paths {
		err := walkRoot(root, visit)
		if stopped {
			return nil
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// walkRoot walks one path given to Walk.
func walkRoot(root string, fn func(path string, err error) error) error {
	info, err := os.Stat(root)
	if err != nil {
		return fn(root, err)
	}
	if !info.IsDir() {
		if !info.Mode().IsRegular() {
			return nil
		}
		return fn(root, nil)
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
			if e := fn(path, err); e != nil {
				return e
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
			return nil
		case d.Type().IsRegular():
			return fn(path, nil)
		case d.Type()&fs.ModeSymlink != 0:
			if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
				return fn(path, nil)
			}
		}
		return nil
	})
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
