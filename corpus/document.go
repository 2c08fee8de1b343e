// Package corpus reads report archives into documents: it decodes files,
// extracts the article text of web pages, normalises width and scraping
// noise, drops site boilerplate and splits compilation pages into their
// separate summaries.
package corpus

// Document is one report: a whole file, or one summary of a compilation.
type Document struct {
	ID       string // hash of the normalised text
	Source   string // file path, or archive.zip!inner/path for archive members
	Format   string // txt, html, docx
	Encoding string // the encoding the file was decoded from
	Title    string
	Text     string // normalised text; fact spans are rune offsets into it
	// Origin maps each rune of Text to the byte offset in the original
	// (decoded) file text where it came from; len(Origin) == rune count of Text.
	Origin []int
}

// Skip records a file that could not be used, and why.
type Skip struct {
	Source string
	Reason string
}

func (s Skip) Error() string { return s.Source + ": " + s.Reason }
