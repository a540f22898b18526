package sandbox

import (
	"onboard/sandbox/engine"
	"onboard/sandbox/params"
	"slices"
	"strconv"
	"strings"
	"time"

	"onboard/sandbox/rules"
)

// directorTokens are the first_name test values of a director that make
// the registry check fail (https://docs.stripe.com/connect/testing).
var directorTokens = map[string]string{
	"mismatch_director":   "verification_directors_mismatch",
	"missing_director":    "verification_missing_directors",
	"extraneous_director": "verification_extraneous_directors",
}

// personParams applies a Person create/update body to pf.
func (ap *applier) personParams(p *params.Param, pf *engine.Person) error {
	if err := ap.personFields(p, &pf.Individual, pf.Prefix()); err != nil {
		return err
	}
	rel := p.Get("relationship")
	for _, f := range []struct {
		name string
		dst  *bool
	}{
		{"representative", &pf.Representative}, {"owner", &pf.Owner},
		{"director", &pf.Director}, {"executive", &pf.Executive},
	} {
		v, ok, e := rel.Get(f.name).Boolean()
		if e != nil {
			return e
		}
		if ok {
			*f.dst = v
		}
	}
	if pf.Representative && rel.Get("representative").Present() {
		// Only one representative at a time: designating one moves the role.
		for _, o := range ap.a.Persons {
			if o != pf {
				o.Representative = false
			}
		}
	}
	if n := rel.Get("percent_ownership"); n.Present() {
		v, _ := n.Str()
		if v == "" {
			pf.PercentOwnership = nil
		} else {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || f < 0 || f > 100 {
				return invalid("", n.Path, "Invalid percent_ownership: must be a number between 0 and 100.")
			}
			pf.PercentOwnership = &f
			ap.submit(pf.Prefix()+"relationship.percent_ownership", engine.Outcome{})
		}
	}
	if err := ap.setField(rel.Get("title"), &pf.Title, pf.Prefix()+"relationship.title", nil); err != nil {
		return err
	}
	p.Get("person_token").MarkAll() // merged by mergeToken
	pf.DirectorCode = ""
	if pf.Director {
		pf.DirectorCode = directorTokens[strings.TrimSpace(pf.FirstName)]
	}
	p.Get("expand").MarkAll()
	if e := p.Unknown(); e != nil {
		return e
	}
	p.MarkKept(keepAccepted(p.Accepted(), "", "person", &pf.Extra))
	return nil
}

// createPerson serves POST /v1/accounts/{id}/persons.
func createPerson(r *request) (any, error) {
	if err := mergeToken(r, "person_token", "person"); err != nil {
		return nil, err
	}
	var pf *engine.Person
	a, err := mutateIn(r, r.pathID, func(r *request, a *engine.Account) error {
		if !engine.IsCompanyType(a) {
			return invalid("", "", "Persons can only be added to accounts whose business_type is company or non_profit (this account's is %q).", a.BusinessType)
		}
		pf = &engine.Person{Individual: engine.Individual{
			ID: newID("person_", 24), Created: r.now.Unix(), Address: map[string]string{}, Metadata: map[string]string{},
		}}
		a.Persons = append(a.Persons, pf)
		return (&applier{r: r, a: a}).personParams(r.params, pf)
	})
	if err != nil {
		return nil, err
	}
	out := renderCompanyPerson(a, pf, engine.Derive(a, r.now), r.now)
	return out, recordEvent(r, a.ID, "person.created", mustJSON(out), nil, true)
}

// updatePerson serves POST /v1/accounts/{id}/persons/{person}. On an
// individual account the individual is its only Person.
func updatePerson(r *request) (any, error) {
	if err := mergeToken(r, "person_token", "person"); err != nil {
		return nil, err
	}
	var before []byte
	a, err := mutateIn(r, r.pathID, func(r *request, a *engine.Account) error {
		ap := &applier{r: r, a: a}
		if a.Individual != nil && a.Individual.ID == r.subID {
			before = mustJSON(renderPerson(a, engine.Derive(a, r.now), r.now))
			if err := ap.personFields(r.params, a.Individual, rules.IndividualPrefix); err != nil {
				return err
			}
			r.params.Get("expand").MarkAll()
			r.params.Get("person_token").MarkAll() // merged by mergeToken
			if e := r.params.Unknown(); e != nil {
				return e
			}
			r.params.MarkKept(keepAccepted(r.params.Accepted(), "", "person", &a.Individual.Extra))
			return nil
		}
		pf := a.Person(r.subID)
		if pf == nil {
			return errNoSuch("person", r.subID, "person")
		}
		before = mustJSON(renderCompanyPerson(a, pf, engine.Derive(a, r.now), r.now))
		return ap.personParams(r.params, pf)
	})
	if err != nil {
		return nil, err
	}
	out, _ := personByID(a, r.subID, r.now)
	return out, recordEvent(r, a.ID, "person.updated", mustJSON(out), before, true)
}

// personByID renders the account's person with that id.
func personByID(a *engine.Account, id string, now time.Time) (personJSON, bool) {
	d := engine.Derive(a, now)
	if a.Individual != nil && a.Individual.ID == id {
		return renderPerson(a, d, now), true
	}
	if pf := a.Person(id); pf != nil {
		return renderCompanyPerson(a, pf, d, now), true
	}
	return personJSON{}, false
}

// retrievePerson serves GET /v1/accounts/{id}/persons/{person}.
func retrievePerson(r *request) (any, error) {
	r.params.Get("expand").MarkAll()
	if e := r.params.Unknown(); e != nil {
		return nil, e
	}
	a, _, err := mustAccount(r, r.pathID, "account")
	if err != nil {
		return nil, err
	}
	out, ok := personByID(a, r.subID, r.now)
	if !ok {
		return nil, errNoSuch("person", r.subID, "person")
	}
	return out, nil
}

// deletePerson serves DELETE /v1/accounts/{id}/persons/{person}; the
// person's submitted fields go with it.
func deletePerson(r *request) (any, error) {
	if e := r.params.Unknown(); e != nil {
		return nil, e
	}
	var before []byte
	a, err := mutateIn(r, r.pathID, func(r *request, a *engine.Account) error {
		pf := a.Person(r.subID)
		if pf == nil && a.Individual != nil && a.Individual.ID == r.subID {
			return errDeleteIndividual(r.subID)
		}
		if pf == nil {
			return errNoSuch("person", r.subID, "person")
		}
		before = mustJSON(renderCompanyPerson(a, pf, engine.Derive(a, r.now), r.now))
		for path := range a.Fields {
			if strings.HasPrefix(path, pf.Prefix()) {
				delete(a.Fields, path)
			}
		}
		a.Persons = slices.DeleteFunc(a.Persons, func(p *engine.Person) bool { return p == pf })
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := recordEvent(r, a.ID, "person.deleted", before, nil, true); err != nil {
		return nil, err
	}
	return map[string]any{"id": r.subID, "object": "person", "deleted": true}, nil
}

// listPersons serves GET /v1/accounts/{id}/persons with the
// relationship[...] filters, in creation order (newest first), paginated
// over the account's persons.
func listPersons(r *request) (any, error) {
	p := r.params
	a, _, err := mustAccount(r, r.pathID, "account")
	if err != nil {
		return nil, err
	}
	d := engine.Derive(a, r.now)
	var all []personJSON
	if a.Individual != nil && a.BusinessType == "individual" {
		all = append(all, renderPerson(a, d, r.now))
	}
	rel := p.Get("relationship")
	for i := len(a.Persons) - 1; i >= 0; i-- {
		pf := a.Persons[i]
		keep := true
		for _, role := range []string{"representative", "owner", "director", "executive", "authorizer", "legal_guardian"} {
			v, ok, e := rel.Get(role).Boolean()
			if e != nil {
				return nil, e
			}
			if ok && pf.Holds(role) != v {
				keep = false
			}
		}
		if keep {
			all = append(all, renderCompanyPerson(a, pf, d, r.now))
		}
	}
	ids := make([]string, len(all))
	items := make([]any, len(all))
	for i, x := range all {
		ids[i], items[i] = x.ID, x
	}
	return pageSlice(r, ids, items, "/v1/accounts/"+a.ID+"/persons", "person")
}
