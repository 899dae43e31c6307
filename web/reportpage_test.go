package web

import "testing"

func TestHumanPath(t *testing.T) {
	c := mustExample(t)
	tests := []struct{ path, want string }{
		{"person.monthly_expenses", "Monthly expenses"},
		{"opportunities[1].pay.amount", "Data-entry job › pay › amount"},
		{"opportunities[5].name", "Opportunity 6 › name"},
		{"opportunities", "Opportunities"},
		{"person.experience[0].years", "Experience 1 › years"},
		{"criteria.weights.commute", "Criteria › weights › commute"},
		{"", "The case"},
	}
	for _, tt := range tests {
		if got := humanPath(c, tt.path); got != tt.want {
			t.Errorf("humanPath(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}
