package flows

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/stripe/stripe-go/v82"

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
	err := p.list(ctx, func(page []*stripe.Account) {
		for _, sa := range page {
			if s := summarize(sa); MatchState(s, o.State) {
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
	sa, err := c.api.GetAccount(ctx, id)
	if err != nil {
		return Summary{}, FromStripe(err, "")
	}
	return summarize(sa), nil
}

func summarize(sa *stripe.Account) Summary {
	a := Normalize(sa)
	s := Summary{ID: a.ID, Name: displayName(sa), Email: sa.Email, Country: a.Country, Type: a.BusinessType,
		State: ListState(a), Deadline: a.Requirements.CurrentDeadline, PastDue: len(a.Requirements.PastDue),
		CurrentlyDue: len(a.Requirements.CurrentlyDue), Errors: len(a.Requirements.Errors), Created: sa.Created,
		StripeCollects: a.StripeCollects}
	s.People = people(sa)
	if len(a.Requirements.Errors) > 0 {
		s.ErrorCode = a.Requirements.Errors[0].Code
	}
	if !s.Deadline.IsZero() {
		d := s.Deadline
		s.DeadlineJSON = &d
	}
	return s
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

// people are the names and emails of the people the listed account holds
// (its individual; a company's persons are not in the list), each once.
func people(a *stripe.Account) []string {
	var out []string
	if p := a.Individual; p != nil {
		n := schema.Person{FirstName: p.FirstName, LastName: p.LastName}.Name()
		for _, v := range []string{n, p.Email} {
			if v = strings.TrimSpace(v); v != "" && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// displayName is the best name an account has: its public business name,
// its company's legal name, or its individual's name.
func displayName(a *stripe.Account) string {
	switch {
	case a.BusinessProfile != nil && a.BusinessProfile.Name != "":
		return a.BusinessProfile.Name
	case a.Company != nil && a.Company.Name != "":
		return a.Company.Name
	case a.Individual != nil && (a.Individual.FirstName != "" || a.Individual.LastName != ""):
		p := schema.Person{FirstName: a.Individual.FirstName, LastName: a.Individual.LastName}
		return p.Name()
	case a.Email != "":
		return a.Email
	}
	return ""
}
