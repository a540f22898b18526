package flows

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

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
	a.Persons = ps
	for _, p := range ps {
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
			if err := c.api.UpdatePerson(ctx, a.ID, existing.ID, byPrefix[prefix], key+"-"+existing.ID); err != nil {
				return FromStripe(err, a.Country)
			}
			continue
		}
		if ref.Role == "" {
			return fmt.Errorf("person %s does not exist on %s", prefix, a.ID)
		}
		cp := append([]schema.Param{{Key: "relationship[" + ref.Role + "]", Value: "true"}}, byPrefix[prefix]...)
		if err := c.api.CreatePerson(ctx, a.ID, cp, key+"-"+strings.ReplaceAll(prefix, ".", "-")); err != nil {
			return FromStripe(err, a.Country)
		}
	}
	return nil
}

// resolveFiles turns file parameters into file ids: a value that is
// already an id or one of Stripe's test tokens (file_…) is used as it is;
// anything else is a path, uploaded with the purpose the field's document
// has in the API the account speaks (Dialect.UploadPurpose: v2's
// front_back documents want identity_document). The bytes go to Stripe
// only: nothing is copied or logged.
func (c *Client) resolveFiles(ctx context.Context, a schema.Account, ps []schema.Param, key string) ([]schema.Param, error) {
	out := make([]schema.Param, 0, len(ps))
	api := c.AccountAPI(a)
	for i, p := range ps {
		id := p.Value
		if !strings.HasPrefix(id, "file_") {
			purpose := api.UploadPurpose(p.Purpose)
			if err := CheckDocument(p.Value, purpose, c.lang); err != nil {
				return nil, &InputError{Fields: map[string]string{schema.FieldForParam(p.Key, a.Country): err.Error()}}
			}
			f, err := os.Open(p.Value)
			if err != nil {
				return nil, &InputError{Fields: map[string]string{schema.FieldForParam(p.Key, a.Country): "cannot read " + filepath.Base(p.Value) + ": " + err.Error()}}
			}
			// Under the step's key, a resend names the file uploaded the first time.
			up, err := c.api.UploadFile(ctx, Upload{Purpose: purpose, Name: filepath.Base(p.Value), Body: f,
				Key: fmt.Sprintf("%s-file-%d", key, i)})
			_ = f.Close() // read only, and already uploaded or refused
			if err != nil {
				return nil, FromStripe(err, a.Country)
			}
			id = up
		}
		target := schema.TargetAccount
		if p.Person != "" {
			target = schema.TargetPerson
		}
		out = append(out, schema.Param{Target: target, Key: p.Key, Value: id, Person: p.Person})
	}
	return out, nil
}
