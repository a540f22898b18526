package flows

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/stripe/stripe-go/v82"

	"onboard/schema"
)

// loadPersons lists a company's people. Individual accounts have none
// (their person is the account's individual hash).
func (c *Client) loadPersons(ctx context.Context, a *schema.Account) error {
	if a.BusinessType == "" || a.BusinessType == "individual" {
		return nil
	}
	ps, err := c.api.ListPersons(ctx, a.ID)
	if err != nil {
		return FromStripe(err, a.Country)
	}
	a.Persons = nil
	for _, p := range ps {
		a.Persons = append(a.Persons, normalizePerson(p))
		personKnown(p, a.Known, a.Provided)
	}
	sortPersons(a.Persons)
	return nil
}

// sortPersons puts people oldest first: Stripe lists them newest first,
// and owners.0 must keep naming the first owner added as more are added.
// Within one second (creation times are in seconds) the reversed list
// order decides.
func sortPersons(ps []schema.Person) {
	slices.Reverse(ps)
	slices.SortStableFunc(ps, func(x, y schema.Person) int { return x.Created.Compare(y.Created) })
}

func normalizePerson(p *stripe.Person) schema.Person {
	out := schema.Person{ID: p.ID, FirstName: p.FirstName, LastName: p.LastName, Email: p.Email,
		Created: time.Unix(p.Created, 0).UTC()}
	if r := p.Relationship; r != nil {
		out.Title, out.PercentOwnership = r.Title, r.PercentOwnership
		for role, on := range map[string]bool{schema.RoleRepresentative: r.Representative, schema.RoleOwner: r.Owner,
			schema.RoleDirector: r.Director, schema.RoleExecutive: r.Executive} {
			if on {
				out.Roles = append(out.Roles, role)
			}
		}
		sortStrings(out.Roles)
	}
	if v := p.Verification; v != nil {
		out.Verification = string(v.Status)
	}
	if r := p.Requirements; r != nil {
		out.Requirements = schema.Requirements{CurrentlyDue: nonNil(r.CurrentlyDue), EventuallyDue: nonNil(r.EventuallyDue),
			PastDue: nonNil(r.PastDue), PendingVerification: nonNil(r.PendingVerification)}
	}
	return out
}

// sendPersons creates or updates each person named in ps (grouped by
// person prefix): person_<id> updates that person; a role prefix
// (representative, owners.1) updates the Nth person holding the role, or
// creates one with the role when there is none yet.
func (c *Client) sendPersons(ctx context.Context, a schema.Account, ps []schema.Param, key string) error {
	byPrefix := map[string][]schema.Param{}
	var order []string
	for _, p := range ps {
		if _, ok := byPrefix[p.Person]; !ok {
			order = append(order, p.Person)
		}
		byPrefix[p.Person] = append(byPrefix[p.Person], p)
	}
	for _, prefix := range order {
		ref, _, ok := schema.ParsePersonPath(prefix + ".x")
		if !ok {
			return fmt.Errorf("no person %q", prefix)
		}
		existing, found := a.PersonFor(ref)
		if !found && ref.ID != "" && ref.ID == a.IndividualID {
			existing, found = schema.Person{ID: ref.ID}, true
		}
		if found {
			up := &stripe.PersonUpdateParams{Account: stripe.String(a.ID)}
			for _, p := range byPrefix[prefix] {
				up.AddExtra(p.Key, p.Value)
			}
			up.SetIdempotencyKey(key + "-" + existing.ID)
			if _, err := c.api.UpdatePerson(ctx, existing.ID, up); err != nil {
				return FromStripe(err, a.Country)
			}
			continue
		}
		if ref.Role == "" {
			return fmt.Errorf("person %s does not exist on %s", prefix, a.ID)
		}
		cp := &stripe.PersonCreateParams{Account: stripe.String(a.ID)}
		cp.AddExtra("relationship["+ref.Role+"]", "true")
		for _, p := range byPrefix[prefix] {
			cp.AddExtra(p.Key, p.Value)
		}
		cp.SetIdempotencyKey(key + "-" + strings.ReplaceAll(prefix, ".", "-"))
		if _, err := c.api.CreatePerson(ctx, cp); err != nil {
			return FromStripe(err, a.Country)
		}
	}
	return nil
}

// resolveFiles turns file parameters into file ids: a value that is
// already an id or one of Stripe's test tokens (file_…) is used as it is;
// anything else is a path, uploaded with the purpose the field's document
// has in the API the account speaks (schema.UploadPurpose: v2's
// front_back documents want identity_document). The bytes go to Stripe
// only: nothing is copied or logged.
func (c *Client) resolveFiles(ctx context.Context, a schema.Account, ps []schema.Param, key string) ([]schema.Param, error) {
	out := make([]schema.Param, 0, len(ps))
	api := c.AccountAPI(a).Version()
	for i, p := range ps {
		id := p.Value
		if !strings.HasPrefix(id, "file_") {
			purpose := schema.UploadPurpose(p.Purpose, api)
			if err := CheckDocument(p.Value, purpose, c.lang); err != nil {
				return nil, &InputError{Fields: map[string]string{schema.FieldForParam(p.Key, a.Country): err.Error()}}
			}
			f, err := os.Open(p.Value)
			if err != nil {
				return nil, &InputError{Fields: map[string]string{schema.FieldForParam(p.Key, a.Country): "cannot read " + filepath.Base(p.Value) + ": " + err.Error()}}
			}
			fp := &stripe.FileCreateParams{
				Purpose: stripe.String(purpose), FileReader: f, Filename: stripe.String(filepath.Base(p.Value)),
			}
			// Under the step's key, a resend names the file uploaded the first time.
			fp.SetIdempotencyKey(fmt.Sprintf("%s-file-%d", key, i))
			up, err := c.api.UploadFile(ctx, fp)
			_ = f.Close() // read only, and already uploaded or refused
			if err != nil {
				return nil, FromStripe(err, a.Country)
			}
			id = up.ID
		}
		target := schema.TargetAccount
		if p.Person != "" {
			target = schema.TargetPerson
		}
		out = append(out, schema.Param{Target: target, Key: p.Key, Value: id, Person: p.Person})
	}
	return out, nil
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
