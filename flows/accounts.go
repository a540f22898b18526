package flows

import (
	"cmp"
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"onboard/schema"
)

// Summary is one line of the account list: enough to triage, and nothing
// sensitive (it is what the triage cache keeps on disk).
type Summary struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Email    string    `json:"email,omitempty"`
	Country  string    `json:"country"`
	Type     string    `json:"business_type"`
	State    string    `json:"state"`
	Deadline time.Time `json:"-"`
	// DeadlineJSON is the deadline in RFC 3339, or null.
	DeadlineJSON *time.Time `json:"current_deadline"`
	PastDue      int        `json:"past_due"`
	CurrentlyDue int        `json:"currently_due"`
	// Errors counts failed verifications (requirements.errors);
	// ErrorCode is the first one's code (Reason says it in words).
	Errors    int    `json:"errors"`
	ErrorCode string `json:"error_code,omitempty"`
	// People are the names and emails of the account's people the list
	// shows (its individual), for search: nothing else of them.
	People []string `json:"people,omitempty"`
	// Metadata is the account's metadata as listed (a batch finds its
	// rows' accounts by it); not part of the list's JSON.
	Metadata map[string]string `json:"-"`
	// Created is when the account was created (Unix seconds).
	Created int64 `json:"created"`
	// StripeCollects marks an Express or Standard account: Stripe
	// collects its requirements (schema.Account.StripeCollects).
	StripeCollects bool `json:"stripe_collects,omitempty"`
}

// ListOptions filters the account list.
type ListOptions struct {
	// State keeps only accounts in this state (State's names); "" keeps all.
	State string
	// Limit keeps the Limit most urgent accounts of all; 0 keeps every one.
	Limit int
	// Progress, when set, is called after each page read.
	Progress func(ListProgress)
}

// Accounts lists every connected account with its state, most urgent
// first (see Urgency). The list is read over concurrent windows at the
// client's pace (WithListPace); each page is summarized as it arrives, and
// with a Limit only the Limit most urgent summaries are kept (a heap), so
// memory stays bounded whatever the platform's size.
func (c *Client) Accounts(ctx context.Context, o ListOptions) ([]Summary, error) {
	keep := newTopN(o.Limit)
	p := &pager{api: c.api, pace: newPacer(c.listRate), workers: cmp.Or(c.listWorkers, workersFor(c.listRate))}
	err := p.list(ctx, func(page []Summary) {
		for _, s := range page {
			if MatchState(s, o.State) {
				keep.add(s)
			}
		}
	}, o.Progress)
	if err != nil {
		return nil, FromStripe(err, "")
	}
	return keep.sorted(), nil
}

// SummaryOf reads one account and summarizes it as the list does (a
// webhook says an account changed: its line in the triage cache follows).
func (c *Client) SummaryOf(ctx context.Context, id string) (Summary, error) {
	s, err := c.api.GetSummary(ctx, id)
	if err != nil {
		return Summary{}, FromStripe(err, "")
	}
	return s, nil
}

// MatchState says whether a summary passes a --state filter (ParseState's
// result; "" passes all). StateFailedVerification is not a state of its
// own: it keeps every account with a failed verification, whatever its
// state.
func MatchState(s Summary, state string) bool {
	switch state {
	case "":
		return true
	case StateFailedVerification:
		return s.Errors > 0
	}
	return s.State == state
}

// Reason says in a few words why an account is listed where it is: its
// failed verification (the first error's code in words), its fields past
// due or due now, or "" when nothing is asked. The deadline has its own
// column.
func Reason(s Summary, lang schema.Lang) string {
	switch {
	case s.Errors > 0:
		r := StateLabel(StateFailedVerification, lang) // a line cached before codes were kept
		if s.ErrorCode != "" {
			why := strings.TrimSuffix(schema.ExplainError(s.ErrorCode, lang), ".")
			if r := []rune(why); len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) { // "The…", not "ID…"
				why = string(unicode.ToLower(r[0])) + string(r[1:])
			}
			r = fmt.Sprintf(txtReasonFailed.In(lang), why)
		}
		if s.Errors > 1 {
			r += fmt.Sprintf(schema.Plural(lang, s.Errors-1, txtReasonMore1, txtReasonMore), s.Errors-1)
		}
		return r
	case s.PastDue > 0 && s.State != StateNew:
		return fmt.Sprintf(schema.Plural(lang, s.PastDue, txtReasonPastDue1, txtReasonPastDue), s.PastDue)
	case s.CurrentlyDue > 0:
		return fmt.Sprintf(schema.Plural(lang, s.CurrentlyDue, txtReasonDue1, txtReasonDue), s.CurrentlyDue)
	}
	return ""
}

var (
	txtReasonFailed   = schema.T("verification failed: %s")
	txtReasonMore     = schema.T(" (+%d more)")
	txtReasonMore1    = schema.TC("one", " (+%d more)")
	txtReasonPastDue  = schema.T("%d fields past due")
	txtReasonPastDue1 = schema.T("%d field past due")
	txtReasonDue      = schema.T("%d fields due")
	txtReasonDue1     = schema.T("%d field due")
)
