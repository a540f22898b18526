package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/adrg/xdg"

	"onboard/flows"
	"onboard/schema"
)

// The account Stripe created the last time a setup was created here is
// kept, so that `onboard new` with that setup draws its first form at once
// and the create is awaited behind it (tui.Start.Foreseen). It is kept per
// key and API base (the triage cache's scope) and per setup, under
// $XDG_CACHE_HOME/onboard/foreseen/: what a new account asks, without its
// id, its email or anything typed (a new account holds nothing else).
// Only where flows.Dialect says an account is Foreseeable (Accounts v1).

// foreseenPath is the file of setup n in this session's scope.
func (s *session) foreseenPath(n flows.NewAccount) (string, error) {
	caps := slices.Clone(n.Capabilities)
	slices.Sort(caps)
	agreement := n.Agreement
	if agreement == "" {
		agreement = "full" // Stripe's default, which the setup form shows
	}
	h := sha256.Sum256([]byte(strings.Join([]string{s.triageFile, n.Country, n.BusinessType, strings.Join(caps, ","), agreement}, "\x00")))
	return xdg.CacheFile(filepath.Join("onboard", "foreseen", hex.EncodeToString(h[:12])+".json"))
}

// loadForeseen is the account kept for setup n; nil when there is none
// (or it cannot be read: the first form then waits for Stripe, as it
// would the first time).
func (s *session) loadForeseen(n flows.NewAccount) *schema.Account {
	if !flows.DialectNamed(n.API).Foreseeable() {
		return nil
	}
	path, err := s.foreseenPath(n)
	if err != nil {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var a schema.Account
	if err := json.Unmarshal(b, &a); err != nil || a.Country != n.Country {
		return nil
	}
	if r := a.Requirements; len(r.CurrentlyDue)+len(r.EventuallyDue)+len(r.PastDue) == 0 {
		return nil // nothing to ask: no first form to draw
	}
	return &a
}

// saveForeseen keeps a, just created from setup n, for the next time.
func (s *session) saveForeseen(n flows.NewAccount, a schema.Account) {
	if !flows.DialectNamed(n.API).Foreseeable() || !flows.DialectOf(a).Foreseeable() {
		return
	}
	path, err := s.foreseenPath(n)
	if err != nil {
		return
	}
	b, err := json.Marshal(flows.Foreseeable(a))
	if err != nil {
		return
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		s.logger.Printf("foreseen: %v", err)
		return
	}
	if err := os.Rename(tmp, path); err != nil {
		s.logger.Printf("foreseen: %v", err)
	}
}
