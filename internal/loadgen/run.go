package loadgen

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults of a run.
const (
	DefaultUsers       = 50
	DefaultDuration    = 30 * time.Second
	DefaultMaxRequests = 20000
	DefaultThinkMin    = 200 * time.Millisecond
	DefaultThinkMax    = time.Second
	DefaultTimeout     = 30 * time.Second
)

// Limits on a run's bounds, so that a typing error cannot start a run
// that never ends.
const (
	MaxUsers       = 2000
	MaxDuration    = time.Hour
	MaxRequestsCap = 10_000_000
)

// Config is a run: how many people, for how long, how fast.
type Config struct {
	// Target is the server's base URL, such as "http://127.0.0.1:8080"
	// (see TargetURL); it must be on a loopback address.
	Target string
	// Users is the number of simulated people working at once.
	Users int
	// Duration and MaxRequests bound the run: it stops starting requests
	// at whichever comes first, lets those in flight finish, and ends.
	Duration    time.Duration
	MaxRequests int
	// ThinkMin and ThinkMax bound the pause of a person before each step
	// (a uniform random draw); both 0 means no pause at all.
	ThinkMin, ThinkMax time.Duration
	// Timeout bounds one request.
	Timeout time.Duration
	// Seed makes the people's choices (which slider, which value)
	// repeatable; the timing never is.
	Seed uint64
}

// check checks the bounds of c.
func (c *Config) check() error {
	if _, err := TargetURL(c.Target); err != nil {
		return err
	}
	switch {
	case c.Users < 1 || c.Users > MaxUsers:
		return fmt.Errorf("users: %d; give 1 to %d", c.Users, MaxUsers)
	case c.Duration <= 0 || c.Duration > MaxDuration:
		return fmt.Errorf("duration: %s; give more than 0 and at most %s", c.Duration, MaxDuration)
	case c.MaxRequests < 1 || c.MaxRequests > MaxRequestsCap:
		return fmt.Errorf("requests: %d; give 1 to %d", c.MaxRequests, MaxRequestsCap)
	case c.ThinkMin < 0 || c.ThinkMax < c.ThinkMin:
		return fmt.Errorf("think time %s to %s: the least must be 0 or more and not above the most", c.ThinkMin, c.ThinkMax)
	case c.ThinkMax > time.Minute:
		return fmt.Errorf("think time %s: at most a minute", c.ThinkMax)
	case c.Timeout <= 0:
		return fmt.Errorf("timeout: %s; give more than 0", c.Timeout)
	}
	return nil
}

// run is the state of a run shared by its people.
type run struct {
	cfg  Config
	base string
	id   string // makes the run's accounts unique on a server used before
	rec  *recorder

	requests  atomic.Int64
	visits    atomic.Int64
	stop      chan struct{}
	stopOnce  sync.Once
	stoppedBy string
	// reqCtx is the context of every request: it ends only when the run
	// is interrupted, so that requests in flight at the end finish and
	// count.
	reqCtx context.Context
}

// take reserves one request; false when the run is over (its time is up,
// its requests are used up, or it was interrupted).
func (r *run) take() bool {
	if r.stopped() {
		return false
	}
	if r.requests.Add(1) > int64(r.cfg.MaxRequests) {
		r.end("requests")
		return false
	}
	return true
}

// end stops the run, for the given reason; the first reason stays.
func (r *run) end(reason string) {
	r.stopOnce.Do(func() {
		r.stoppedBy = reason
		close(r.stop)
	})
}

func (r *run) stopped() bool {
	select {
	case <-r.stop:
		return true
	default:
		return false
	}
}

// Run runs the simulated people against the server at cfg.Target until
// cfg.Duration has passed or cfg.MaxRequests requests were made, or ctx
// ends (which also abandons the requests in flight), and returns the
// figures. An error means the run could not start; errors of requests are
// in the Result.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	base, _ := TargetURL(cfg.Target)
	idb := make([]byte, 4)
	_, _ = rand.Read(idb)
	reqCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	r := &run{cfg: cfg, base: base, id: hex.EncodeToString(idb), rec: newRecorder(), stop: make(chan struct{}), reqCtx: reqCtx}

	transport := newTransport(cfg.Users)
	defer transport.CloseIdleConnections()
	start := time.Now()
	timer := time.AfterFunc(cfg.Duration, func() { r.end("duration") })
	defer timer.Stop()
	go func() {
		select {
		case <-ctx.Done():
			r.end("interrupted")
		case <-r.stop:
		}
	}()
	var wg sync.WaitGroup
	for i := range cfg.Users {
		p := newPerson(r, i, transport)
		wg.Go(func() {
			// People arrive over the first think time, not all at once.
			if cfg.ThinkMax > 0 {
				t := time.NewTimer(time.Duration(p.rng.Int64N(int64(cfg.ThinkMax))))
				select {
				case <-t.C:
				case <-r.stop:
					t.Stop()
					return
				}
			}
			p.live()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	r.end("duration")

	res := r.rec.result()
	res.Target = base
	res.Users = cfg.Users
	res.DurationLimit = cfg.Duration.String()
	res.RequestLimit = cfg.MaxRequests
	res.Stopped = r.stoppedBy
	res.ThinkMin, res.ThinkMax = cfg.ThinkMin.String(), cfg.ThinkMax.String()
	res.Elapsed = float64(elapsed.Round(time.Millisecond)) / float64(time.Second)
	if elapsed > 0 {
		res.Throughput = float64(int(float64(res.Requests)/elapsed.Seconds()*10)) / 10
	}
	res.Visits = int(r.visits.Load())
	return res, nil
}

// Failed reports whether the run saw any error: of a request, or logged
// by the server it started.
func (res *Result) Failed() bool { return res.Errors > 0 || res.ServerErrors > 0 }
