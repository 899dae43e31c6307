package web

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"time"

	"github.com/crossroads/crossroads"
)

// Cases stores the cases of the acting user, whom the context carries
// (crossroads.NewContextWithUser). Each method is one transaction. The
// document of a case is its case file in YAML (crossroads.FormatYAML),
// possibly unfinished: the guided editor saves a case while it is being
// built, and casefile.ParseDraft reads it.
type Cases interface {
	// ListCases returns the user's cases, most recently changed first,
	// without their documents.
	ListCases(ctx context.Context) ([]*crossroads.CaseRecord, error)
	// GetCase returns a case with its document. Errors: NotFound.
	GetCase(ctx context.Context, id int64) (*crossroads.CaseRecord, error)
	// CreateCase stores a new case. Errors: Invalid.
	CreateCase(ctx context.Context, title string, doc []byte) (*crossroads.CaseRecord, error)
	// UpdateCase replaces the title and document of the case if it is
	// still at version, and returns the new state. Errors: NotFound,
	// Invalid, Conflict (changed since version; nothing is changed).
	UpdateCase(ctx context.Context, id, version int64, title string, doc []byte) (*crossroads.CaseRecord, error)
	// DeleteCase deletes a case. Errors: NotFound.
	DeleteCase(ctx context.Context, id int64) error
}

// MemoryCases is a Cases kept in memory, for tests and demonstrations. The
// zero value is ready to use; it ignores the acting user.
type MemoryCases struct {
	// Now is the clock of the timestamps; nil means time.Now.
	Now func() time.Time

	mu     sync.Mutex
	nextID int64
	cases  map[int64]*crossroads.CaseRecord
}

var _ Cases = (*MemoryCases)(nil)

func (m *MemoryCases) now() time.Time {
	if m.Now != nil {
		return m.Now()
	}
	return time.Now()
}

func clone(r *crossroads.CaseRecord, withDoc bool) *crossroads.CaseRecord {
	c := *r
	c.Document = nil
	if withDoc {
		c.Document = slices.Clone(r.Document)
	}
	return &c
}

// ListCases implements Cases.
func (m *MemoryCases) ListCases(ctx context.Context) ([]*crossroads.CaseRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]*crossroads.CaseRecord, 0, len(m.cases))
	for _, r := range m.cases {
		out = append(out, clone(r, false))
	}
	slices.SortFunc(out, func(a, b *crossroads.CaseRecord) int {
		return cmp.Or(b.UpdatedAt.Compare(a.UpdatedAt), cmp.Compare(b.ID, a.ID))
	})
	return out, nil
}

// GetCase implements Cases.
func (m *MemoryCases) GetCase(ctx context.Context, id int64) (*crossroads.CaseRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.cases[id]
	if !ok {
		return nil, crossroads.Errorf(crossroads.NotFound, "case %d not found", id)
	}
	return clone(r, true), nil
}

// CreateCase implements Cases.
func (m *MemoryCases) CreateCase(ctx context.Context, title string, doc []byte) (*crossroads.CaseRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cases == nil {
		m.cases = map[int64]*crossroads.CaseRecord{}
	}
	m.nextID++
	now := m.now()
	r := &crossroads.CaseRecord{ID: m.nextID, Title: title, Document: slices.Clone(doc), Format: crossroads.FormatYAML,
		Version: 1, CreatedAt: now, UpdatedAt: now}
	m.cases[r.ID] = r
	return clone(r, true), nil
}

// UpdateCase implements Cases.
func (m *MemoryCases) UpdateCase(ctx context.Context, id, version int64, title string, doc []byte) (*crossroads.CaseRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.cases[id]
	if !ok {
		return nil, crossroads.Errorf(crossroads.NotFound, "case %d not found", id)
	}
	if r.Version != version {
		return nil, crossroads.Errorf(crossroads.Conflict,
			"this case was changed in another window since you opened it (version %d, now %d)", version, r.Version)
	}
	r.Title, r.Document, r.Version, r.UpdatedAt = title, slices.Clone(doc), r.Version+1, m.now()
	return clone(r, true), nil
}

// DeleteCase implements Cases.
func (m *MemoryCases) DeleteCase(ctx context.Context, id int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.cases[id]; !ok {
		return crossroads.Errorf(crossroads.NotFound, "case %d not found", id)
	}
	delete(m.cases, id)
	return nil
}
