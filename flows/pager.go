package flows

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Listing every account of a platform one page after another costs one
// round trip per 100 accounts: 10,000 accounts 100-300 ms away from Stripe
// take 11-32 s. The pager below splits the list into windows of creation
// time and pages them concurrently, paced under Stripe's documented rate
// limits, handing each page to the caller as it arrives so nothing but the
// caller's own summaries stays in memory.

// Stripe's documented rate limits (docs.stripe.com/rate-limits): the
// global limiter allows 25 operations per second in test mode (sandboxes)
// and 100 in live mode, and "API endpoints have a default limit of 25
// requests per second" on top of it. Listing accounts is one endpoint
// (GET /v1/accounts), so its pace is the lesser of the two.
const (
	TestModeRate = 25
	LiveModeRate = 100
	EndpointRate = 25
)

// rateMargin keeps the pace a tenth below the limit: requests sent
// evenly arrive unevenly (the network and the server's queue bunch them),
// and Stripe counts arrivals; a 429 costs a second's pause, far more than
// the margin. Stripe's support also asks bulk readers to keep below the
// maximum so that live traffic still gets through.
const rateMargin = 0.9

// ListRate is the pace, in requests per second, at which accounts are
// listed with a key of that mode.
func ListRate(live bool) float64 {
	if live {
		return rateMargin * min(LiveModeRate, EndpointRate)
	}
	return rateMargin * min(TestModeRate, EndpointRate)
}

// WithListPace sets how the account list is read: at most rate requests
// per second (0: no pacing, for the in-process sandbox) over at most
// workers connections at a time (0: enough to keep the pace 300 ms away).
func WithListPace(rate float64, workers int) Option {
	return func(c *Client) { c.listRate, c.listWorkers = rate, workers }
}

// ListProgress is how far a listing has come.
type ListProgress struct {
	Pages    int `json:"pages"`
	Accounts int `json:"accounts"`
	// Throttled counts the answers 429 (too many requests) that slowed
	// the pace down.
	Throttled int `json:"throttled"`
}

// pageTask is one window of the list: created in [gte, lt) (0 leaves a
// side open), continuing after the account after.
type pageTask struct {
	gte, lt int64
	after   string
}

type pageResult struct {
	task pageTask
	list AccountsPage
	err  error
}

// splitPages is how many pages' worth of accounts, at the density of the
// page just read, each window cut from a window open to the past holds.
const splitPages = 8

// minSplitPages is the fewest pages each half of a split window should
// hold.
const minSplitPages = 3

// maxThrottled bounds the 429s one page may meet before the listing gives
// up (each one slows the pace further).
const maxThrottled = 8

// pager lists accounts over concurrent windows.
type pager struct {
	api     API
	pace    *pacer
	workers int
}

// workersFor is the number of concurrent requests that keeps up rate
// requests per second when each takes up to 300 ms.
func workersFor(rate float64) int {
	if rate <= 0 {
		return 4
	}
	return max(4, int(rate*0.3+0.5))
}

// list calls page with every page of accounts (from one goroutine, the
// caller's), and progress after each. A window is split when it proves
// dense (a full page with more behind it) and fewer windows than workers
// are open, so the workers stay busy to the end without requesting empty
// windows up front. With one worker it is plain sequential paging.
func (p *pager) list(ctx context.Context, page func([]Summary), progress func(ListProgress)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	todo := make(chan pageTask, p.workers)
	results := make(chan pageResult, p.workers)
	var wg sync.WaitGroup
	for range p.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range todo {
				list, err := p.fetch(ctx, t)
				results <- pageResult{task: t, list: list, err: err}
			}
		}()
	}
	defer func() {
		cancel() // stop requests still running after a failure
		close(todo)
		// Drain so no worker blocks on a result nobody reads.
		go func() {
			for range results {
			}
		}()
		wg.Wait()
		close(results)
	}()

	queue := []pageTask{{}}
	inflight := 0
	var prog ListProgress
	for {
		for len(queue) > 0 && inflight < p.workers {
			todo <- queue[0]
			queue, inflight = queue[1:], inflight+1
		}
		if inflight == 0 {
			return nil
		}
		var r pageResult
		select {
		case r = <-results:
		case <-ctx.Done():
			return ctx.Err()
		}
		inflight--
		if r.err != nil {
			return r.err
		}
		data := r.list.Accounts
		prog.Pages++
		prog.Accounts += len(data)
		prog.Throttled = p.pace.throttledCount()
		if len(data) > 0 {
			page(data)
		}
		if progress != nil {
			progress(prog)
		}
		if !r.list.HasMore || len(data) == 0 {
			continue
		}
		first, last := data[0], data[len(data)-1]
		next := pageTask{gte: r.task.gte, lt: r.task.lt, after: last.ID}
		if room := p.workers - (inflight + len(queue) + 1); room > 0 {
			if cuts := splitPoints(r.task.gte, first.Created, last.Created, len(data), room); len(cuts) > 0 {
				// The window continues after the cursor above the first
				// cut; each span between cuts, and below the last one, is
				// a new window read from its newest account.
				next.gte = cuts[0]
				queue = append(queue, next)
				for i, c := range cuts {
					lo := r.task.gte
					if i+1 < len(cuts) {
						lo = cuts[i+1]
					}
					queue = append(queue, pageTask{gte: lo, lt: c})
				}
				continue
			}
		}
		queue = append(queue, next)
	}
}

// splitPoints says where to cut a window whose page ran from created
// first down to last (n accounts) with more behind it, and whose floor is
// gte, into at most room more windows: cut times, newest first, each with
// gte < cut <= last, or none when the rest is too thin to be worth it
// (every window ends on a partial page, so fewer, longer windows waste
// fewer requests).
func splitPoints(gte, first, last int64, n, room int) []int64 {
	span := max(first-last, 1)
	var cuts []int64
	if gte == 0 {
		// Open to the past: windows of about splitPages pages each at this
		// page's density, all started at once so the workers fill up in one
		// round trip; whatever is older is the last, open, window.
		for i := 1; i <= room; i++ {
			c := last - span*splitPages*int64(i)
			if c <= 0 {
				break
			}
			cuts = append(cuts, c)
		}
		return cuts
	}
	// Bounded: estimate what is left from the page's density and cut it in
	// equal parts of at least minSplitPages pages.
	left := (last - gte + 1) * int64(n) / span
	parts := min(int64(room)+1, left/(minSplitPages*int64(n)))
	if parts < 2 || last-gte+1 < parts {
		return nil
	}
	step := (last - gte + 1) / parts
	for i := int64(1); i < parts; i++ {
		cuts = append(cuts, last+1-step*i)
	}
	return cuts
}

// fetch reads one page, paced. A 429 slows the pace down: the request
// policy (policy.go) retries it and reports each one through the
// context; without the policy (a bare client) fetch asks again itself.
// Other failures are the policy's to retry: fetch returns them.
func (p *pager) fetch(ctx context.Context, t pageTask) (AccountsPage, error) {
	q := AccountsQuery{CreatedGTE: t.gte, CreatedLT: t.lt, StartingAfter: t.after, Limit: 100}
	var seen atomic.Int64
	ctx = onThrottled(ctx, func() { seen.Add(1); p.pace.throttled() })
	for throttled := 0; ; throttled++ {
		if err := p.pace.wait(ctx); err != nil {
			return AccountsPage{}, err
		}
		before := seen.Load()
		list, err := p.api.ListAccountsPage(ctx, q)
		var ae *APIError
		if err == nil || !errors.As(err, &ae) || ae.Status != http.StatusTooManyRequests || throttled >= maxThrottled {
			return list, err
		}
		if seen.Load() == before {
			p.pace.throttled() // no policy saw this one
		}
	}
}

// throttleKey carries, on a request's context, what to call when Stripe
// answers it 429.
type throttleKey struct{}

// onThrottled returns ctx with f to call on each 429 its requests meet.
func onThrottled(ctx context.Context, f func()) context.Context {
	return context.WithValue(ctx, throttleKey{}, f)
}

// noteThrottled tells a request's caller that Stripe answered 429 (the
// request policy calls it before it retries).
func noteThrottled(ctx context.Context) {
	if f, ok := ctx.Value(throttleKey{}).(func()); ok {
		f()
	}
}

// pacer spaces requests at least interval apart across goroutines; with
// no interval it lets every request through until Stripe throttles.
type pacer struct {
	mu       sync.Mutex
	interval time.Duration
	next     time.Time
	count429 int
}

func newPacer(rate float64) *pacer {
	if rate <= 0 {
		return &pacer{}
	}
	return &pacer{interval: time.Duration(float64(time.Second) / rate)}
}

// wait blocks until the caller's turn.
func (p *pacer) wait(ctx context.Context) error {
	p.mu.Lock()
	now := time.Now()
	at := p.next
	if at.Before(now) {
		at = now
	}
	p.next = at.Add(p.interval)
	p.mu.Unlock()
	if d := time.Until(at); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return ctx.Err()
}

// throttled is Stripe saying the pace is too fast: slow down by a fifth
// for the rest of the listing, and let a second pass (Stripe counts
// requests per second) before the next request.
func (p *pacer) throttled() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.count429++
	if p.interval == 0 {
		// Unpaced and still throttled: pace at the test-mode rate.
		p.interval = time.Second / TestModeRate
	}
	p.interval = p.interval * 5 / 4
	if resume := time.Now().Add(time.Second); p.next.Before(resume) {
		p.next = resume
	}
}

func (p *pacer) throttledCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.count429
}
