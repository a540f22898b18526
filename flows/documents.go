package flows

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"onboard/schema"
)

// Limits of Stripe's Files API per purpose. An identity document "needs
// to be a color image (smaller than 8,000px by 8,000px), in JPG, PNG, or
// PDF format, and less than 10 MB in size" (the verification.document
// parameter's doc); account_requirement files go up to 16 MB (Stripe's
// file upload guide).
var maxUpload = map[string]int64{
	"identity_document":   10 << 20,
	"account_requirement": 16 << 20,
}

// CheckDocument checks a file the operator names before anything is sent:
// it exists, is a regular file, is a JPEG, PNG or PDF by its content (not
// its name), and is within Stripe's size limit for purpose. A file id or
// one of Stripe's test tokens (file_…) is not a path and passes. The error
// says what is wrong in lang.
func CheckDocument(path, purpose string, lang schema.Lang) error {
	if strings.HasPrefix(path, "file_") {
		return nil
	}
	name := filepath.Base(path)
	st, err := os.Stat(path)
	switch {
	case err != nil && os.IsNotExist(err):
		return fmt.Errorf(txtNoFile.In(lang), path)
	case err != nil:
		return fmt.Errorf(txtUnreadable.In(lang), name)
	case st.IsDir():
		return fmt.Errorf(txtIsDir.In(lang), path)
	case !st.Mode().IsRegular():
		return fmt.Errorf(txtNotRegular.In(lang), path)
	}
	limit := maxUpload[purpose]
	if limit == 0 {
		limit = maxUpload["identity_document"]
	}
	if st.Size() > limit {
		return fmt.Errorf(txtTooBig.In(lang), name, st.Size()>>20, limit>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf(txtUnreadable.In(lang), name)
	}
	defer func() { _ = f.Close() }() // read only: closing cannot lose data
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	if documentType(head[:n]) == "" {
		return fmt.Errorf(txtNotDocument.In(lang), name)
	}
	return nil
}

// documentType recognises the formats Stripe takes by their first bytes.
func documentType(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xff, 0xd8, 0xff}):
		return "jpeg"
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "pdf"
	}
	return ""
}

var (
	txtNoFile      = schema.T("no file at %s")
	txtUnreadable  = schema.T("cannot read %s")
	txtIsDir       = schema.T("%s is a folder: give a file")
	txtNotRegular  = schema.T("%s is not a regular file")
	txtTooBig      = schema.T("%s is %d MB: Stripe takes at most %d MB for this document")
	txtNotDocument = schema.T("%s is not a JPEG, PNG or PDF file (by its content)")
)
