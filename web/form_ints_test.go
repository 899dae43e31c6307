package web

import (
	"net/url"
	"slices"
	"testing"

	"github.com/crossroads/crossroads"
)

// A list of numbers (person.dependant_ages) keeps an age of 0 and drops
// blank rows, both ways.
func TestFormListOfNumbers(t *testing.T) {
	owned := []string{"person.dependants", "person.dependant_ages"}
	c := &crossroads.Case{}
	form := url.Values{"person.dependants": {"2"}, "person.dependant_ages[0]": {"0"}, "person.dependant_ages[1]": {"7"}, "person.dependant_ages[2]": {""}}
	if errs := decodeForm(c, form, owned); len(errs) != 0 || !slices.Equal(c.Person.DependantAges, []int{0, 7}) {
		t.Fatalf("decoded %v, %v", c.Person.DependantAges, errs)
	}
	back := &crossroads.Case{}
	if errs := decodeForm(back, encodeForm(c, owned), owned); len(errs) != 0 || !slices.Equal(back.Person.DependantAges, []int{0, 7}) {
		t.Fatalf("round trip %v, %v", back.Person.DependantAges, errs)
	}
}
