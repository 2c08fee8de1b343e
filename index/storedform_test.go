package index

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"zongjie/corpus"
	"zongjie/extract"
	"zongjie/rules"
)

// sampleEntries extracts the facts of the sample archive's documents.
func sampleEntries(t testing.TB) []Entry {
	t.Helper()
	set, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	seg, err := extract.LoadSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	ex, err := extract.New(set, seg)
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob("../testdata/docs/*")
	var out []Entry
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := corpus.Read(p, f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, d := range docs {
			out = append(out, Entry{Doc: d, Record: ex.Extract(d), Fingerprint: corpus.Fingerprint(d.Text)})
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d sample documents", len(out))
	}
	return out
}

// emptyLists gives r with empty rather than nil fact lists, as decoding
// gives them.
func emptyLists(r extract.Record) extract.Record {
	v := reflect.ValueOf(&r).Elem()
	for i := 0; i < v.NumField(); i++ {
		if f := v.Field(i); f.Kind() == reflect.Slice && f.IsNil() {
			f.Set(reflect.MakeSlice(f.Type(), 0, 0))
		}
	}
	return r
}

func TestFactsRoundTripSample(t *testing.T) {
	asJSON, size := 0, 0
	for _, e := range sampleEntries(t) {
		buf := encodeFacts(&e.Record, e.Doc.Text)
		got, err := decodeFacts(buf, e.Doc.Text)
		if err != nil {
			t.Fatalf("%s: %v", e.Doc.Source, err)
		}
		if want := emptyLists(e.Record); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: facts changed in the round trip:\n got %+v\nwant %+v", e.Doc.Source, got, want)
		}
		j, err := json.Marshal(e.Record)
		if err != nil {
			t.Fatal(err)
		}
		asJSON += len(j)
		size += len(buf)
	}
	if size*5 > asJSON {
		t.Errorf("facts take %d bytes, %d as JSON: not written compactly", size, asJSON)
	}
}

// fill sets every field of the struct v points to (and of the structs in
// it) to a value that depends on seed, with strings that are not in any
// text, so that a field the codec forgets shows in a round trip.
func fill(v reflect.Value, seed int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("值" + strings.Repeat("x", seed%5) + string(rune('a'+seed%26)))
	case reflect.Int:
		v.SetInt(int64(seed*37 - 500))
	case reflect.Float64:
		v.SetFloat([]float64{0.85, 1133.9e4, -2.5, 1e300, math.Pi, 7}[seed%6])
	case reflect.Bool:
		v.SetBool(seed%2 == 1)
	case reflect.Array: // a span
		for i := 0; i < v.Len(); i++ {
			v.Index(i).SetInt(int64(seed%7 + i*3))
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 3, 3)
		for i := 0; i < 3; i++ {
			fill(s.Index(i), seed*3+i)
		}
		v.Set(s)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fill(v.Field(i), seed+i+1)
		}
	default:
		panic("fill: unhandled kind " + v.Kind().String())
	}
}

func TestFactsRoundTripEveryField(t *testing.T) {
	text := "区消费者协会发放宣传资料1000余份，出动执法人员50人次。"
	for seed := 0; seed < 20; seed++ {
		var r extract.Record
		fill(reflect.ValueOf(&r).Elem(), seed)
		got, err := decodeFacts(encodeFacts(&r, text), text)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Fatalf("seed %d: round trip changed the record:\n got %+v\nwant %+v", seed, got, r)
		}
	}
}

func TestFactsUseTheText(t *testing.T) {
	text := "共发放消费维权宣传资料1000余份"
	c := extract.Count{Text: "发放消费维权宣传资料1000余份", Action: "发放", Object: "消费维权宣传资料",
		Value: 1000, Unit: "份", Approx: true, Hedge: "余"}
	c.Span = extract.Span{1, 17}
	r := extract.Record{Counts: []extract.Count{c, c}}
	buf := encodeFacts(&r, text)
	if strings.Contains(string(buf), "宣传资料") {
		t.Errorf("the object is written again although the text holds it: %q", buf)
	}
	// the same facts over another text are read from that text
	other := "共分发消费维权宣传折页1000余份"
	got, err := decodeFacts(buf, other)
	if err != nil {
		t.Fatal(err)
	}
	if got.Counts[0].Object != "消费维权宣传折页" {
		t.Errorf("object %q, want it cut from the text", got.Counts[0].Object)
	}
}

func TestDecodeFactsRefusesDamage(t *testing.T) {
	e := sampleEntries(t)[0]
	buf := encodeFacts(&e.Record, e.Doc.Text)
	for n := 0; n < len(buf); n++ {
		if _, err := decodeFacts(buf[:n], e.Doc.Text); !errors.Is(err, errFactsCorrupt) {
			t.Fatalf("cut to %d of %d bytes: err %v, want errFactsCorrupt", n, len(buf), err)
		}
	}
	if _, err := decodeFacts(append(buf, 0), e.Doc.Text); !errors.Is(err, errFactsCorrupt) {
		t.Errorf("a trailing byte: err %v", err)
	}
}

func FuzzDecodeFacts(f *testing.F) {
	text := "区消费者协会发放宣传资料1000余份，出动执法人员50人次。"
	var r extract.Record
	fill(reflect.ValueOf(&r).Elem(), 3)
	f.Add(encodeFacts(&r, text), text)
	f.Add([]byte{1, 0, 0, 0, 0, 0, 0, 1, 2, 4, 1, 0, 2, 0, 0, 0, 0, 0}, text)
	f.Fuzz(func(t *testing.T, buf []byte, text string) {
		// Longer inputs find nothing new, and the fuzzer would spend its
		// time shrinking them (their loops over bytes look like coverage).
		if len(buf) > 256 || len(text) > 128 {
			return
		}
		rec, err := decodeFacts(buf, text)
		if err != nil {
			return
		}
		enc := encodeFacts(&rec, text)
		again, err := decodeFacts(enc, text)
		if err != nil {
			t.Fatalf("re-encoded facts do not decode: %v", err)
		}
		// compared encoded, as a NaN read from the bytes is not equal to itself
		if !bytes.Equal(encodeFacts(&again, text), enc) {
			t.Fatalf("re-encoding changed the facts:\n got %+v\nwant %+v", again, rec)
		}
	})
}

// TestStoredDictionary checks that the first batch large enough trains a
// dictionary, stored with it, and that values written before it (without
// one) and after it read back after the index is opened again.
func TestStoredDictionary(t *testing.T) {
	sample := sampleEntries(t)
	path := filepath.Join(t.TempDir(), "ix.bleve")
	ix, err := Open(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Add(sample[:3]); err != nil {
		t.Fatal(err)
	}
	if d, _ := ix.b.GetInternal([]byte(dictKey)); d != nil {
		t.Fatalf("a dictionary trained on 3 documents")
	}
	var big []Entry
	for round := 0; len(big) < dictMinDocs+10; round++ {
		for _, e := range sample[3:] {
			e.Doc.ID = e.Doc.ID + "-" + string(rune('a'+round))
			big = append(big, e)
		}
	}
	if err := ix.Add(big); err != nil {
		t.Fatal(err)
	}
	d, err := ix.b.GetInternal([]byte(dictKey))
	if err != nil || len(d) == 0 {
		t.Fatalf("no dictionary after a batch of %d documents: %v", len(big), err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, e := range append(sample[:3], big[0], big[len(big)-1]) {
		s, ok, err := ix.Get(context.Background(), e.Doc.ID)
		if err != nil || !ok {
			t.Fatalf("get %s: %v %v", e.Doc.ID, ok, err)
		}
		if s.Text != e.Doc.Text || !reflect.DeepEqual(s.Record, emptyLists(e.Record)) || s.Source != e.Doc.Source {
			t.Errorf("%s: stored document differs from what was written", e.Doc.ID)
		}
	}
}

func TestCorruptStoredValueNamesTheDocument(t *testing.T) {
	ix, _ := testIndex(t)
	defer ix.Close()
	_, err := ix.storedOf("doc-7", map[string]interface{}{FieldStored: "not zstd"}, true)
	if !errors.Is(err, errFactsCorrupt) || !strings.Contains(err.Error(), "doc-7") {
		t.Errorf("err %v, want errFactsCorrupt naming doc-7", err)
	}
}
