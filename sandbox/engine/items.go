package engine

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"onboard/sandbox/rules"
)

// expandItems turns the applicable rule rows into the account's
// requirement strings: role rows become relationship.<role> until a person
// holds the role, then person_<id>.<leaf> for each holder; conditional
// items (documents after a failed check) are appended.
func expandItems(a *Account, now time.Time) []item {
	var items []item
	seen := map[string]int{}
	add := func(it item) {
		if i, ok := seen[it.Path]; ok {
			if it.Stage < items[i].Stage {
				items[i].Stage, items[i].Threshold = it.Stage, it.Threshold
			}
			if it.Caps == nil {
				items[i].Caps = nil
			}
			return
		}
		seen[it.Path] = len(items)
		items = append(items, it)
	}
	for _, r := range ApplicableRules(a) {
		base := item{Stage: r.Stage, Threshold: r.Threshold, Caps: r.Capabilities}
		if r.Role == "" {
			base.Path = r.Path
			add(base)
			continue
		}
		holders := a.Holders(r.Role)
		if len(holders) == 0 {
			if !a.RoleAttested(r.Role) {
				base.Path = "relationship." + r.Role
				add(base)
			}
			continue
		}
		for _, p := range holders {
			base.Path = p.Prefix() + r.Path
			add(base)
		}
	}
	for _, it := range representativeRoleItems(a) {
		add(it)
	}
	// A failed identity check (or a watch-list alert) asks for an identity
	// document; a failed company check for a proof of entity.
	var prefixes []string
	if a.Individual != nil && a.BusinessType == "individual" {
		prefixes = append(prefixes, rules.IndividualPrefix)
	}
	for _, p := range a.Persons {
		prefixes = append(prefixes, p.Prefix())
	}
	if a.Company != nil {
		prefixes = append(prefixes, "company.")
	}
	for _, prefix := range prefixes {
		identity, address, hold := checkFailed(a, prefix, now)
		// A person's date of birth or address that fails its check is not
		// asked again: the document that replaces it is, with the error
		// (the guide's combination table).
		var dobCode, addrCode string
		if prefix != "company." {
			items, dobCode, addrCode = moveToDocuments(a, items, prefix, now)
			for i, it := range items {
				seen[it.Path] = i
			}
		}
		// A failing test document fails regardless of the keyed checks
		// (Stripe's guide: the test image wins, both ways).
		docFailed := RawStatus(a, prefix+"verification.document", now) == FieldFailed
		if identity || hold || docFailed {
			add(item{Path: prefix + "verification.document", PayoutsOnly: hold && !identity, Code: dobCode})
		}
		if address && prefix != "company." {
			// An address that cannot be matched asks for a proof of address
			// (the address test tokens of
			// https://docs.stripe.com/connect/testing).
			add(item{Path: prefix + "verification.additional_document", Code: addrCode})
		}
	}
	for _, f := range []string{"business_profile.name", "settings.payments.statement_descriptor", "settings.card_payments.statement_descriptor_prefix"} {
		if Status(a, f, now) == FieldFailed {
			add(item{Path: f})
		}
	}
	for _, p := range a.Persons {
		if p.Director && p.DirectorCode != "" {
			add(item{Path: "documents.proof_of_registration.files", Code: p.DirectorCode})
			break
		}
	}
	if a.Bank != nil && a.Bank.Ownership == "documents" && Status(a, "external_account", now) == FieldDone {
		add(item{Path: "documents.bank_account_ownership_verification.files", PayoutsOnly: true})
	}
	return applyAlternatives(a, items, now)
}

// moveToDocuments drops the person's failed dob.* and address.* items and
// returns the codes their documents carry instead.
func moveToDocuments(a *Account, items []item, prefix string, now time.Time) ([]item, string, string) {
	var dobCode, addrCode string
	out := items[:0:0]
	for _, it := range items {
		rest, ok := strings.CutPrefix(it.Path, prefix)
		isDOB, isAddr := ok && strings.HasPrefix(rest, "dob."), ok && strings.HasPrefix(rest, "address.")
		if (isDOB || isAddr) && Status(a, it.Path, now) == FieldFailed {
			code := a.Fields[it.Path].Code
			if isDOB && dobCode == "" {
				dobCode = code
			}
			if isAddr && addrCode == "" {
				addrCode = code
			}
			continue
		}
		out = append(out, it)
	}
	return out, dobCode, addrCode
}

// applyAlternatives drops an original requirement once its alternative was
// provided (a product description instead of a URL); a failed alternative
// is listed itself, with its error.
func applyAlternatives(a *Account, items []item, now time.Time) []item {
	for _, pair := range alternativePairs {
		provided, failed := true, false
		for _, f := range pair.AlternativeFieldsDue {
			switch Status(a, f, now) {
			case FieldMissing:
				provided = false
			case FieldFailed:
				provided, failed = false, true
			}
		}
		for i := 0; i < len(items); i++ {
			if !slices.Contains(pair.OriginalFieldsDue, items[i].Path) {
				continue
			}
			// A URL that was sent and failed stays listed with its
			// error, description or not; only one never sent is replaced.
			if provided && Status(a, items[i].Path, now) == FieldMissing {
				items = slices.Delete(items, i, i+1)
				i--
			} else if failed {
				for _, f := range pair.AlternativeFieldsDue {
					items = append(items, item{Path: f, Stage: items[i].Stage, Caps: items[i].Caps})
				}
			}
		}
	}
	return items
}

// checkFailed reports whether the identity (or company) check under prefix
// failed on other fields than the address, whether the address failed (no
// document rescued either), and whether a value raised a hold.
func checkFailed(a *Account, prefix string, now time.Time) (identity, address, hold bool) {
	for path, f := range a.Fields {
		if !strings.HasPrefix(path, prefix) || IsDocument(path) {
			continue
		}
		if g, _ := rules.GroupOf(path); g == nil {
			continue
		}
		switch Status(a, path, now) {
		case FieldFailed:
			if strings.HasPrefix(path[len(prefix):], "address.") {
				address = true
			} else {
				identity = true
			}
		case FieldDone:
			if f.Hold && RawStatus(a, prefix+"verification.document", now) != FieldDone {
				hold = true
			}
		}
	}
	return identity, address, hold
}

// Holders returns the persons holding role, in creation order.
func (a *Account) Holders(role string) []*Person {
	var out []*Person
	for _, p := range a.Persons {
		if p.Holds(role) {
			out = append(out, p)
		}
	}
	return out
}

// RoleAttested reports whether the company attested that all persons of a
// role were provided (company[owners_provided]=true, ...): then no
// placeholder is asked for a role nobody holds.
func (a *Account) RoleAttested(role string) bool {
	if a.Company == nil {
		return false
	}
	switch role {
	case "owner":
		return a.Company.OwnersProvided
	case "director":
		return a.Company.DirectorsProvided
	case "executive":
		return a.Company.ExecutivesProvided
	}
	return false
}

// Person finds a person by id, or nil.
func (a *Account) Person(id string) *Person {
	for _, p := range a.Persons {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Paused reports the inactivity test URL, which pauses the account's
// capabilities (https://docs.stripe.com/connect/testing).
func Paused(a *Account) bool {
	u, err := url.Parse(WithScheme(a.Profile["url"]))
	return err == nil && a.Profile["url"] != "" && strings.EqualFold(u.Hostname(), inactivityHost)
}
