// Package drafts keeps what an operator typed for an account on disk, so
// a crash or a closed terminal loses nothing: the next session offers to
// restore it. Sensitive values (ID numbers, bank account numbers,
// documents) are never written.
package drafts

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"onboard/schema"
)

// Draft is what was typed for one account.
type Draft struct {
	Account string            `json:"account"`
	Saved   time.Time         `json:"saved"`
	Values  map[string]string `json:"values"`
}

// Store keeps drafts in a directory, one file per account.
type Store struct {
	Dir string
}

var validID = regexp.MustCompile(`^acct_[A-Za-z0-9]{1,64}$`)

func (s Store) path(account string) (string, error) {
	if !validID.MatchString(account) {
		return "", fmt.Errorf("drafts: %q is not an account id", account)
	}
	return filepath.Join(s.Dir, account+".json"), nil
}

// Save writes the non-sensitive values typed for an account of country;
// empty values and sensitive fields are left out. With nothing left, the
// draft is removed. The file is replaced atomically and readable by its
// owner only.
func (s Store) Save(account, country string, values map[string]string, now time.Time) error {
	p, err := s.path(account)
	if err != nil {
		return err
	}
	keep := map[string]string{}
	for k, v := range values {
		if v == "" || Sensitive(k, country) {
			continue
		}
		keep[k] = v
	}
	if len(keep) == 0 {
		return s.Delete(account)
	}
	raw, err := json.MarshalIndent(Draft{Account: account, Saved: now.UTC(), Values: keep}, "", "  ")
	if err != nil {
		return fmt.Errorf("drafts: %w", err)
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return fmt.Errorf("drafts: %w", err)
	}
	tmp, err := os.CreateTemp(s.Dir, ".draft-*")
	if err != nil {
		return fmt.Errorf("drafts: %w", err)
	}
	// After the rename there is nothing left to remove; before it, the
	// temporary file must not stay behind.
	defer func() { _ = os.Remove(tmp.Name()) }()
	if _, err := tmp.Write(raw); err != nil {
		_ = tmp.Close() // the write's error is the one to report
		return fmt.Errorf("drafts: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("drafts: %w", err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("drafts: %w", err)
	}
	return nil
}

// Sensitive reports whether a field key must never be written: the
// catalog's sensitive fields, and anything under a key it cannot place
// (an unknown key is not trusted).
func Sensitive(key, country string) bool {
	if key == "external_account" {
		return true // a token stands for bank details
	}
	if strings.HasPrefix(key, "external_account.") {
		// Bank parts are catalog fields only as companions of
		// external_account; a part the catalog does not list is secret.
		for _, f := range schema.FieldsFor([]string{"external_account"}, country) {
			if f.Key == key {
				return f.Sensitive
			}
		}
		return true
	}
	f := schema.Lookup(key, country)
	return f.Sensitive || f.Generic
}

// Load returns the draft of an account, if there is one.
func (s Store) Load(account string) (Draft, bool, error) {
	p, err := s.path(account)
	if err != nil {
		return Draft{}, false, err
	}
	raw, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		return Draft{}, false, nil
	}
	if err != nil {
		return Draft{}, false, fmt.Errorf("drafts: %w", err)
	}
	var d Draft
	if err := json.Unmarshal(raw, &d); err != nil {
		return Draft{}, false, fmt.Errorf("drafts: %s is damaged: %w", p, err)
	}
	return d, len(d.Values) > 0, nil
}

// Delete removes an account's draft; a missing draft is not an error.
func (s Store) Delete(account string) error {
	p, err := s.path(account)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("drafts: %w", err)
	}
	return nil
}
