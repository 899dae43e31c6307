package build

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// table reads one CSV source file by column name, and formats errors that
// name the file, the line, the column and the value.
type table struct {
	name string
	r    *csv.Reader
	c    io.Closer
	cols map[string]int
	rec  []string
}

// openTable opens name in fsys, reads its header and checks that every
// column in want is present.
func openTable(fsys fs.FS, name string, want ...string) (*table, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(f)
	r.ReuseRecord = false
	header, err := r.Read()
	if err != nil {
		f.Close()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty file, want a header row", name)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	t := &table{name: name, r: r, c: f, cols: make(map[string]int, len(header))}
	for i, h := range header {
		t.cols[h] = i
	}
	for _, w := range want {
		if _, ok := t.cols[w]; !ok {
			f.Close()
			return nil, fmt.Errorf("%s:1: missing column %q", name, w)
		}
	}
	return t, nil
}

// next reads the next record; it returns false at the end of the file.
func (t *table) next() (bool, error) {
	rec, err := t.r.Read()
	if errors.Is(err, io.EOF) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("%s: %w", t.name, err)
	}
	t.rec = rec
	return true, nil
}

// get returns the value of column col in the current record. The column
// must have been named when the table was opened.
func (t *table) get(col string) string {
	return t.rec[t.cols[col]]
}

// line returns the line of the current record.
func (t *table) line() int {
	line, _ := t.r.FieldPos(0)
	return line
}

// errorf reports a bad value in column col of the current record.
func (t *table) errorf(col, format string, args ...any) error {
	line, _ := t.r.FieldPos(t.cols[col])
	return fmt.Errorf("%s:%d: column %q: value %q: %s", t.name, line, col, t.get(col), fmt.Sprintf(format, args...))
}

func (t *table) close() error { return t.c.Close() }
