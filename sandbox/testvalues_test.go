package sandbox

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"
)

// 1902-01-01 and 222222222 verify at once: the result is in the response
// that submits them, nothing of the identity left pending.
func TestImmediateValuesAnswerInTheSameResponse(t *testing.T) {
	for _, kv := range [][]string{
		{"individual[dob][year]", "1902"},
		{"individual[id_number]", "222222222", "individual[ssn_last_4]", "2222"},
	} {
		t.Run(kv[1], func(t *testing.T) {
			e := newTransportEnv(t)
			a := e.createUSIndividual()
			fields := slices.Clone(identityFields)
			for i := 0; i < len(kv); i += 2 {
				if j := slices.Index(fields, kv[i]); j >= 0 {
					fields[j+1] = kv[i+1]
				} else {
					fields = append(fields, kv[i], kv[i+1])
				}
			}
			got := e.mustUpdate(a.ID, fields...)
			var pending []string
			for _, p := range got.Requirements.PendingVerification {
				if strings.HasPrefix(p, "individual.") {
					pending = append(pending, p)
				}
			}
			if len(pending) != 0 {
				t.Errorf("still pending in the same response: %v", pending)
			}
			if got.Individual.Verification.Status != "verified" {
				t.Errorf("individual verification %q", got.Individual.Verification.Status)
			}
		})
	}
}

// A failing test document fails even when the id number verified: the
// guide's precedence (a test image beats the test id numbers) goes both
// ways.
func TestFailureDocumentFailsRegardless(t *testing.T) {
	e := newTransportEnv(t)
	a := e.onboardWith()
	if a.Individual.Verification.Status != "verified" {
		t.Fatalf("setup: %q", a.Individual.Verification.Status)
	}
	e.mustUpdate(a.ID, "individual[verification][document][front]", "file_identity_document_failure")
	e.advance(3 * time.Second)
	a = e.get(a.ID)
	if errorsOf(a)["individual.verification.document"] != "verification_document_failed_test_mode" {
		t.Errorf("errors %v", errorsOf(a))
	}
	if a.Individual.Verification.Status == "verified" || !slices.Contains(a.Requirements.CurrentlyDue, "individual.verification.document") {
		t.Errorf("status %q due %v", a.Individual.Verification.Status, a.Requirements.CurrentlyDue)
	}
}

// A date of birth or an address that fails its check is not asked again;
// the document that replaces it is due instead.
func TestFailedDOBAndAddressAreNotRelisted(t *testing.T) {
	e := newTransportEnv(t)
	a := e.onboardWith("individual[dob][year]", "1950", "individual[address][line1]", "address_no_match")
	for _, p := range a.Requirements.CurrentlyDue {
		if strings.HasPrefix(p, "individual.dob.") || strings.HasPrefix(p, "individual.address.") {
			t.Errorf("%s asked again: %v", p, a.Requirements.CurrentlyDue)
		}
	}
	for _, want := range []string{"individual.verification.document", "individual.verification.additional_document"} {
		if !slices.Contains(a.Requirements.CurrentlyDue, want) {
			t.Errorf("%s not due: %v", want, a.Requirements.CurrentlyDue)
		}
	}
}

// A US representative who is neither an executive nor an owner is asked
// relationship.executive (Stripe's US walkthrough).
func TestUSRepresentativeMustBeExecutiveOrOwner(t *testing.T) {
	e := newTransportEnv(t)
	co := e.createAccount("US", "company")
	p := e.createPerson(co.ID, "first_name", "Jenny", "relationship[representative]", "true")
	want := p.ID + ".relationship.executive"
	if a := e.get(co.ID); !slices.Contains(a.Requirements.CurrentlyDue, want) {
		t.Errorf("%s not due: %v", want, a.Requirements.CurrentlyDue)
	}
	if _, err := e.sc.V1Persons.Update(e.ctx, p.ID, &stripe.PersonUpdateParams{Account: stripe.String(co.ID),
		Relationship: &stripe.PersonUpdateRelationshipParams{Executive: stripe.Bool(true)}}); err != nil {
		t.Fatal(err)
	}
	if a := e.get(co.ID); slices.Contains(a.Requirements.CurrentlyDue, want) {
		t.Errorf("%s still due once the representative is an executive", want)
	}
}
