package web

import (
	"context"
	"errors"
	"net/http"

	"zongjie/index"
)

// maxIDLen bounds a document id in a URL; ids are short hashes.
const maxIDLen = 64

// repeatError says a document id names a report that was not indexed
// because it repeats another: the client is sent to that one.
type repeatError struct{ of string }

func (e *repeatError) Error() string { return "这篇文档与另一篇重复：" + e.of }

// getDoc returns the stored document with this id. Documents are reached
// by id only: nothing from the client is used as a path.
func getDoc(ctx context.Context, ix *index.Index, id string) (index.Stored, error) {
	if !validID(id) {
		return index.Stored{}, errorf(http.StatusNotFound, "没有这篇文档：%s", id)
	}
	d, ok, err := ix.Get(ctx, id)
	if err != nil {
		return d, err
	}
	if ok {
		return d, nil
	}
	l, repeat, err := ix.LinkOf(id)
	if err != nil {
		return d, err
	}
	if repeat && validID(l.Of) && l.Of != id {
		return d, &repeatError{of: l.Of}
	}
	return d, errorf(http.StatusNotFound, "没有这篇文档：%s", id)
}

// validID reports whether id looks like a document id.
func validID(id string) bool {
	if id == "" || len(id) > maxIDLen {
		return false
	}
	for _, c := range id {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// redirectRepeat sends the client from a repeated document to the one it
// repeats (prefix is the route, /doc/ or /api/docs/); other errors are
// returned as they are.
func redirectRepeat(w http.ResponseWriter, r *http.Request, err error, prefix string) error {
	var re *repeatError
	if errors.As(err, &re) {
		http.Redirect(w, r, prefix+re.of, http.StatusFound)
		return nil
	}
	return err
}
