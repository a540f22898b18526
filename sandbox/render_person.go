package sandbox

import (
	"encoding/json"
	"onboard/sandbox/engine"
	"strings"
	"time"

	"onboard/sandbox/rules"
)

// personJSON is account.individual, a Person object.
type personJSON struct {
	ID                 string            `json:"id"`
	Object             string            `json:"object"`
	Account            string            `json:"account"`
	Address            addressJSON       `json:"address"`
	Created            int64             `json:"created"`
	DOB                dobJSON           `json:"dob"`
	Email              *string           `json:"email"`
	FirstName          *string           `json:"first_name"`
	FutureRequirements personReqJSON     `json:"future_requirements"`
	IDNumberProvided   bool              `json:"id_number_provided"`
	LastName           *string           `json:"last_name"`
	Metadata           map[string]string `json:"metadata"`
	Phone              *string           `json:"phone"`
	Relationship       map[string]any    `json:"relationship"`
	Requirements       personReqJSON     `json:"requirements"`
	SSNLast4Provided   bool              `json:"ssn_last_4_provided"`
	Verification       verificationJSON  `json:"verification"`
	// extra are the stored documented parameters (documented.go).
	extra map[string]string
}

// MarshalJSON renders the person with its stored documented parameters.
func (p personJSON) MarshalJSON() ([]byte, error) {
	type plain personJSON
	raw, err := json.Marshal(plain(p))
	if err != nil {
		return nil, err
	}
	return withExtra(raw, "person", p.extra)
}

type addressJSON struct {
	City       *string `json:"city"`
	Country    *string `json:"country"`
	Line1      *string `json:"line1"`
	Line2      *string `json:"line2"`
	PostalCode *string `json:"postal_code"`
	State      *string `json:"state"`
}

type dobJSON struct {
	Day   *int64 `json:"day"`
	Month *int64 `json:"month"`
	Year  *int64 `json:"year"`
}

// personReqJSON is a person's requirements hash: paths relative to the
// person, no deadline or disabled reason.
type personReqJSON struct {
	Alternatives        []any                     `json:"alternatives"`
	CurrentlyDue        []string                  `json:"currently_due"`
	Errors              []engine.RequirementError `json:"errors"`
	EventuallyDue       []string                  `json:"eventually_due"`
	PastDue             []string                  `json:"past_due"`
	PendingVerification []string                  `json:"pending_verification"`
}

type documentJSON struct {
	Back        *string `json:"back"`
	Details     *string `json:"details"`
	DetailsCode *string `json:"details_code"`
	Front       *string `json:"front"`
}

type verificationJSON struct {
	AdditionalDocument documentJSON `json:"additional_document"`
	Details            *string      `json:"details"`
	DetailsCode        *string      `json:"details_code"`
	Document           documentJSON `json:"document"`
	Status             string       `json:"status"`
}

func renderPerson(a *engine.Account, d engine.Derived, now time.Time) personJSON {
	p := renderPersonFacts(a, a.Individual, rules.IndividualPrefix, d, now)
	p.Relationship = map[string]any{
		"director": false, "executive": false, "owner": false,
		"percent_ownership": nil, "representative": true, "title": nil,
	}
	return p
}

// renderCompanyPerson renders a Person of a company account.
func renderCompanyPerson(a *engine.Account, pf *engine.Person, d engine.Derived, now time.Time) personJSON {
	p := renderPersonFacts(a, &pf.Individual, pf.Prefix(), d, now)
	var pct any
	if pf.PercentOwnership != nil {
		pct = *pf.PercentOwnership
	}
	p.Relationship = map[string]any{
		"director": pf.Director, "executive": pf.Executive, "owner": pf.Owner,
		"percent_ownership": pct, "representative": pf.Representative, "title": nullable(pf.Title),
	}
	return p
}

func renderPersonFacts(a *engine.Account, in *engine.Individual, prefix string, d engine.Derived, now time.Time) personJSON {
	p := personJSON{
		ID: in.ID, Object: "person", Account: a.ID, Created: in.Created,
		Address: addressJSON{
			City: nullable(in.Address["city"]), Country: nullable(in.Address["country"]),
			Line1: nullable(in.Address["line1"]), Line2: nullable(in.Address["line2"]),
			PostalCode: nullable(in.Address["postal_code"]), State: nullable(in.Address["state"]),
		},
		Email: nullable(in.Email), FirstName: nullable(in.FirstName), LastName: nullable(in.LastName),
		Phone: nullable(in.Phone), Metadata: in.Metadata, extra: in.Extra,
		IDNumberProvided: in.IDNumberProvided, SSNLast4Provided: in.SSNLast4Provided,
		FutureRequirements: personReqJSON{
			Alternatives: []any{}, CurrentlyDue: []string{}, Errors: []engine.RequirementError{},
			EventuallyDue: []string{}, PastDue: []string{}, PendingVerification: []string{},
		},
		Requirements: personReqJSON{
			Alternatives:        []any{},
			CurrentlyDue:        engine.Scoped(d.CurrentlyDue, prefix),
			Errors:              personErrors(d.Errors, prefix),
			EventuallyDue:       engine.Scoped(d.EventuallyDue, prefix),
			PastDue:             engine.Scoped(d.PastDue, prefix),
			PendingVerification: engine.Scoped(d.Pending, prefix),
		},
	}
	if in.DOB != nil {
		p.DOB = dobJSON{Day: &in.DOB.Day, Month: &in.DOB.Month, Year: &in.DOB.Year}
	}
	p.Verification = personVerification(a, prefix, now)
	p.Verification.Document = documentJSON{Front: nullable(in.Document[0]), Back: nullable(in.Document[1])}
	p.Verification.Document.Details, p.Verification.Document.DetailsCode = documentDetails(a, prefix+"verification.document", now)
	p.Verification.AdditionalDocument = documentJSON{Front: nullable(in.AdditionalDocument[0]), Back: nullable(in.AdditionalDocument[1])}
	p.Verification.AdditionalDocument.Details, p.Verification.AdditionalDocument.DetailsCode = documentDetails(a, prefix+"verification.additional_document", now)
	return p
}

func personErrors(all []engine.RequirementError, prefix string) []engine.RequirementError {
	out := []engine.RequirementError{}
	for _, e := range all {
		if rest, ok := strings.CutPrefix(e.Requirement, prefix); ok {
			e.Requirement = rest
			out = append(out, e)
		}
	}
	return out
}

// personVerification summarises the identity group: verified when every
// submitted identity field verified and the core is complete, pending while
// any is still being checked, unverified otherwise.
func personVerification(a *engine.Account, prefix string, now time.Time) verificationJSON {
	v := verificationJSON{Status: "unverified"}
	g, _ := rules.GroupOf(rules.IndividualPrefix + "first_name")
	pending, failed, submitted := false, "", 0
	for _, m := range g.Members {
		switch engine.Status(a, prefix+m, now) {
		case engine.FieldPending:
			pending = true
		case engine.FieldFailed:
			if failed == "" && !engine.IsDocument(m) {
				failed = a.Fields[prefix+m].Code
			}
		case engine.FieldDone:
			submitted++
		}
	}
	switch {
	case failed == "" && engine.RawStatus(a, prefix+"verification.document", now) == engine.FieldFailed:
		// Only the document failed: its own details_code says why
		// (documentDetails); the person's keyed identity did not.
	case failed != "":
		code := "failed_keyed_identity"
		if failed == "verification_failed_id_number_match" || failed == "verification_failed_address_match" {
			code = "failed_other"
		}
		v.DetailsCode = &code
		v.Details = nullable(engine.ReasonFor(failed))
	case pending:
		v.Status = "pending"
	case submitted > 0:
		if engine.GroupReady(a, g, prefix) {
			v.Status = "verified"
		}
	}
	return v
}

// documentDetailCodes maps the requirements error of a failed document to
// the document's details_code (the spec's list for
// verification.document.details_code).
var documentDetailCodes = map[string]string{
	"verification_document_failed_test_mode": "document_failed_test_mode",
	"verification_document_expired":          "document_expired",
	"verification_document_corrupt":          "document_corrupt",
	"verification_document_not_readable":     "document_not_readable",
	"verification_document_fraudulent":       "document_fraudulent",
	"verification_document_manipulated":      "document_manipulated",
	"verification_document_incomplete":       "document_incomplete",
	"verification_document_too_large":        "document_too_large",
}

// documentDetails is a document's details and details_code: null unless
// its check failed.
func documentDetails(a *engine.Account, path string, now time.Time) (*string, *string) {
	if engine.RawStatus(a, path, now) != engine.FieldFailed {
		return nil, nil
	}
	code := a.Fields[path].Code
	dc, ok := documentDetailCodes[code]
	if !ok {
		dc = "document_failed_other"
	}
	return nullable(engine.ReasonFor(code)), &dc
}
