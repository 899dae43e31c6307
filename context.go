package crossroads

import "context"

// contextKey is the type of the keys this package stores in a context, so
// that they cannot collide with keys of other packages.
type contextKey int

const userContextKey contextKey = iota

// NewContextWithUser returns a copy of ctx that carries user as the acting
// user. The service reads it to decide what the caller may do, and the stores
// record it as the actor of audit entries.
func NewContextWithUser(ctx context.Context, user *User) context.Context {
	return context.WithValue(ctx, userContextKey, user)
}

// UserFromContext returns the acting user carried by ctx, or nil when nobody
// is signed in.
func UserFromContext(ctx context.Context) *User {
	u, _ := ctx.Value(userContextKey).(*User)
	return u
}
