package web

import (
	"context"
	"sync"
	"time"

	"zongjie/index"
)

// store holds the index open while requests use it and closes it after a
// while without them, so that `zongjie import` in another process can take
// the index between two searches (while an import holds it, requests get
// 503). It also caps the requests that use the index at once.
type store struct {
	path  string
	idle  time.Duration
	wait  time.Duration
	slots chan struct{}

	mu    sync.Mutex
	ix    *index.Index
	users int
	timer *time.Timer
	gen   int // bumped at every release, so a stale timer does nothing
}

func newStore(path string, idle time.Duration, workers int, wait time.Duration) *store {
	return &store{path: path, idle: idle, wait: wait, slots: make(chan struct{}, workers)}
}

// acquire returns the open index and the function that gives it back.
func (s *store) acquire(ctx context.Context) (*index.Index, func(), error) {
	t := time.NewTimer(s.wait)
	defer t.Stop()
	select {
	case s.slots <- struct{}{}:
	case <-t.C:
		return nil, nil, errBusy
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
	ix, err := s.open()
	if err != nil {
		<-s.slots
		return nil, nil, err
	}
	var once sync.Once
	return ix, func() { once.Do(s.release) }, nil
}

func (s *store) open() (*index.Index, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ix == nil {
		ix, err := index.Open(s.path, false)
		if err != nil {
			return nil, err
		}
		s.ix = ix
	}
	s.users++
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	return s.ix, nil
}

func (s *store) release() {
	s.mu.Lock()
	s.users--
	s.gen++
	if s.users == 0 {
		gen := s.gen
		s.timer = time.AfterFunc(s.idle, func() { s.closeIdle(gen) })
	}
	s.mu.Unlock()
	<-s.slots
}

// closeIdle closes the index if nothing used it since release number gen.
func (s *store) closeIdle(gen int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gen == gen && s.users == 0 && s.ix != nil {
		s.ix.Close()
		s.ix = nil
	}
}

// close closes the index now or, while requests use it, lets the idle
// timer close it after they end.
func (s *store) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	if s.ix == nil || s.users > 0 {
		return nil // the last release starts the idle timer that closes it
	}
	err := s.ix.Close()
	s.ix = nil
	return err
}
