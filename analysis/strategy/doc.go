// Package strategy forms the plans a person can follow from a case — take
// an offer and stop looking; take it but withdraw before the start, or
// resign after it, if a pending offer comes; decline and wait; stay in the
// current job; keep searching — simulates them on common random numbers
// with package montecarlo, and ranks them with the case's multi-criteria
// method (package mcda) over six criteria, each future scored first and the
// scores averaged (expected multi-attribute utility): the utility of the
// savings at the horizon, hardship (the chance of running short and how
// deep and how long), months with no health cover at all, daily life at
// work and what the months build (the lens values of each job, month by
// month), and reputation (withdrawing before a start, resigning after it).
// The criteria take their weights from the lens weights and the
// present-vs-future balance of the case.
//
// Analyze also works out the value of knowing a pending answer before the
// decision deadline (the expected value of perfect information, against the
// best plan that commits without it), the break-even points of the chances
// of conversion and of each pending offer, of the savings and of the
// balance (root-finding by regula falsi on common random numbers, on exact
// mixtures of the main run where the simulation allows), and a tornado chart
// of the inputs that move the best plan's lead most. docs/simulation.md
// documents every formula.
package strategy
