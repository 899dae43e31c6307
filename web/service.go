package web

import (
	"context"
	"net/http"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/service"
)

// ServiceCases is the Cases of a service: every call goes through the
// service's access rules, for the acting user that the request's context
// carries.
type ServiceCases struct {
	Service *service.Service
}

var _ Cases = ServiceCases{}

// ListCases implements Cases.
func (sc ServiceCases) ListCases(ctx context.Context) ([]*crossroads.CaseRecord, error) {
	return sc.Service.ListCases(ctx)
}

// GetCase implements Cases.
func (sc ServiceCases) GetCase(ctx context.Context, id int64) (*crossroads.CaseRecord, error) {
	return sc.Service.GetCase(ctx, id)
}

// CreateCase implements Cases: the case is the acting user's own.
func (sc ServiceCases) CreateCase(ctx context.Context, title string, doc []byte) (*crossroads.CaseRecord, error) {
	return sc.Service.CreateCase(ctx, 0, title, doc)
}

// UpdateCase implements Cases.
func (sc ServiceCases) UpdateCase(ctx context.Context, id, version int64, title string, doc []byte) (*crossroads.CaseRecord, error) {
	return sc.Service.UpdateCase(ctx, id, version, title, doc)
}

// DeleteCase implements Cases.
func (sc ServiceCases) DeleteCase(ctx context.Context, id int64) error {
	return sc.Service.DeleteCase(ctx, id)
}

// LocalUser returns a Server.Context for a single local user, without
// sign-in: every request acts as u.
func LocalUser(u *crossroads.User) func(r *http.Request) (context.Context, error) {
	return func(r *http.Request) (context.Context, error) {
		return crossroads.NewContextWithUser(r.Context(), u), nil
	}
}
