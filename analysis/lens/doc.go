// Package lens scores each opportunity of a case through the job-or-career
// lens: a present score (does it support today's life?) and a future score
// (does it build toward the person's own goal?), each 0–100, with the
// contribution of every criterion, and a quadrant.
//
// # Values
//
// Every criterion is first turned into a value v in [0, 1] by a documented
// value function (a rating r on the 0–10 scale gives v = r/10). An
// opportunity's ratings map may override the derived value of any built-in
// criterion with a rating. The functions:
//
// Present criteria (from the terms as they stand, before any conversion):
//
//   - take_home: net = monthly take-home pay (package money) − health cost
//     (the employee share of an employer plan, or what the person pays on their
//     own, 0 if they would go uncovered) − commute money cost; r = net /
//     essential monthly expenses; v = clamp(r − 0.5, 0, 1): pay covering
//     half the needs is worth 0, exactly the needs 0.5, one and a half times
//     the needs 1.
//   - benefits: v = 0.7·h + 0.15·min(1, match% / 6) + 0.15·min(1, leave days / 20),
//     with h = 0 without employer health coverage, else 1 − ½·(employee share ÷
//     the average total premium for the coverage, KFF 2025), reduced in
//     proportion to a waiting period of up to 12 months.
//   - commute: with m the one-way minutes × (1 − remote share) and M the
//     longest acceptable commute, v = 1 for m ≤ 10, 0 for m ≥ M, linear between.
//   - flexibility: v = flexibility rating / 10.
//   - first_paycheck: the gap g = months from as_of to the start + ½ (the
//     first pay arrives about half a month after the start; 0 for the current
//     job); spend = g × (expenses + health cost on one's own) − other income
//     in the gap; v = clamp(1 − spend / savings, 0, 1) (0 with no savings and
//     a gap).
//   - security: the expected share of the first 12 months after the start
//     spent paid in this job. A permanent job is kept each month with
//     probability 1 − h, h the monthly layoff hazard; a contract of L months
//     runs to its end, then converts with probability c (and is then
//     permanent), otherwise is extended once with probability e for E months,
//     at whose end it converts with probability c or ends.
//   - enjoyment: the enjoyment rating / 10; when not rated, (10 − |people
//     contact − the person's preference for people|) / 10, or 0.5 when either
//     is unknown.
//
// Future criteria (judged against the person's goal):
//
//   - goal_fit: the goal_fit rating / 10 when given; else 1 when one of the
//     opportunity's leads_to names one of the person's goal targets, 0.6 when
//     its role, field or conversion role does, 0.2 otherwise, and 0.5 when the
//     person has named no targets. Names match when one contains the other,
//     ignoring case.
//   - permanence: 1 for a permanent job (0 when it ends on a known date); for a
//     contract c + (1 − c)·e·c, the chance of being hired permanently at the
//     end of the contract or of its extension; 0.5 for keep_searching.
//   - growth, skills, foot_in_door: the rating / 10.
//   - stability: the industry-stability rating / 10, halved when the work is
//     outsourceable.
//   - outlook: from the projected ten-year change p (percent) of the
//     occupation, given in the case (outlook_percent) or found from its
//     occupation code through Settings.Outlook, by occupation.OutlookValue:
//     v = clamp(0.5 + (p − 3.1) / 20, 0, 1), centred on the projected change
//     of all occupations (3.1%, BLS Employment Projections 2024–34), so that
//     average growth is 0.5, −6.9% or worse 0 and +13.1% or better 1; 0.5
//     when unknown.
//
// # Weights and scores
//
// Each group's weights are normalised to sum to 1 within the group (direct
// ratings, swing points or AHP weights; a person who does not want
// permanence or growth gets default weights of 2 for those). The group score
// is S = 100 · Σ w_i v_i and the contribution of criterion i is 100 · w_i v_i,
// so the contributions add up to the score. The overall score with the
// present-vs-future balance b is (1 − b)·present + b·future: the weighted sum
// over all criteria with weights (1 − b)·w_i (present) and b·w_i (future).
//
// # Quadrants
//
// With the threshold T (default 50, the middle of the scale): present ≥ T and
// future ≥ T is a "career move", present ≥ T only a "job", future ≥ T only a
// "stepping stone", neither a "stopgap".
package lens
