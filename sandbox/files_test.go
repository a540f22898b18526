package sandbox

import (
	"bytes"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82"
)

var pngBytes = append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...)

func (e *env) upload(name, purpose string, data []byte) (*stripe.File, error) {
	return e.sc.V1Files.Create(e.ctx, &stripe.FileCreateParams{
		Purpose: stripe.String(purpose), FileReader: bytes.NewReader(data), Filename: stripe.String(name),
	})
}

func TestFileUploads(t *testing.T) {
	bothEnvs(t, func(t *testing.T, e *env) {
		f, err := e.upload("success.png", "identity_document", pngBytes)
		if err != nil {
			t.Fatal(err)
		}
		if f.Object != "file" || f.Type != "png" || f.Size != int64(len(pngBytes)) || f.Purpose != "identity_document" {
			t.Errorf("file %+v", f)
		}
		got, err := e.sc.V1Files.Retrieve(e.ctx, f.ID, nil)
		if err != nil || got.ID != f.ID {
			t.Fatalf("retrieve: %v %v", got, err)
		}
		_, err = e.upload("notes.txt", "identity_document", []byte("hello, not an image"))
		wantErr(t, err, 400, "file_type_invalid", "file")
		_, err = e.upload("big.png", "identity_document", append(slices.Clone(pngBytes), make([]byte, maxFileSize)...))
		wantErr(t, err, 400, "file_too_large", "file")
		_, err = e.upload("a.png", "dispute_evidence", pngBytes)
		wantErr(t, err, 400, "", "purpose")
		_, err = e.sc.V1Files.Retrieve(e.ctx, "file_nope", nil)
		wantErr(t, err, 404, "resource_missing", "id")
	})
}

func TestDocumentOutcomes(t *testing.T) {
	cases := []struct {
		name     string
		file     func(e *env) string
		verified bool
	}{
		{"token success", func(*env) string { return "file_identity_document_success" }, true},
		{"token failure", func(*env) string { return "file_identity_document_failure" }, false},
		{"success.png", func(e *env) string { f, _ := e.upload("success.png", "identity_document", pngBytes); return f.ID }, true},
		{"failed.png", func(e *env) string { f, _ := e.upload("failed.png", "identity_document", pngBytes); return f.ID }, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newTransportEnv(t)
			// A failing id number: the document decides (the test image wins over the test id numbers).
			a := e.onboardWith("individual[id_number]", "111111111")
			if !slices.Contains(a.Requirements.CurrentlyDue, "individual.verification.document") {
				t.Fatalf("a failed identity check asks for a document: %v", a.Requirements.CurrentlyDue)
			}
			a = e.mustUpdate(a.ID, "individual[verification][document][front]", tc.file(e))
			if a.Individual.Verification.Document.Front == nil {
				t.Errorf("document front not recorded")
			}
			e.advance(time.Minute)
			a = e.get(a.ID)
			if tc.verified {
				wantList(t, "currently_due", a.Requirements.CurrentlyDue, []string{})
				if !a.ChargesEnabled || a.Individual.Verification.Status != "verified" {
					t.Errorf("verified image wins over 111111111: charges %v status %q", a.ChargesEnabled, a.Individual.Verification.Status)
				}
			} else {
				if got := errorsOf(a)["individual.verification.document"]; got != "verification_document_failed_test_mode" {
					t.Errorf("document error %q", got)
				}
				if a.ChargesEnabled {
					t.Errorf("a failing image fails regardless")
				}
			}
		})
	}
	t.Run("unknown file", func(t *testing.T) {
		e := newTransportEnv(t)
		a := e.createUSIndividual()
		_, err := e.update(a.ID, "individual[verification][document][front]", "file_nope")
		wantErr(t, err, 400, "resource_missing", "individual[verification][document][front]")
	})
}

func TestOFACDateOfBirth(t *testing.T) {
	e := newTransportEnv(t)
	a := e.onboardWith("individual[dob][year]", "1900")
	if !slices.Contains(a.Requirements.CurrentlyDue, "individual.verification.document") || a.PayoutsEnabled {
		t.Errorf("1900-01-01 asks for a document and holds payouts: due %v payouts %v", a.Requirements.CurrentlyDue, a.PayoutsEnabled)
	}
	e.mustUpdate(a.ID, "individual[verification][document][front]", "file_identity_document_success")
	e.advance(time.Minute)
	if a = e.get(a.ID); !a.PayoutsEnabled || len(a.Requirements.CurrentlyDue) != 0 {
		t.Errorf("document releases the hold: %v payouts %v", a.Requirements.CurrentlyDue, a.PayoutsEnabled)
	}
}

// Uploads go to the files host and everything else to the API host, as on
// Stripe (files.stripe.com / api.stripe.com); the in-process transport
// refuses the wrong host, and files are read and listed on the API host.
func TestFilesHost(t *testing.T) {
	e := newTransportEnv(t)
	f, err := e.upload("success.png", "identity_document", pngBytes)
	if err != nil {
		t.Fatalf("upload on the files host: %v", err)
	}
	if _, err := e.sc.V1Files.Retrieve(e.ctx, f.ID, nil); err != nil {
		t.Errorf("retrieve on the API host: %v", err)
	}
	var listed []string
	for lf, err := range e.sc.V1Files.List(e.ctx, &stripe.FileListParams{Purpose: stripe.String("identity_document")}) {
		if err != nil {
			t.Fatal(err)
		}
		listed = append(listed, lf.ID)
	}
	wantList(t, "GET /v1/files", listed, []string{f.ID})
	for lf, err := range e.sc.V1Files.List(e.ctx, &stripe.FileListParams{Purpose: stripe.String("account_requirement")}) {
		t.Errorf("purpose filter let %v %v through", lf, err)
	}

	// One base URL for both: the upload reaches the API host and is refused.
	one := newClient("sk_test_x", APIBase, &http.Client{Transport: checkedTransport(t, e.sb)})
	_, err = one.V1Files.Create(e.ctx, &stripe.FileCreateParams{Purpose: stripe.String("identity_document"),
		FileReader: bytes.NewReader(pngBytes), Filename: stripe.String("a.png")})
	se := wantStripeErr(t, err, 404, "", "")
	if !strings.Contains(se.Msg, "Unrecognized request URL") {
		t.Errorf("upload on the API host: %s", se.Msg)
	}
	// And the API is not served on the files host.
	filesOnly := newClient("sk_test_x", FilesBase, &http.Client{Transport: checkedTransport(t, e.sb)})
	_, err = filesOnly.V1Accounts.GetByID(e.ctx, "acct_x", nil)
	wantErr(t, err, 404, "", "")

	// sandbox serve has one address and serves both.
	h := newHTTPEnv(t)
	if _, err := h.upload("success.png", "identity_document", pngBytes); err != nil {
		t.Errorf("upload on the standalone server: %v", err)
	}
}
