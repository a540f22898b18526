package flows

import (
	"context"
	"slices"
	"time"

	"github.com/stripe/stripe-go/v82"

	"onboard/schema"
)

// Summary is one line of the account list: enough to triage.
type Summary struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Country  string    `json:"country"`
	Type     string    `json:"business_type"`
	State    string    `json:"state"`
	Deadline time.Time `json:"-"`
	// DeadlineJSON is the deadline in RFC 3339, or null.
	DeadlineJSON *time.Time `json:"current_deadline"`
	PastDue      int        `json:"past_due"`
	CurrentlyDue int        `json:"currently_due"`
}

// ListOptions filters the account list.
type ListOptions struct {
	// State keeps only accounts in this state (State's names); "" keeps all.
	State string
	// Limit stops after this many matching accounts; 0 means all.
	Limit int
}

// Accounts lists connected accounts, every page, with their state,
// sorted for triage: past due first, then by nearest deadline, then newest.
func (c *Client) Accounts(ctx context.Context, o ListOptions) ([]Summary, error) {
	var out []Summary
	err := c.api.ListAccounts(ctx, func(sa *stripe.Account) bool {
		s := summarize(sa)
		if o.State == "" || s.State == o.State {
			out = append(out, s)
		}
		return o.Limit == 0 || len(out) < o.Limit
	})
	if err != nil {
		return out, FromStripe(err, "")
	}
	slices.SortStableFunc(out, func(a, b Summary) int {
		if (a.PastDue > 0) != (b.PastDue > 0) {
			if a.PastDue > 0 {
				return -1
			}
			return 1
		}
		switch {
		case a.Deadline.Equal(b.Deadline):
			return 0
		case a.Deadline.IsZero():
			return 1
		case b.Deadline.IsZero():
			return -1
		case a.Deadline.Before(b.Deadline):
			return -1
		}
		return 1
	})
	return out, nil
}

func summarize(sa *stripe.Account) Summary {
	a := Normalize(sa)
	s := Summary{ID: a.ID, Name: displayName(sa), Country: a.Country, Type: a.BusinessType, State: State(a),
		Deadline: a.Requirements.CurrentDeadline, PastDue: len(a.Requirements.PastDue), CurrentlyDue: len(a.Requirements.CurrentlyDue)}
	if !s.Deadline.IsZero() {
		d := s.Deadline
		s.DeadlineJSON = &d
	}
	return s
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
