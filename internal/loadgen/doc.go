// Package loadgen puts a Crossroads web server with accounts under the load
// of simulated people and measures it: the engine of the command
// crossroads-load.
//
// Each simulated person has a browser of their own (a cookie jar; one pool
// of connections serves them all) and uses the pages as a browser without
// scripts does: it opens a form's page, reads the form's fields from the
// HTML (hidden ones such as the case's version included), fills in what a
// person would, and sends it; redirects are followed as separate requests,
// each measured. POSTs carry the Origin and Sec-Fetch-Site headers a
// browser sends, which the server's cross-origin protection checks (the
// server has no CSRF token in its forms). The one exception is the what-if
// sliders, which the person moves as the report page's script does: a GET
// of the report's address with the query of the sliders away from the
// case's own values, with htmx's headers, answered with the results part
// of the page.
//
// A person signs up once, then visits again and again (see person.visit):
// sign in; twice, start a case from the example (by its button, then by
// uploading its case file), read the report, change the savings in the
// editor and save, read the report again, move a slider 2 to 5 times,
// open the list of cases; sign out. Before each step the person pauses for
// a think time drawn uniformly from [Config.ThinkMin, Config.ThinkMax]
// (default 200 ms to 1 s, a very quick person), and people arrive over the
// first ThinkMax.
//
// A run is bounded: it stops starting requests when Config.Duration has
// passed or Config.MaxRequests requests were made, whichever comes first,
// lets the requests in flight finish, and ends. It talks to loopback
// addresses only: TargetURL refuses any other host, and every connection
// is checked again when it is dialled, whatever a name resolved to;
// proxies from the environment are not used.
//
// The Result has, for each kind of request (Kinds), the count, the errors
// and the latency (from sending the request to having read the whole
// response) as mean, p50, p95, p99 (nearest rank, see Percentile) and
// maximum, and the same for the analysis requests together (the report
// page and the slider moves); the throughput; and the first error
// messages. An error is a transport error, a status other than 2xx or
// 3xx, or a page that lacks what it should show.
//
// StartServer starts a server in this process, wired as `crossroads serve
// --accounts` wires it, on a free port of 127.0.0.1 with a temporary
// SQLite file, or in a new schema of a PostgreSQL database; it counts what
// the server logs at warning level and above.
package loadgen
