package crossroads

import (
	"slices"
	"testing"
)

func TestCoverDefaults(t *testing.T) {
	p := Person{Dependants: 3, DependantAges: []int{4}}
	if got := p.DependantAgesValue(); !slices.Equal(got, []int{4, 10, 10}) {
		t.Errorf("DependantAgesValue = %v", got)
	}
	if got := (&Person{}).DependantAgesValue(); len(got) != 0 {
		t.Errorf("no dependants: %v", got)
	}
	no := false
	if !(&Unemployment{}).Claims() || (&Unemployment{Claim: &no}).Claims() {
		t.Error("Claims: default must be true, false when said so")
	}
	full := 650.0
	b := Benefits{}
	if b.HealthFullCost("self") != 9325.0/12 || b.HealthFullCost("family") != 26993.0/12 {
		t.Error("HealthFullCost defaults")
	}
	b.HealthFullMonthly = &full
	if b.HealthFullCost("family") != 650 {
		t.Error("HealthFullCost as given")
	}
}
