package rules

import (
	"embed"
	"io/fs"
)

//go:embed *.rules *.dict *.test *.tsv *.md
var builtin embed.FS

// Builtin returns the built-in rule files embedded in the binary.
func Builtin() fs.FS { return builtin }

// LoadBuiltin loads the built-in rules alone.
func LoadBuiltin() (*Set, error) { return Load(Builtin()) }
