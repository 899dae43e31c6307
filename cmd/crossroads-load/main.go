// Command crossroads-load puts a Crossroads web server with accounts under
// the load of simulated people and reports throughput, latency
// percentiles per kind of request, and errors. It talks to this computer
// only (loopback addresses), and every run is bounded in time and in
// requests. Run it with -h for the details.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/crossroads/crossroads/internal/loadgen"
)

// Exit codes.
const (
	exitOK     = 0 // the run saw no error
	exitErrors = 1 // some requests failed, or the server logged errors
	exitUsage  = 2 // wrong flags, or the run could not start
)

const usageText = `Usage: crossroads-load [flags]

Puts a Crossroads web server with accounts under the load of simulated
people, then prints throughput, latency percentiles per kind of request
and the errors. It talks to loopback addresses only (127.0.0.0/8, ::1,
localhost) and refuses any other target; it stops after -duration or
-requests, whichever comes first.

Each simulated person uses the pages as a browser without scripts does
(forms read from the pages, cookies, redirects followed as separate
requests), except for the what-if sliders, which it moves as the report
page's script does (a GET of the report with the sliders' query and
htmx's headers, answered with the results only). A person signs up once,
then visits again and again: sign in, work on two cases, sign out. For
each case the person starts it from the example (first by its button,
then by uploading its case file), reads its report, changes the savings
in the editor and saves, reads the report again, moves a slider 2 to 5
times, and opens the list of cases. Before each step the person pauses
for a random think time between -think-min and -think-max (default 200ms
to 1s: a very quick person; real people read a report for longer), and
the people arrive over the first -think-max. -think 0 removes every
pause, which measures the server at saturation rather than what people
experience.

Without -addr it starts the server itself, in this process, on a free
port of 127.0.0.1, as "crossroads serve --accounts" does: on a new
SQLite file in a temporary directory, or with -database-url
postgres://… in a new schema of that database made for the run; both are
removed at the end.

The request kinds: signup-form, signup, signin-form, signin, home,
new-example, upload, report (the whole report page), edit-form,
edit-save, whatif (a slider move) and signout; "analysis" adds up report
and whatif, the requests that run an analysis. A latency runs from
sending the request to having read the whole response. An error is a
transport error, a status other than 2xx or 3xx, or a page that lacks
what it should show (for the in-process server, an error it logs counts
too). The exit status is 0 with no error, 1 with errors, 2 when the run
could not start.

Flags:
`

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("crossroads-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usageText)
		fs.PrintDefaults()
	}
	var (
		addr     = fs.String("addr", "", "`HOST:PORT` of a running \"crossroads serve --accounts\" on this computer (default: start one in this process)")
		dbURL    = fs.String("database-url", "", "with no -addr: a postgres:// `URL` to run the server on (a new schema is made and dropped); default a temporary SQLite file")
		users    = fs.Int("users", loadgen.DefaultUsers, "simulated people working at once")
		duration = fs.Duration("duration", loadgen.DefaultDuration, "how long the run lasts at most")
		requests = fs.Int("requests", loadgen.DefaultMaxRequests, "how many requests the run makes at most")
		think    = fs.String("think", "", "think time: a fixed `DURATION`, or 0 for none; overrides -think-min and -think-max")
		thinkMin = fs.Duration("think-min", loadgen.DefaultThinkMin, "least pause of a person before each step")
		thinkMax = fs.Duration("think-max", loadgen.DefaultThinkMax, "longest pause of a person before each step")
		timeout  = fs.Duration("timeout", loadgen.DefaultTimeout, "bound on one request")
		seed     = fs.Uint64("seed", 1, "seed of the people's choices (which slider, which value)")
		asJSON   = fs.Bool("json", false, "print the result as JSON")
		cpuProf  = fs.String("cpuprofile", "", "write a CPU profile of this process (the server too, when started here) to `FILE`, for go tool pprof")
	)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "crossroads-load: unexpected argument %q (it takes flags only; see -h)\n", fs.Arg(0))
		return exitUsage
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "crossroads-load: "+format+"\n", a...)
		return exitUsage
	}
	cfg := loadgen.Config{Users: *users, Duration: *duration, MaxRequests: *requests,
		ThinkMin: *thinkMin, ThinkMax: *thinkMax, Timeout: *timeout, Seed: *seed}
	if *think != "" {
		d, err := parseThink(*think)
		if err != nil {
			return usage("-think %q: %v", *think, err)
		}
		cfg.ThinkMin, cfg.ThinkMax = d, d
	}
	if *addr != "" && *dbURL != "" {
		return usage("give -addr (a running server) or -database-url (for a server started here), not both")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var srv *loadgen.Server
	if *addr != "" {
		target, err := loadgen.TargetURL(*addr)
		if err != nil {
			return usage("-addr: %v", err)
		}
		cfg.Target = target
	} else {
		var err error
		if srv, err = loadgen.StartServer(ctx, *dbURL); err != nil {
			return usage("starting the server: %v", err)
		}
		defer func() {
			cctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if err := srv.Close(cctx); err != nil {
				fmt.Fprintf(stderr, "crossroads-load: stopping the server: %v\n", err)
			}
		}()
		cfg.Target = srv.URL
		if !*asJSON {
			fmt.Fprintf(stderr, "Started a server at %s on %s.\n", srv.URL, srv.Database)
		}
	}
	if !*asJSON {
		fmt.Fprintf(stderr, "Running %d people for %s or %d requests…\n", cfg.Users, cfg.Duration, cfg.MaxRequests)
	}
	if *cpuProf != "" {
		f, err := os.Create(*cpuProf)
		if err != nil {
			return usage("-cpuprofile: %v", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return usage("-cpuprofile: %v", err)
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	loadBefore, cpuBefore := loadAverage(), processCPU()
	res, err := loadgen.Run(ctx, cfg)
	if err != nil {
		return usage("%v", err)
	}
	res.ProcessCPU = float64((processCPU() - cpuBefore).Milliseconds()) / 1000
	res.LoadBefore, res.LoadAfter = loadBefore, loadAverage()
	if srv != nil {
		res.Database = srv.Database
		res.ServerErrors, res.ServerMessages = srv.LoggedErrors()
	}
	if *asJSON {
		err = res.WriteJSON(stdout)
	} else {
		err = res.WriteTable(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "crossroads-load: %v\n", err)
		return exitErrors
	}
	if res.Failed() {
		return exitErrors
	}
	return exitOK
}

// parseThink reads -think: a duration, or a bare 0.
func parseThink(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "0" {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, errors.New("write a duration such as 500ms, or 0 for no pause")
	}
	if d < 0 {
		return 0, errors.New("a pause cannot be negative")
	}
	return d, nil
}
