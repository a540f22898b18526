package answers

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"onboard/flows"
	"onboard/schema"
)

// Recorder writes what a journey sent as an answers file (YAML) that
// `onboard new --answers FILE` replays to the same state: the setup
// (country, business type, capabilities, accounts API) and every value
// Stripe accepted, keyed as an answers file keys them (people by role and
// index). Sensitive values are never written: the journey does not hand
// them on, and the recorder writes in their place Stripe's test value
// when recording on the sandbox, a commented placeholder to fill in
// otherwise. The file is rewritten after every step, so an interrupted
// run leaves what was sent so far.
type Recorder struct {
	path    string
	sandbox bool

	mu       sync.Mutex
	setup    schema.Account
	strategy flows.Strategy
	keys     []string          // answer keys in the order first sent
	values   map[string]string // answer key -> value
	// secret marks keys whose value is a stand-in: Stripe's test value
	// (sandbox) or empty (to be filled in).
	secret map[string]bool
	// generic marks keys the catalog does not know (Stripe's newer
	// requirements): a strict answers reader refuses them by default.
	generic map[string]bool
	err     error
}

// NewRecorder records into path; sandbox says whether the run talks to
// the sandbox (sensitive values then become Stripe's test values). A
// directory that cannot be written is refused at once, before any
// request; the file itself is written when the first step is accepted,
// so a run that sends nothing leaves an existing file as it was.
func NewRecorder(path string, sandbox bool) (*Recorder, error) {
	r := &Recorder{path: path, sandbox: sandbox, values: map[string]string{}, secret: map[string]bool{}, generic: map[string]bool{}}
	probe, err := os.CreateTemp(filepath.Dir(path), ".record-*")
	if err != nil {
		return nil, fmt.Errorf("record answers: %w", err)
	}
	_ = probe.Close()           // empty: it only showed the directory is writable
	_ = os.Remove(probe.Name()) // a leftover empty dot file is harmless
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("record answers: %s is a directory", path)
	}
	return r, nil
}

// Err is the last error writing the file, if any.
func (r *Recorder) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

// Count is how many answers were recorded so far.
func (r *Recorder) Count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.keys)
}

// Sent records a step Stripe accepted: acct is the account after it,
// values the values sent by field key, sensitive ones left out (a
// journey's OnSent). Its signature is Journey.OnSent's.
func (r *Recorder) Sent(acct schema.Account, st flows.Step, values map[string]string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.setup = acct
	for _, f := range st.Fields {
		if f.Kind == schema.KindLink || f.Kind == schema.KindRole {
			continue
		}
		key := answerKey(acct, f)
		v, ok := values[f.Key]
		switch {
		case f.Sensitive:
			// The journey hands on only Stripe's test values: recorded
			// as sent on the sandbox, so a replay reaches the same state.
			if !r.sandbox || !ok || v == "" {
				v = ""
				if r.sandbox {
					v = testValue(key, acct.Country)
				}
			}
			r.secret[key] = true
		case !ok && strings.HasPrefix(f.Key, "external_account.") && values["external_account"] != "":
			continue // sent as a token
		case !ok || v == "":
			continue
		default:
			delete(r.secret, key)
		}
		if f.Kind == schema.KindAcceptance {
			v = "true" // the date is the replay's, the address the replaying machine's
		}
		if _, seen := r.values[key]; !seen {
			r.keys = append(r.keys, key)
		}
		r.generic[key] = f.Generic
		r.values[key] = v
	}
	r.err = r.write()
}

// Collects records the strategy of the journey whose step is recorded
// next (flows.WithRecorder calls it).
func (r *Recorder) Collects(s flows.Strategy) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.strategy = s
}

// answerKey is the key an answers file gives field f: person_abc.email
// becomes representative.email or owners.0.email.
func answerKey(acct schema.Account, f schema.Field) string {
	if f.Person == nil || f.Person.ID == "" {
		return f.Key
	}
	leaf := strings.TrimPrefix(f.Key, f.Person.Prefix+".")
	aliases := personAliases(acct, f.Person.ID)
	// The representative first: a representative who is also an
	// executive or an owner is created as the representative on replay,
	// before any other role is known.
	rep := schema.RolePrefix(schema.RoleRepresentative)
	if slices.Contains(aliases, rep) {
		return rep + "." + leaf
	}
	for _, a := range aliases {
		if strings.Contains(a, ".") { // owners.0 rather than owners
			return a + "." + leaf
		}
	}
	if len(aliases) > 0 {
		return aliases[0] + "." + leaf
	}
	return f.Key
}

// testValue is Stripe's test value for a sensitive field of country, the
// example the catalog gives (000000000 for a US SSN, 000123456789 for a
// bank account, file_identity_document_success for a document).
func testValue(key, country string) string {
	f := schema.Lookup(key, country)
	if strings.HasPrefix(key, "external_account.") {
		for _, b := range schema.FieldsFor([]string{"external_account"}, country) {
			if b.Key == key {
				f = b
			}
		}
	}
	return f.Placeholder
}

// Bytes is the answers file as it stands.
func (r *Recorder) Bytes() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.bytes()
}

func (r *Recorder) bytes() []byte {
	var b strings.Builder
	b.WriteString("# Answers recorded by onboard. Replay with: onboard new --answers " + filepath.Base(r.path) + "\n")
	if r.sandbox {
		b.WriteString("# Recorded on the sandbox: sensitive values are Stripe's test values (as typed when a test value was typed).\n")
	} else {
		b.WriteString("# Sensitive values are never recorded: fill in each commented line and uncomment it.\n")
	}
	a := r.setup
	if a.Country != "" {
		writeKV(&b, "", "country", a.Country)
		writeKV(&b, "", "business_type", a.BusinessType)
		writeList(&b, "capabilities", flows.RequestedCapabilities(a.Capabilities))
		writeAPI(&b, a)
		writeKV(&b, "", "strategy", r.strategy.Name())
	}
	var bank []string
	for _, k := range r.keys {
		if rest, ok := strings.CutPrefix(k, "external_account."); ok {
			bank = append(bank, rest)
			continue
		}
		r.writeValue(&b, "", k, k)
	}
	if len(bank) > 0 {
		b.WriteString("external_account:\n")
		for _, k := range bank {
			r.writeValue(&b, "  ", k, "external_account."+k)
		}
	}
	return []byte(b.String())
}

func (r *Recorder) writeValue(b *strings.Builder, indent, name, key string) {
	v := r.values[key]
	switch {
	case r.secret[key] && v == "":
		fmt.Fprintf(b, "%s# %s: \"\"  # sensitive, never recorded: fill in and uncomment\n", indent, name)
	case r.secret[key]:
		fmt.Fprintf(b, "%s%s: %s  # Stripe test value\n", indent, name, quote(v))
	case r.generic[key]:
		fmt.Fprintf(b, "%s%s: %s  # not in onboard's catalog: replay with --ignore-unknown\n", indent, name, quote(v))
	default:
		writeKV(b, indent, name, v)
	}
}

func writeKV(b *strings.Builder, indent, k, v string) {
	fmt.Fprintf(b, "%s%s: %s\n", indent, k, quote(v))
}

func writeList(b *strings.Builder, k string, vs []string) {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = quote(v)
	}
	fmt.Fprintf(b, "%s: [%s]\n", k, strings.Join(q, ", "))
}

// quote writes every scalar double-quoted (a JSON string is a YAML
// double-quoted scalar), so 000123456789 stays text when read back.
func quote(s string) string {
	out, _ := json.Marshal(s)
	return string(out)
}

// write replaces the file atomically (mode 0600).
func (r *Recorder) write() error {
	tmp, err := os.CreateTemp(filepath.Dir(r.path), ".record-*")
	if err != nil {
		return fmt.Errorf("record answers: %w", err)
	}
	defer func() { _ = os.Remove(tmp.Name()) }() // gone already once renamed; otherwise a failed write's leftover
	if _, err := tmp.Write(r.bytes()); err != nil {
		_ = tmp.Close() // the write already failed: that error is the one to report
		return fmt.Errorf("record answers: %w", err)
	}
	if err := tmp.Chmod(0o600); err != nil {
		_ = tmp.Close() // the write already failed: that error is the one to report
		return fmt.Errorf("record answers: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("record answers: %w", err)
	}
	if err := os.Rename(tmp.Name(), r.path); err != nil {
		return fmt.Errorf("record answers: %w", err)
	}
	return nil
}

// writeAPI records the account's API and, for an Accounts v2 account,
// its configurations and contact email (which v2 requires to create it
// again). Its dialect says which: v2's details are nil for v1.
func writeAPI(b *strings.Builder, a schema.Account) {
	d := flows.DialectOf(a)
	writeKV(b, "", "accounts_api", d.Version())
	details := d.Details(a)
	if details == nil {
		return
	}
	var confs []string
	for _, c := range details.Configurations {
		confs = append(confs, c.Name)
	}
	writeList(b, "configurations", confs)
	writeKV(b, "", "contact_email", a.Email)
}
