package main

import (
	"io/fs"
	"path/filepath"
)

func walkSizes(dir string, fn func(int64)) error {
	return filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			fn(info.Size())
		}
		return nil
	})
}
