package crossroads

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Estimate is a number that may be uncertain. In a case file it is either a
// plain number (certain) or a range {min, likely, max}, which the simulation
// samples from a PERT distribution (a Beta distribution on [min, max] with
// mode likely and shape parameter 4; Malcolm et al., "Application of a
// technique for research and development program evaluation", Operations
// Research 7(5), 1959).
type Estimate struct {
	Min, Likely, Max float64
}

// Exactly returns the certain estimate v.
func Exactly(v float64) Estimate { return Estimate{v, v, v} }

// Range returns the estimate between min and max, most likely likely.
func Range(min, likely, max float64) Estimate { return Estimate{min, likely, max} }

// IsRange reports whether e is uncertain (min < max).
func (e Estimate) IsRange() bool { return e.Min != e.Max }

// Mean returns the PERT mean (min + 4·likely + max) / 6.
func (e Estimate) Mean() float64 {
	if !e.IsRange() {
		return e.Likely
	}
	return (e.Min + 4*e.Likely + e.Max) / 6
}

// Scale returns e with every bound multiplied by k (k >= 0).
func (e Estimate) Scale(k float64) Estimate { return Estimate{e.Min * k, e.Likely * k, e.Max * k} }

// valid reports whether the bounds are finite and ordered.
func (e Estimate) valid() bool {
	for _, v := range []float64{e.Min, e.Likely, e.Max} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return e.Min <= e.Likely && e.Likely <= e.Max
}

// String writes a certain estimate as its number and a range as
// "min–likely–max".
func (e Estimate) String() string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	if !e.IsRange() {
		return f(e.Likely)
	}
	return fmt.Sprintf("{min: %s, likely: %s, max: %s}", f(e.Min), f(e.Likely), f(e.Max))
}

type estimateRange struct {
	Min    float64 `json:"min" yaml:"min"`
	Likely float64 `json:"likely" yaml:"likely"`
	Max    float64 `json:"max" yaml:"max"`
}

// MarshalJSON writes a certain estimate as a number and a range as an object.
func (e Estimate) MarshalJSON() ([]byte, error) {
	if !e.IsRange() {
		return json.Marshal(e.Likely)
	}
	return json.Marshal(estimateRange(e))
}

// MarshalYAML writes a certain estimate as a number and a range as a mapping.
func (e Estimate) MarshalYAML() (any, error) {
	if !e.IsRange() {
		return e.Likely, nil
	}
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, kv := range []struct {
		k string
		v float64
	}{{"min", e.Min}, {"likely", e.Likely}, {"max", e.Max}} {
		n.Content = append(n.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Value: kv.k},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(kv.v, 'g', -1, 64)})
	}
	return n, nil
}

// UnmarshalJSON reads what MarshalJSON writes: a number, or an object with
// min, likely and max (no other keys). Whether the bounds are in order is
// for Validate to say, with the field's path.
func (e *Estimate) UnmarshalJSON(b []byte) error {
	var v float64
	if err := json.Unmarshal(b, &v); err == nil {
		*e = Exactly(v)
		return nil
	}
	var r estimateRange
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if err := d.Decode(&r); err != nil {
		return fmt.Errorf("an estimate is a number or {\"min\", \"likely\", \"max\"}: %w", err)
	}
	*e = Estimate(r)
	return nil
}
