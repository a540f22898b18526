package sandbox

import (
	"testing"
	"time"
)

// Stripe's failing website test hosts give their requirements error on
// business_profile.url even when a product description is sent with them,
// and when they replace the verified URL of an account.
func TestURLTestValuesAlwaysFail(t *testing.T) {
	e := newTransportEnv(t, WithVerifyDelay(0))
	urlError := func(id string) string {
		for _, er := range e.get(id).Requirements.Errors {
			if er.Requirement == "business_profile.url" {
				return string(er.Code)
			}
		}
		return ""
	}
	for host, code := range map[string]string{
		"https://inaccessible.stripe.com": "invalid_url_website_inaccessible",
		"https://disallowed.stripe.com":   "invalid_url_denylisted",
		"https://geoblocked.stripe.com":   "invalid_url_website_inaccessible_geoblocked",
	} {
		a := e.createUSIndividual()
		e.mustUpdate(a.ID, "business_profile[url]", host, "business_profile[product_description]", "Grooming for cats and dogs")
		e.advance(time.Second)
		if got := urlError(a.ID); got != code {
			t.Errorf("%s with a product description: error %q, want %q", host, got, code)
		}
		b := e.createUSIndividual()
		e.mustUpdate(b.ID, "business_profile[url]", "https://accessible.stripe.com")
		e.advance(time.Second)
		e.mustUpdate(b.ID, "business_profile[url]", host)
		e.advance(time.Second)
		if got := urlError(b.ID); got != code {
			t.Errorf("%s after a verified URL: error %q, want %q", host, got, code)
		}
	}
}

// file_identity_document_failure fails the document itself: its
// details_code is document_failed_test_mode and the requirement error is
// verification_document_failed_test_mode; the person's keyed identity is
// not said to have failed.
func TestDocumentFailureTestFile(t *testing.T) {
	e := newTransportEnv(t, WithVerifyDelay(0))
	a := e.createUSIndividual()
	e.mustUpdate(a.ID, "individual[verification][document][front]", "file_identity_document_failure")
	e.advance(time.Second)
	got := e.get(a.ID)
	v := got.Individual.Verification
	if v.Document == nil || v.Document.DetailsCode != "document_failed_test_mode" || v.Document.Details == "" {
		t.Errorf("document: %+v", v.Document)
	}
	if v.DetailsCode == "failed_keyed_identity" {
		t.Errorf("verification.details_code %q (%s) for a failed document", v.DetailsCode, v.Details)
	}
	found := false
	for _, er := range got.Requirements.Errors {
		found = found || (er.Requirement == "individual.verification.document" && er.Code == "verification_document_failed_test_mode")
	}
	if !found {
		t.Errorf("requirement errors: %+v", got.Requirements.Errors)
	}
}
