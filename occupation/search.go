package occupation

import (
	"cmp"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crossroads/crossroads/occupation/internal/wire"
)

// Match is one search result.
type Match struct {
	Code  string `json:"code"`
	Title string `json:"title"`
	// MatchedTitle is the title that matched: the occupation title or one
	// of its reported job titles.
	MatchedTitle string `json:"matchedTitle"`
	// Score orders the matches: 1 or more for an exact title, from 0.8 for
	// a title containing the query as a phrase, from 0.6 for one containing
	// all its words, below 0.5 for one containing some (see Search).
	Score float64 `json:"score"`
}

// Bounds on the work a query may cause.
const (
	maxQueryBytes  = 256 // longer queries are cut
	maxQueryTokens = 16  // further words are ignored
	minPrefixLen   = 2   // a word being typed matches as a prefix from this length
)

// Score components of Search.
const (
	scoreExact      = 1.0  // the words of the title are exactly the query's
	scorePhrase     = 0.8  // the query's words appear together, in order
	scoreAll        = 0.6  // all the query's words appear
	scoreSome       = 0.5  // the upper bound for some of the words
	scoreCoverage   = 0.1  // times the share of the title's words matched
	bonusOccupation = 0.05 // the O*NET occupation title itself
	bonusMyNextMove = 0.03 // a reported title shown in My Next Move
	scoreCode       = 2.0  // the query is the occupation's code
	scoreCodePrefix = 1.5  // the query begins the occupation's code
)

// Search proposes occupations for a job title as a person types it, such
// as "call center representative" or "HR assistant". It returns at most
// limit matches (all when limit <= 0), best first, ties by code.
//
// The query and every title (the O*NET occupation titles and the reported
// job titles, each parenthesised alias such as "HR Assistant" counted as a
// title of its own) are split into words: case-folded, letters and digits
// only, apostrophes dropped, a few British spellings mapped to American
// ("centre" to "center"), plurals reduced to the singular (clerks, secretaries,
// coaches), and filler words (and, of, the, except, ...) dropped. A title
// scores
//
//	1.0                   when its words are exactly the query's,
//	0.8 + 0.1·c           when it contains the query's words together and in order,
//	0.6 + 0.1·c           when it contains all of them,
//	0.5 · (m/n) · (1+c)/2 when it contains m of the query's n words,
//
// where c is the share of the title's own words that the query matched.
// The occupation title adds 0.05 and a reported title shown in My Next
// Move adds 0.03. An occupation scores its best title. While a word is
// being typed (the query does not end in a space or punctuation), the last
// word also matches as the beginning of a title's word, from two letters.
// A query made of a code or the beginning of one ("43-4051", "43-40")
// returns the occupations with that code prefix, an exact code first.
func Search(query string, limit int) []Match {
	d := load()
	return d.search().search(d.occs, query, limit)
}

// searchEntry is one searchable title.
type searchEntry struct {
	occ    int32    // index of the occupation
	text   string   // the title shown as MatchedTitle
	tokens []string // its words, in order
	bonus  float64
}

type searchIndex struct {
	entries  []searchEntry
	postings map[string][]int32 // word -> entries containing it, increasing
	vocab    []string           // all words, sorted, for prefix matching
	codes    []string           // occupation codes, sorted
}

func newSearchIndex(occs []wire.Occupation) *searchIndex {
	ix := &searchIndex{postings: make(map[string][]int32)}
	add := func(occ int, text, variant string, bonus float64) {
		toks := tokenize(variant)
		if len(toks) == 0 {
			return
		}
		id := int32(len(ix.entries))
		ix.entries = append(ix.entries, searchEntry{occ: int32(occ), text: text, tokens: toks, bonus: bonus})
		for _, t := range toks {
			p := ix.postings[t]
			if len(p) == 0 || p[len(p)-1] != id {
				ix.postings[t] = append(p, id)
			}
		}
	}
	for i, o := range occs {
		ix.codes = append(ix.codes, o.Code)
		add(i, o.Title, o.Title, bonusOccupation)
		for _, t := range o.Titles {
			bonus := 0.0
			if t.MyNextMove {
				bonus = bonusMyNextMove
			}
			for _, v := range titleVariants(t.Name) {
				add(i, t.Name, v, bonus)
			}
		}
	}
	for w := range ix.postings {
		ix.vocab = append(ix.vocab, w)
	}
	sort.Strings(ix.vocab)
	return ix
}

// titleVariants splits "Human Resources Assistant (HR Assistant)" into the
// title without its parentheses and each parenthesised alias.
func titleVariants(title string) []string {
	var main strings.Builder
	var vs []string
	rest := title
	for {
		open := strings.IndexByte(rest, '(')
		if open < 0 {
			break
		}
		end := strings.IndexByte(rest[open:], ')')
		if end < 0 {
			break
		}
		main.WriteString(rest[:open])
		vs = append(vs, rest[open+1:open+end])
		rest = rest[open+end+1:]
	}
	main.WriteString(rest)
	return append([]string{main.String()}, vs...)
}

// stopWords are dropped from queries and titles.
var stopWords = map[string]bool{
	"a": true, "an": true, "and": true, "at": true, "for": true, "in": true, "of": true,
	"on": true, "or": true, "the": true, "to": true, "with": true, "except": true,
	"all": true, "other": true,
}

// british maps British spellings that job seekers type to the American
// spelling of the O*NET titles.
var british = map[string]string{
	"centre": "center", "centres": "centers", "labour": "labor", "labourer": "laborer",
	"labourers": "laborers", "organisation": "organization", "organiser": "organizer",
	"analyse": "analyze", "analyser": "analyzer", "programme": "program", "licence": "license",
	"licenced": "licensed", "defence": "defense", "colour": "color", "theatre": "theater",
	"catalogue": "catalog", "cheque": "check", "tyre": "tire", "paediatric": "pediatric",
	"orthopaedic": "orthopedic", "anaesthesiologist": "anesthesiologist", "jewellery": "jewelry",
	"jeweller": "jeweler", "counsellor": "counselor", "counsellors": "counselors",
	"travelling": "traveling", "modelling": "modeling", "labelling": "labeling",
}

// apostrophes removes apostrophes, so that "bachelor's" is one word.
var apostrophes = strings.NewReplacer("'", "", "’", "")

// words splits s into lower-case words of letters and digits, dropping
// apostrophes inside words.
func words(s string) []string {
	if strings.ContainsAny(s, "'’") {
		s = apostrophes.Replace(s)
	}
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// tokenize returns the stemmed words of s without stop words.
func tokenize(s string) []string {
	var toks []string
	for _, w := range words(s) {
		if stopWords[w] {
			continue
		}
		toks = append(toks, stem(w))
	}
	return toks
}

// stem reduces an English plural to its singular with a few suffix rules;
// it is applied alike to titles and queries, so it needs only be
// consistent, not exact.
func stem(w string) string {
	if a, ok := british[w]; ok {
		w = a
	}
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case len(w) > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

func (ix *searchIndex) search(occs []Occupation, query string, limit int) []Match {
	query = clip(query)
	if ms, ok := ix.searchCode(occs, query); ok {
		return truncate(ms, limit)
	}
	q := tokenize(query)
	if len(q) == 0 {
		return nil
	}
	whole := len(q) <= maxQueryTokens
	if !whole {
		q = q[:maxQueryTokens]
	}
	// distinct query words, and their bit in a match mask
	var distinct []string
	bit := make(map[string]uint32)
	for _, t := range q {
		if _, ok := bit[t]; !ok {
			bit[t] = 1 << len(distinct)
			distinct = append(distinct, t)
		}
	}
	// The last word may be unfinished: it also matches as a prefix.
	var prefix string
	if ws := words(query); whole {
		r := []rune(query)
		last := ws[len(ws)-1]
		if end := r[len(r)-1]; (unicode.IsLetter(end) || unicode.IsDigit(end)) && len(last) >= minPrefixLen && !stopWords[last] {
			prefix = last
		}
	}
	mask := make(map[int32]uint32)
	for _, t := range distinct {
		for _, id := range ix.postings[t] {
			mask[id] |= bit[t]
		}
	}
	lastBit := bit[q[len(q)-1]]
	var prefixWords map[string]bool
	if prefix != "" {
		prefixWords = make(map[string]bool)
		i := sort.SearchStrings(ix.vocab, prefix)
		for ; i < len(ix.vocab) && strings.HasPrefix(ix.vocab[i], prefix); i++ {
			w := ix.vocab[i]
			prefixWords[w] = true
			for _, id := range ix.postings[w] {
				mask[id] |= lastBit
			}
		}
	}
	full := uint32(1)<<len(distinct) - 1
	best := make(map[int32]Match)
	for id, m := range mask {
		e := &ix.entries[id]
		s := score(e, q, bit, m, full, prefixWords)
		o := e.occ
		if cur, ok := best[o]; ok && (cur.Score > s || cur.Score == s && ix.earlier(occs[o], cur.MatchedTitle, e.text)) {
			continue
		}
		best[o] = Match{Code: occs[o].Code, Title: occs[o].Title, MatchedTitle: e.text, Score: s}
	}
	ms := make([]Match, 0, len(best))
	for _, m := range best {
		ms = append(ms, m)
	}
	slices.SortFunc(ms, func(a, b Match) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.Code, b.Code)
	})
	return truncate(ms, limit)
}

// earlier reports whether title a comes before title b among the titles of
// o (the occupation title first, then the reported titles in O*NET order),
// so that ties between the titles of one occupation are broken the same way
// on every run.
func (ix *searchIndex) earlier(o Occupation, a, b string) bool {
	pos := func(t string) int {
		if t == o.Title {
			return -1
		}
		return slices.Index(o.ReportedTitles, t)
	}
	return pos(a) <= pos(b)
}

// score rates entry e for the query words q; m has the bits of the
// distinct query words that e matched.
func score(e *searchEntry, q []string, bit map[string]uint32, m, full uint32, prefixWords map[string]bool) float64 {
	last := len(q) - 1
	matches := func(qi int, t string) bool {
		return q[qi] == t || qi == last && prefixWords[t]
	}
	covered := 0
	for _, t := range e.tokens {
		for qi := range q {
			if matches(qi, t) {
				covered++
				break
			}
		}
	}
	c := float64(covered) / float64(len(e.tokens))
	var s float64
	switch {
	case slices.Equal(e.tokens, q):
		s = scoreExact
	case m == full && containsPhrase(e.tokens, q, matches):
		s = scorePhrase + scoreCoverage*c
	case m == full:
		s = scoreAll + scoreCoverage*c
	default:
		n := bits.OnesCount32(m)
		s = scoreSome * float64(n) / float64(len(bit)) * (1 + c) / 2
	}
	return s + e.bonus
}

// containsPhrase reports whether the query words appear in toks together
// and in order.
func containsPhrase(toks, q []string, matches func(qi int, t string) bool) bool {
outer:
	for start := 0; start+len(q) <= len(toks); start++ {
		for qi := range q {
			if !matches(qi, toks[start+qi]) {
				continue outer
			}
		}
		return true
	}
	return false
}

// searchCode handles a query made of a code or its beginning.
func (ix *searchIndex) searchCode(occs []Occupation, query string) ([]Match, bool) {
	query = strings.TrimSpace(query)
	if query == "" || query[0] < '0' || query[0] > '9' {
		return nil, false
	}
	for _, r := range query {
		if (r < '0' || r > '9') && r != '-' && r != '.' {
			return nil, false
		}
	}
	exact, _ := NormalizeCode(query)
	var ms []Match
	i := sort.SearchStrings(ix.codes, query)
	for ; i < len(ix.codes) && strings.HasPrefix(ix.codes[i], query); i++ {
		o := occs[i]
		s := scoreCodePrefix
		if o.Code == exact {
			s = scoreCode
		}
		ms = append(ms, Match{Code: o.Code, Title: o.Title, MatchedTitle: o.Title, Score: s})
	}
	slices.SortStableFunc(ms, func(a, b Match) int { return cmp.Compare(b.Score, a.Score) })
	return ms, true
}

// clip cuts query to maxQueryBytes, at a rune boundary.
func clip(query string) string {
	if len(query) <= maxQueryBytes {
		return query
	}
	n := maxQueryBytes
	for n > 0 && !utf8.RuneStart(query[n]) {
		n--
	}
	return query[:n]
}

func truncate(ms []Match, limit int) []Match {
	if limit > 0 && len(ms) > limit {
		ms = ms[:limit]
	}
	return ms
}
