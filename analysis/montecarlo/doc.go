// Package montecarlo simulates, month by month over a case's horizon, what
// plans of action (Policy) do to a person's money, pay and health cover
// under uncertainty. It is pure: values in, values out; it reads no clock
// and no global random source.
//
// # One path
//
// A path is one possible future. Each opportunity is a job with the terms of
// the case: its start, monthly take-home pay (gross pay through package
// money's 2026 tax estimate or an effective rate, with raises every 12
// months), its employer health plan and the employee's share of it, its
// commute money, and, for a contract, its length, the chance of conversion
// to permanent with its own pay and benefits, and the chance of one
// extension. A pending opportunity's offer comes, at its known-by date, with
// its probability (a range is sampled per path, then the Bernoulli draw
// made). A permanent job is lost at the end of month k with probability
// (1 − h)^(k−1)·h, h the monthly hazard of the yearly layoff risk. When the
// person has no job and none lined up (after a lost job, or when the offers
// waited for did not come) a search starts; it lasts a duration drawn anew
// each time (default PERT {1, 3, 9} months) and ends in a permanent job
// (crossroads.Case.SearchJob). Pay earned over [a, b) arrives over
// [a + ½, b + ½) (lens.PayLagMonths). Every month savings change by pay
// received − essential expenses − health cover (the plan's employee share,
// or the person's own cover without one) − commute money + other income −
// one-time costs of reneging or resigning; they run out when they are below
// zero at a month's end. Any Estimate is sampled from a PERT distribution
// (SamplePERT), built on gonum's distuv.Beta with an explicit source.
//
// # Random numbers, reproducibility
//
// Paths come in blocks of BlockSize; block b draws its paths' keys from
// rand.NewPCG(seed, b), and each event of a path (an offer, a conversion, the
// k-th search) draws from the key alone, so every policy meets the same
// events on the same path (common random numbers) and a re-run with one
// input changed meets the same futures. Workers take chunks of blocks in any
// order; sums are kept per chunk and added in chunk order, and per-path
// values are stored by path index, so the result does not depend on the
// number of workers or on GOMAXPROCS.
//
// # Results
//
// For each policy: the mean and the 10th, 50th and 90th percentiles of the
// savings at the horizon, take-home pay, the probability that savings run
// out and the month it most often first happens, the expected months
// without pay, without an employer health plan and with no cover, the
// probability of a permanent job at the horizon, the month-by-month fan
// chart, each estimate with its Monte Carlo standard error; the means of
// each chunk of paths (for batch-means errors of any function of them); and
// the means per level of each factor (a pending offer, a contract's fate),
// from which outcomes under other probabilities of those events are exact
// mixtures. docs/simulation.md is the full reference.
package montecarlo
