package flows_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/schema"
)

// Every file a document answer names is checked on disk before the first
// request: it exists, is a regular file, is a JPEG, PNG or PDF by its
// content, and is within Stripe's size limit.
func TestDocumentsAreCheckedBeforeAnyRequest(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, content []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, content, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	png := write("success.png", []byte("\x89PNG\r\n\x1a\n0000"))
	jpeg := write("id.jpg", []byte("\xff\xd8\xff\xe0 JFIF"))
	pdf := write("letter.pdf", []byte("%PDF-1.7\n"))
	named := write("fake.png", []byte("not an image at all"))
	huge := filepath.Join(dir, "huge.png")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("\x89PNG\r\n\x1a\n")); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(17 << 20); err != nil { // sparse: no 17 MB written
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	for _, ok := range []string{png, jpeg, pdf, "file_identity_document_success"} {
		if err := flows.CheckDocument(ok, "identity_document", schema.English); err != nil {
			t.Errorf("%s refused: %v", filepath.Base(ok), err)
		}
	}
	bad := []struct{ path, want string }{
		{filepath.Join(dir, "missing.png"), "no file at"},
		{dir, "is a folder"},
		{"/dev/null", "not a regular file"},
		{named, "not a JPEG, PNG or PDF"},
		{huge, "17 MB: Stripe takes at most 10 MB"},
	}
	if ls, err := os.Stat("/bin/ls"); err == nil && ls.Mode().IsRegular() {
		bad = append(bad, struct{ path, want string }{"/bin/ls", "not a JPEG, PNG or PDF"})
	}
	for _, c := range bad {
		err := flows.CheckDocument(c.path, "identity_document", schema.English)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.path, err, c.want)
		}
		// The same file as an answer fails Validate, naming the field.
		a, _ := answers.Parse(map[string]any{"individual.verification.document": c.path})
		err = a.Validate(schema.Context{Lang: schema.English, Country: "GB"})
		ie, ok := err.(*flows.InputError)
		if !ok || ie.Fields["individual.verification.document"] == "" {
			t.Errorf("%s as an answer: %v", c.path, err)
		}
	}
	// A company document goes up to 16 MB (account_requirement).
	if err := flows.CheckDocument(huge, "account_requirement", schema.English); err == nil {
		t.Error("17 MB accepted for account_requirement")
	}
	if err := flows.CheckDocument(huge, "identity_document", schema.French); err == nil || !strings.Contains(err.Error(), "Mo") {
		t.Errorf("French message: %v", err)
	}
}
