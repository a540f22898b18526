package sandbox

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"onboard/sandbox/engine"
	"onboard/sandbox/params"
	"path"
	"slices"
	"strings"
)

// maxFileSize is Stripe's upload limit (https://docs.stripe.com/file-upload).
const maxFileSize = 16 << 20

// filePurposes are the upload purposes onboarding uses.
var filePurposes = []string{"identity_document", "additional_verification", "account_requirement"}

// magicFiles are Stripe's test file tokens (https://docs.stripe.com/connect/testing): usable
// anywhere a file id is, without an upload.
var magicFiles = map[string]string{
	"file_identity_document_success": "",
	"file_identity_document_failure": "verification_document_failed_test_mode",
}

// fileJSON is a File object.
type fileJSON struct {
	ID       string  `json:"id"`
	Object   string  `json:"object"`
	Created  int64   `json:"created"`
	Filename *string `json:"filename"`
	Purpose  string  `json:"purpose"`
	Size     int64   `json:"size"`
	Title    *string `json:"title"`
	Type     string  `json:"type"`
	URL      string  `json:"url"`
	Links    any     `json:"links"`
}

// storedFile is what the files table keeps: metadata and a hash, never the
// bytes (an identity document is the most sensitive thing a user has).
type storedFile struct {
	fileJSON
	SHA256  string `json:"sha256"`
	Outcome string `json:"outcome,omitempty"`
}

// sniffType returns the file type from its magic bytes, "" when it is not
// JPG, PNG or PDF.
func sniffType(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return "jpg"
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return "pdf"
	}
	return ""
}

// fileOutcome: Stripe's test images are recognised by name; any other
// readable upload verifies [G].
func fileOutcome(name string) string {
	base := strings.ToLower(strings.TrimSuffix(path.Base(name), path.Ext(name)))
	if base == "failed" || base == "failure" || base == "unverified" {
		return "verification_document_failed_test_mode"
	}
	return ""
}

// readMultipart parses a multipart upload into form values and the file,
// which is hashed and measured as it streams in, never held whole.
func readMultipart(hr *http.Request) (map[string][]string, *upload, *apiError) {
	// One file and a few small fields: the whole body is bounded, so no
	// number of parts can exhaust memory.
	hr.Body = http.MaxBytesReader(nil, hr.Body, maxFileSize+maxBody)
	mr, err := hr.MultipartReader()
	if err != nil {
		return nil, nil, invalid("", "", "Invalid multipart body: %v", err)
	}
	values := map[string][]string{}
	up := &upload{}
	for parts := 0; ; parts++ {
		if parts > maxParams {
			return nil, nil, invalid("", "", "Too many parameters: a request can have up to %d.", maxParams)
		}
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, invalid("", "", "Invalid multipart body: %v", err)
		}
		if part.FormName() == "file" {
			h := sha256.New()
			head := &headWriter{max: sniffLen}
			n, err := io.Copy(io.MultiWriter(h, head), io.LimitReader(part, maxFileSize+1))
			if err != nil {
				return nil, nil, invalid("", "file", "Could not read the file: %v", err)
			}
			up.present, up.size, up.head, up.name = true, n, head.b, part.FileName()
			h.Sum(up.sum[:0])
			continue
		}
		v, err := io.ReadAll(io.LimitReader(part, maxBody))
		if err != nil {
			return nil, nil, invalid("", "", "Invalid multipart body: %v", err)
		}
		values[part.FormName()] = append(values[part.FormName()], string(v))
	}
	return values, up, nil
}

// sniffLen is how much of a file sniffType needs.
const sniffLen = 512

// headWriter keeps the first max bytes written to it.
type headWriter struct {
	b   []byte
	max int
}

func (w *headWriter) Write(p []byte) (int, error) {
	if room := w.max - len(w.b); room > 0 {
		w.b = append(w.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// createFile serves POST /v1/files; the upload was read by serveHTTP into
// r.upload.
func createFile(r *request) (any, error) {
	p := r.params
	purpose, ok, e := p.Get("purpose").NonEmpty()
	if e != nil {
		return nil, e
	}
	if !ok {
		return nil, errMissingParam("purpose")
	}
	if !slices.Contains(filePurposes, purpose) {
		return nil, invalid("", "purpose", "Invalid purpose: must be one of %s", strings.Join(filePurposes, ", "))
	}
	p.Get("file_link_data").MarkAll()
	p.Get("expand").MarkAll()
	if e := p.Unknown(); e != nil {
		return nil, e
	}
	up := r.upload
	if up == nil || !up.present {
		return nil, errMissingParam("file")
	}
	if up.size > maxFileSize {
		return nil, invalid("file_too_large", "file", "The file is larger than the 16 MB limit.")
	}
	typ := sniffType(up.head)
	if typ == "" {
		return nil, invalid("file_type_invalid", "file", "The file must be a JPG, PNG or PDF.")
	}
	sum := up.sum
	id := newID("file_", 24)
	f := storedFile{
		fileJSON: fileJSON{
			ID: id, Object: "file", Created: r.now.Unix(), Filename: nullable(path.Base(up.name)),
			Purpose: purpose, Size: up.size, Type: typ,
			URL: "https://files.stripe.com/v1/files/" + id + "/contents",
		},
		SHA256: hex.EncodeToString(sum[:]), Outcome: fileOutcome(up.name),
	}
	f.Links = listJSON{Object: "list", Data: []any{}, URL: "/v1/file_links?file=" + id}
	if _, err := r.tx.ExecContext(r.ctx, `INSERT INTO files (id, created, data) VALUES (?, ?, ?)`,
		id, f.Created, string(mustJSON(f))); err != nil {
		return nil, fmt.Errorf("store file: %w", err)
	}
	return f.fileJSON, nil
}

// retrieveFile serves GET /v1/files/{id}.
func retrieveFile(r *request) (any, error) {
	r.params.Get("expand").MarkAll()
	if e := r.params.Unknown(); e != nil {
		return nil, e
	}
	f, err := loadFile(r, r.pathID, "id")
	if err != nil {
		return nil, err
	}
	return f.fileJSON, nil
}

// listFiles serves GET /v1/files, newest first, with the purpose filter.
func listFiles(r *request) (any, error) {
	pg, err := readPage(r, "files", "file")
	if err != nil {
		return nil, err
	}
	if purpose, ok, e := r.params.Get("purpose").NonEmpty(); e != nil {
		return nil, e
	} else if ok {
		pg.where, pg.args = append(pg.where, "json_extract(data, '$.purpose') = ?"), append(pg.args, purpose)
	}
	r.params.Get("expand").MarkAll()
	if e := r.params.Unknown(); e != nil {
		return nil, e
	}
	data, more, err := pg.fetch(r, "files")
	if err != nil {
		return nil, err
	}
	list := listJSON{Object: "list", Data: []any{}, HasMore: more, URL: "/v1/files"}
	for _, d := range data {
		var f storedFile
		if err := json.Unmarshal([]byte(d), &f); err != nil {
			return nil, fmt.Errorf("decode file: %w", err)
		}
		list.Data = append(list.Data, f.fileJSON)
	}
	return list, nil
}

func loadFile(r *request, id, param string) (storedFile, error) {
	var data string
	err := r.tx.QueryRowContext(r.ctx, `SELECT data FROM files WHERE id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return storedFile{}, errNoSuch("file", id, param)
	}
	if err != nil {
		return storedFile{}, fmt.Errorf("load file: %w", err)
	}
	var f storedFile
	if err := json.Unmarshal([]byte(data), &f); err != nil {
		return f, fmt.Errorf("decode file: %w", err)
	}
	return f, nil
}

// fileRef resolves a file id given in a request body: a magic test token or
// an uploaded file; it returns the outcome the document implies.
func fileRef(r *request, n *params.Param) (string, engine.Outcome, bool, error) {
	id, ok, e := n.NonEmpty()
	if e != nil || !ok {
		return "", engine.Outcome{}, false, e
	}
	if code, ok := magicFiles[id]; ok {
		return id, engine.Outcome{Code: code}, true, nil
	}
	f, err := loadFile(r, id, n.Path)
	if err != nil {
		var ae *apiError
		if errors.As(err, &ae) {
			ae.Status = http.StatusBadRequest
		}
		return "", engine.Outcome{}, false, err
	}
	return id, engine.Outcome{Code: f.Outcome}, true, nil
}

// verificationDocs handles verification[document|additional_document]
// [front|back]: the outcome of the worse side is the document's.
func (ap *applier) verificationDocs(n *params.Param, in *engine.Individual, prefix string) error {
	if !n.Present() {
		return nil
	}
	for _, d := range []struct {
		name string
		dst  *[2]string
	}{{"document", &in.Document}, {"additional_document", &in.AdditionalDocument}} {
		if err := ap.docPair(n.Get(d.name), d.dst, prefix+"verification."+d.name); err != nil {
			return err
		}
	}
	return nil
}

// docPair reads [front] and [back] into dst and submits requirement path.
func (ap *applier) docPair(n *params.Param, dst *[2]string, reqPath string) error {
	if !n.Present() {
		return nil
	}
	var worst engine.Outcome
	given := false
	for i, side := range []string{"front", "back"} {
		id, out, ok, err := fileRef(ap.r, n.Get(side))
		if err != nil {
			return err
		}
		if ok {
			dst[i], given = id, true
			if out.Code != "" {
				worst = out
			}
		}
	}
	if given {
		// A new document is checked afresh, even after an earlier one.
		delete(ap.a.Fields, reqPath)
		ap.submit(reqPath, worst)
	}
	return nil
}

// documents handles documents[<type>][files][i] on the account.
func (ap *applier) documents(p *params.Param) error {
	docs := p.Get("documents")
	for _, typ := range docs.Names() {
		if !slices.Contains(documentTypes, typ) {
			continue // reported as unknown
		}
		files := docs.Get(typ).Get("files")
		if !files.Present() {
			continue
		}
		if _, ok := files.Str(); ok && len(files.Kids) == 0 {
			return invalid("", files.Path, "Invalid array: %s must be a list of file ids.", files.Path)
		}
		var ids []string
		var worst engine.Outcome
		for _, k := range files.Names() {
			id, out, ok, err := fileRef(ap.r, files.Get(k))
			if err != nil {
				return err
			}
			if ok {
				ids = append(ids, id)
				if out.Code != "" {
					worst = out
				}
			}
		}
		if ap.a.Documents == nil {
			ap.a.Documents = map[string][]string{}
		}
		ap.a.Documents[typ] = ids
		path := "documents." + typ + ".files"
		delete(ap.a.Fields, path)
		ap.submit(path, worst)
	}
	return nil
}

// documentTypes are the documents[<type>] names of the account's documents hash
// (https://docs.stripe.com/api/accounts/object).
var documentTypes = []string{
	"bank_account_ownership_verification", "company_license", "company_memorandum_of_association",
	"company_ministerial_decree", "company_registration_verification", "company_tax_id_verification",
	"proof_of_address", "proof_of_registration", "proof_of_ultimate_beneficial_ownership",
}
