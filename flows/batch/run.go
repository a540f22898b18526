package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/schema"
)

// MetaKey is the metadata key under which an account created by a batch
// holds its batch and row ("<batch id>/<row key>"): a rerun whose journal
// lost the create finds the account by it.
const MetaKey = "onboard_batch_key"

// Statuses of a row.
const (
	StatusDone    = "done"    // nothing the strategy collects is due
	StatusDue     = "due"     // ran; fields are still due
	StatusFailed  = "failed"  // a request failed
	StatusInvalid = "invalid" // the row was refused before any request
	StatusNotRun  = "not_run" // the run was interrupted first
)

var statusTexts = map[string]schema.Text{
	StatusDone:    schema.T("done"),
	StatusDue:     schema.T("still due"),
	StatusFailed:  schema.T("failed"),
	StatusInvalid: schema.T("invalid row"),
	StatusNotRun:  schema.T("not run"),
}

// StatusText is a status in lang.
func StatusText(s string, lang schema.Lang) string {
	if t, ok := statusTexts[s]; ok {
		return t.In(lang)
	}
	return s
}

// Result is one row's outcome. It holds no answer.
type Result struct {
	Row     int    `json:"row"`
	Key     string `json:"key"`
	Account string `json:"account,omitempty"`
	Status  string `json:"status"`
	// State is the account's state (flows.ListState's names).
	State string `json:"state,omitempty"`
	// Due lists what is still due after the run.
	Due []string `json:"due,omitempty"`
	// Column and Reason say why a row failed or was refused.
	Column string `json:"column,omitempty"`
	Reason string `json:"reason,omitempty"`
	// Earlier marks a row an earlier run finished (the journal says so).
	Earlier bool `json:"earlier,omitempty"`
}

// Counts is how far a batch has come.
type Counts struct {
	Total, Done, Due, Failed, Running int
}

// Finished is the rows with an outcome.
func (c Counts) Finished() int { return c.Done + c.Due + c.Failed }

// Config is what a run needs.
type Config struct {
	Client *flows.Client
	// Batch is the batch's id (ID) and Journal the journal's path.
	Batch, Journal string
	// Workers is how many rows run at once (the pacer under the client
	// keeps their requests within the rate limit).
	Workers int
	// Confirmed says the operator confirmed the batch on a live key:
	// each row's changes then go ahead for its country.
	Confirmed bool
	// OnChange is called, one call at a time, when a row starts or ends.
	OnChange func(Counts, *Result)
	// Stop, when closed, starts no further row; the rows in flight
	// finish (an interrupt through the context stops them too).
	Stop <-chan struct{}
	// Log, when set, receives each row's steps as `new --answers` prints
	// them (no values).
	Log io.Writer
}

// Run runs every row and returns their results in row order. Invalid rows
// are reported without a request. An interrupt (ctx) stops starting
// rows; rows in flight end as their journeys do. The error is a journal
// that could not be written (the run stops then: a row it cannot record
// might be created twice).
func Run(ctx context.Context, rows []Row, cfg Config) ([]Result, error) {
	j, err := openJournal(cfg.Journal)
	if err != nil {
		return nil, fmt.Errorf("journal %s: %w", cfg.Journal, err)
	}
	defer func() { _ = j.Close() }()
	r := &runner{cfg: cfg, j: j, lang: cfg.Client.Lang()}
	results := make([]Result, len(rows))
	counts := Counts{Total: len(rows)}
	var mu sync.Mutex
	note := func(i int, start bool) {
		mu.Lock()
		defer mu.Unlock()
		if start {
			counts.Running++
		} else {
			switch results[i].Status {
			case StatusDone:
				counts.Done++
			case StatusDue:
				counts.Due++
			default:
				counts.Failed++
			}
		}
		if cfg.OnChange != nil {
			res := results[i]
			cfg.OnChange(counts, &res)
		}
	}
	todo := make(chan int)
	var wg sync.WaitGroup
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	var fatal error
	var fatalOnce sync.Once
	for range max(cfg.Workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range todo {
				results[i] = Result{Row: rows[i].N, Key: rows[i].Key}
				note(i, true)
				res, err := r.one(runCtx, rows[i])
				results[i] = res
				mu.Lock()
				counts.Running--
				mu.Unlock()
				note(i, false)
				if err != nil {
					fatalOnce.Do(func() { fatal = err; stop() })
				}
			}
		}()
	}
	// Invalid rows first: they are known before any request.
	for i, row := range rows {
		if row.Err != nil {
			results[i] = r.invalid(row)
			note(i, false)
		}
	}
	sent := map[int]bool{}
feed:
	for i, row := range rows {
		if row.Err != nil {
			continue
		}
		select {
		case todo <- i:
			sent[i] = true
		case <-runCtx.Done():
			break feed
		case <-cfg.Stop:
			break feed
		}
	}
	close(todo)
	wg.Wait()
	for i, row := range rows {
		if row.Err == nil && !sent[i] {
			results[i] = Result{Row: row.N, Key: row.Key, Status: StatusNotRun}
			if e, ok := j.Last(row.Key); ok {
				results[i].Account = e.Account
			}
		}
	}
	return results, fatal
}

type runner struct {
	cfg  Config
	j    *journal
	lang schema.Lang

	tagOnce sync.Once
	tagged  map[string][]string
	tagErr  error
}

func (r *runner) invalid(row Row) Result {
	return Result{Row: row.N, Key: row.Key, Status: StatusInvalid, Column: row.Err.Column, Reason: row.Err.Msg}
}

// createKey is the idempotency key of a row's create: the batch, the row,
// nothing else, so the create sent again by any later run (after a crash
// before the journal learnt the account) returns the same account
// (https://docs.stripe.com/api/idempotent_requests: a key is kept at
// least 24 hours; past that the account's metadata finds it).
func createKey(batch, key string) string {
	sum := sha256.Sum256([]byte(batch + "\x00" + key))
	return "onboard-batch-" + batch + "-" + hex.EncodeToString(sum[:])[:24] + "-create"
}

// one runs a row. The error is the journal's: the run must stop.
func (r *runner) one(ctx context.Context, row Row) (Result, error) {
	cl := r.cfg.Client
	res := Result{Row: row.N, Key: row.Key}
	fail := func(err error) (Result, error) {
		res.Status = StatusFailed
		res.Reason = row.Scrub(flows.ErrorLine(err))
		var ie *flows.InputError
		if errors.As(err, &ie) {
			if e := row.invalid(err, r.lang).Err; e != nil {
				res.Status, res.Column, res.Reason = StatusInvalid, e.Column, e.Msg
			}
		}
		return res, r.j.Write(Entry{Key: row.Key, Event: evFailed, Account: res.Account, At: time.Now().UTC()})
	}
	prev, _ := r.j.Last(row.Key)
	if prev.Event == evDone && (row.Account == "" || row.Account == prev.Account) {
		res.Status, res.Account, res.State, res.Earlier = StatusDone, prev.Account, prev.State, true
		return res, nil
	}
	id := row.Account
	if id == "" {
		id = prev.Account
	}
	if id == "" && prev.Sent {
		// A create was sent and its answer never recorded: the account
		// may exist, tagged with the row.
		found, err := r.find(ctx, row.Key)
		if err != nil {
			return fail(err)
		}
		id = found
	}
	// On a live key the operator confirmed the whole batch: each change
	// goes ahead for the account's own country.
	confirm := func(country string) {
		if r.cfg.Confirmed && cl.Live() {
			ctx = flows.WithConfirmation(ctx, country)
		}
	}
	var acct schema.Account
	var err error
	if id == "" {
		if err := r.j.Write(Entry{Key: row.Key, Event: evCreate, Sent: true, At: time.Now().UTC()}); err != nil {
			return res, err
		}
		confirm(row.Setup.Country)
		n := row.Setup
		n.Metadata = map[string]string{MetaKey: r.cfg.Batch + "/" + row.Key}
		n.IdempotencyKey = createKey(r.cfg.Batch, row.Key)
		if acct, err = cl.Create(ctx, n); err != nil {
			return fail(err)
		}
		res.Account = acct.ID
		if err := r.j.Write(Entry{Key: row.Key, Event: evAccount, Account: acct.ID, At: time.Now().UTC()}); err != nil {
			return res, err
		}
	} else {
		res.Account = id
		if acct, err = cl.Load(ctx, id); err != nil {
			return fail(err)
		}
		confirm(acct.Country)
		if prev.Account != id {
			if err := r.j.Write(Entry{Key: row.Key, Event: evAccount, Account: id, At: time.Now().UTC()}); err != nil {
				return res, err
			}
		}
		if c := row.Answers.Setup.Country; c != "" && !strings.EqualFold(c, acct.Country) {
			return fail(fmt.Errorf(schema.T("the row is for an account in %s, and %s is in %s; nothing was sent").In(r.lang), strings.ToUpper(c), acct.ID, acct.Country))
		}
		if bt := row.Answers.Setup.BusinessType; bt != "" && acct.BusinessType != "" && bt != acct.BusinessType {
			return fail(fmt.Errorf(schema.T("the row has business_type %s, and %s is of type %s; nothing was sent").In(r.lang), bt, acct.ID, acct.BusinessType))
		}
		if acct.StripeCollects {
			return fail(errors.New(flows.Explain(acct, r.lang)))
		}
		if e := row.Validate(cl.Context(acct)); e != nil {
			res.Status, res.Column, res.Reason = StatusInvalid, e.Column, e.Msg
			return res, r.j.Write(Entry{Key: row.Key, Event: evFailed, Account: id, At: time.Now().UTC()})
		}
	}
	log := r.cfg.Log
	if log == nil {
		log = io.Discard
	}
	rep, err := answers.RunJourney(ctx, cl.Journey(acct, row.Strategy), row.Answers, log)
	res.State = flows.ListState(rep.Account)
	if err != nil {
		return fail(err)
	}
	res.Due = rep.Outstanding
	ev := evDone
	res.Status = StatusDone
	if len(res.Due) > 0 {
		ev, res.Status = evDue, StatusDue
	}
	return res, r.j.Write(Entry{Key: row.Key, Event: ev, Account: res.Account, State: res.State, At: time.Now().UTC()})
}

// find looks for the account a row created, by its metadata: the
// platform's accounts are listed once per run, at the first row that
// needs it.
func (r *runner) find(ctx context.Context, key string) (string, error) {
	r.tagOnce.Do(func() { r.tagged, r.tagErr = r.cfg.Client.AccountsTagged(ctx, MetaKey) })
	if r.tagErr != nil {
		return "", r.tagErr
	}
	ids := r.tagged[r.cfg.Batch+"/"+key]
	if len(ids) == 0 {
		return "", nil
	}
	sort.Strings(ids)
	return ids[0], nil
}
