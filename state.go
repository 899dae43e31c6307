package crossroads

import "slices"

// States are the two-letter postal codes of the fifty U.S. states and the
// District of Columbia, in alphabetical order: the values person.state
// takes.
var States = []string{
	"AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN", "KS",
	"KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV",
	"NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY",
}

// IsState reports whether s is one of States.
func IsState(s string) bool {
	_, ok := slices.BinarySearch(States, s)
	return ok
}

// DefaultAge is the age assumed when person.age is not given: the age of
// the reference premium of the marketplace benchmark plan (CMS and KFF
// quote premiums for a 40-year-old).
const DefaultAge = 40

// AgeValue returns the person's age, or DefaultAge.
func (p *Person) AgeValue() int {
	if p.Age > 0 {
		return p.Age
	}
	return DefaultAge
}
