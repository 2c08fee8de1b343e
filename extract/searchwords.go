package extract

import "zongjie/corpus"

// ExtractWithWords finds the facts of one document, as Extract does, and
// gives its text's search-mode words as Segmenter.SearchTokens does, from
// the segmentation the extraction made: an index of the document need not
// segment it again.
func (e *Extractor) ExtractWithWords(doc corpus.Document) (Record, []Token) {
	w := e.workspace()
	defer e.pool.Put(w)
	rec := e.extractDoc(w, doc)
	a := &w.a
	if !a.valid || len(doc.Text) < searchTrieMin {
		return rec, e.seg.SearchTokens(doc.Text) // as SearchTokens cuts it
	}
	return rec, e.seg.searchTokensOf(doc.Text, a.text, a.words, a.wordPos, &a.wordWork)
}
