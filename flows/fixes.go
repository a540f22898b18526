package flows

import (
	"onboard/schema"
)

// Fix is one way Stripe accepts to clear a failed verification: correct
// the values it could not match (Step is then the correction step of the
// group holding them, see EditSteps), or give a document (Step is the
// planned step asking for it).
type Fix struct {
	Label schema.Text
	Step  Step
	// Correct marks a correction: the step is an edit (send what changed).
	Correct bool
}

// correctable maps a verification failure Stripe lets the account fix by
// correcting the keyed values (https://docs.stripe.com/connect/handling-api-verification)
// to the field that opens their group and what each fix is called.
var correctable = map[string]struct {
	leaf            string
	correct, upload schema.Text
}{
	"verification_failed_address_match": {"address.line1",
		schema.T("Correct the address"),
		schema.T("Upload a proof of address")},
	"verification_failed_keyed_identity": {"dob",
		schema.T("Correct the date of birth or id number"),
		schema.T("Upload an identity document")},
	"verification_failed_keyed_match": {"dob",
		schema.T("Correct the date of birth or id number"),
		schema.T("Upload an identity document")},
	"verification_failed_id_number_match": {"dob",
		schema.T("Correct the date of birth or id number"),
		schema.T("Upload an identity document")},
}

// Fixes lists the ways to clear the verification failure that put st in
// the plan: correcting the values (when the account holds them) first,
// then the step itself (the document). It is empty when st answers no
// failure a correction clears.
func Fixes(a schema.Account, st Step, lang schema.Lang) []Fix {
	for _, e := range a.Requirements.Errors {
		fix, ok := correctable[e.Code]
		if !ok || !contains(st.Paths, e.Requirement) {
			continue
		}
		ref, _, ok := schema.ParsePersonPath(e.Requirement)
		if !ok {
			continue
		}
		key := ref.Prefix + "." + fix.leaf
		for _, ed := range EditSteps(a, lang) {
			for _, f := range ed.Fields {
				if f.Key == key {
					return []Fix{{Label: fix.correct, Step: ed, Correct: true}, {Label: fix.upload, Step: st}}
				}
			}
		}
	}
	return nil
}
