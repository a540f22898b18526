package sandbox

import (
	"onboard/sandbox/engine"
	"onboard/sandbox/params"
	"slices"
	"strconv"
	"strings"

	"onboard/sandbox/rules"
)

// individual handles individual[...]. Names, date of birth, address and
// identity numbers join the identity verification group; their outcome
// comes from Stripe's test values. Secrets are reduced to *_provided flags.
func (ap *applier) individual(p *params.Param) error {
	ind := p.Get("individual")
	if !ind.Present() {
		return nil
	}
	a := ap.a
	if a.Individual == nil {
		// Read the hash into a scratch account first so that unknown or
		// malformed parameters are reported before the business rule, as
		// Stripe validates the request shape first.
		scratch := &applier{r: ap.r, a: &engine.Account{
			Country: a.Country, Fields: map[string]engine.Field{},
			Individual: &engine.Individual{Address: map[string]string{}, Metadata: map[string]string{}},
		}}
		if err := scratch.individual(p); err != nil {
			return err
		}
		if err := ind.Unknown(); err != nil {
			return err
		}
		return invalid("", "individual",
			"You can only provide individual details when business_type is individual (set business_type=individual in the same request or first).")
	}
	// The relationship hash exists on account.individual but means nothing
	// for an individual account [G]: validated, then ignored.
	if err := checkRelationship(ind.Get("relationship")); err != nil {
		return err
	}
	return ap.personFields(ind, a.Individual, rules.IndividualPrefix)
}

// checkRelationship validates individual[relationship][...] types.
func checkRelationship(rel *params.Param) error {
	for _, name := range []string{"director", "executive", "owner"} {
		if _, _, e := rel.Get(name).Boolean(); e != nil {
			return e
		}
	}
	if n := rel.Get("percent_ownership"); n.Present() {
		if v, _ := n.Str(); v != "" {
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				return invalid("", n.Path, "Invalid percent_ownership: must be a number between 0 and 100.")
			}
		}
	}
	_, _ = rel.Get("title").Str()
	return nil
}

// personFields reads the identity fields shared by account.individual and
// Persons into in, submitting requirements under prefix.
func (ap *applier) personFields(n *params.Param, in *engine.Individual, prefix string) error {
	for _, f := range []struct {
		name  string
		dst   *string
		check checker
	}{
		{"first_name", &in.FirstName, nil},
		{"last_name", &in.LastName, nil},
		{"email", &in.Email, checkEmail},
		{"phone", &in.Phone, checkPhone},
	} {
		if err := ap.setField(n.Get(f.name), f.dst, prefix+f.name, f.check); err != nil {
			return err
		}
	}
	if err := readMetadata(n.Get("metadata"), in.Metadata); err != nil {
		return err
	}
	if err := ap.dob(n.Get("dob"), in, prefix); err != nil {
		return err
	}
	if err := ap.address(n.Get("address"), in.Address, prefix, false); err != nil {
		return err
	}
	if err := ap.japanese(n, prefix, japaneseNames); err != nil {
		return err
	}
	if err := ap.verificationDocs(n.Get("verification"), in, prefix); err != nil {
		return err
	}
	return ap.identityNumbers(n, in, prefix)
}

// dob requires day, month and year together (Stripe rejects a partial
// date), checks the date is plausible, and submits all three parts.
func (ap *applier) dob(n *params.Param, in *engine.Individual, prefix string) error {
	if !n.Present() {
		return nil
	}
	if v, ok := n.Str(); ok && len(n.Kids) == 0 {
		if v == "" {
			return errEmpty(n.Path)
		}
		return invalid("", n.Path, "Invalid hash: %s must be given as %s[day], %s[month] and %s[year].", n.Path, n.Path, n.Path, n.Path)
	}
	var parts [3]int64
	for i, name := range []string{"day", "month", "year"} {
		c := n.Get(name)
		v, ok, e := c.Integer()
		if e != nil {
			return e
		}
		if !ok {
			return errMissingParam(n.Path + "[" + name + "]")
		}
		parts[i] = v
	}
	d := engine.Date{Day: parts[0], Month: parts[1], Year: parts[2]}
	if e := checkDOB(n.Path, d, ap.r.now); e != nil {
		return e
	}
	in.DOB = &d
	out := engine.DOBOutcome(d)
	for _, part := range []string{"day", "month", "year"} {
		ap.submit(prefix+"dob."+part, out)
	}
	return nil
}

// address stores an address and submits its parts under prefix. line1
// carries the address test tokens; on a business address (business=true)
// address_no_match only stops payouts and address_line1_no_match fails
// every part (https://docs.stripe.com/connect/testing).
func (ap *applier) address(n *params.Param, addr map[string]string, prefix string, business bool) error {
	if !n.Present() {
		return nil
	}
	vals := map[string]string{}
	for _, name := range []string{"line1", "line2", "city", "state", "postal_code", "country"} {
		c := n.Get(name)
		v, ok := c.Str()
		if !ok {
			continue
		}
		if v == "" {
			if name != "line2" {
				return errEmpty(c.Path)
			}
			delete(addr, name)
			continue
		}
		if name == "country" {
			v = strings.ToUpper(v)
			if !countryRE.MatchString(v) {
				return invalid("", c.Path, "Invalid country: %s", v)
			}
		}
		vals[name] = v
	}
	country := ap.a.Country
	if c, ok := vals["country"]; ok {
		country = c
	} else if c, ok := addr["country"]; ok {
		country = c
	}
	if e := checkAddress(n.Path, country, vals); e != nil {
		return e
	}
	line1 := engine.Outcome{}
	all := engine.Outcome{}
	if l, ok := vals["line1"]; ok {
		line1 = engine.AddressOutcome(l)
		if business && line1.Code != "" {
			if strings.TrimSpace(l) == "address_line1_no_match" {
				all = line1
			} else {
				line1.PayoutsOnly = true
			}
		}
	}
	if all.Code != "" {
		// Every part of the business address is listed again.
		for _, name := range []string{"city", "state", "postal_code"} {
			if _, ok := vals[name]; !ok && addr[name] != "" {
				ap.submit(prefix+"address."+name, all)
			}
		}
	}
	for name, v := range vals {
		addr[name] = v
		switch name {
		case "line1":
			ap.submit(prefix+"address.line1", line1)
		case "city", "state", "postal_code":
			ap.submit(prefix+"address."+name, all)
		}
	}
	return nil
}

// checkAddress validates postal code and state by the address's country
// (rules.Countries): a wrong format is a synchronous 400.
func checkAddress(path, country string, vals map[string]string) *apiError {
	prof, ok := rules.Countries[country]
	if !ok {
		return nil
	}
	if pc, ok := vals["postal_code"]; ok && prof.Postal != nil && !prof.Postal.MatchString(strings.TrimSpace(pc)) {
		return invalid("postal_code_invalid", path+"[postal_code]", "Invalid postal code for %s: %s", country, pc)
	}
	if st, ok := vals["state"]; ok && prof.States != nil {
		s := strings.ToUpper(strings.TrimSpace(st))
		s = strings.TrimPrefix(strings.TrimPrefix(s, "CO. "), "COUNTY ")
		if !slices.Contains(prof.States, s) {
			return invalid("", path+"[state]", "Invalid state for %s: %s (expected one of %s)", country, st, strings.Join(prof.States, ", "))
		}
	}
	return nil
}

// identityNumbers handles the write-only ssn_last_4 and id_number. Only the
// *_provided flags and the outcome the value implies are kept. A full SSN
// also provides its last four digits, as on Stripe.
func (ap *applier) identityNumbers(n *params.Param, in *engine.Individual, prefix string) error {
	prof := rules.Countries[ap.a.Country]
	if c := n.Get("ssn_last_4"); c.Present() {
		v, ok, e := c.NonEmpty()
		if e != nil {
			return e
		}
		if ok {
			if !prof.SSNLast4 {
				return invalid("", c.Path, "ssn_last_4 is only collected for US accounts.")
			}
			if !last4RE.MatchString(v) {
				return invalid("", c.Path, "Invalid ssn_last_4: it must be exactly 4 digits.")
			}
			in.SSNLast4Provided = true
			ap.submit(prefix+"ssn_last_4", engine.SSNLast4Outcome(v))
		}
	}
	c := n.Get("id_number")
	v, ok, e := c.NonEmpty()
	if e != nil || !ok {
		return e
	}
	v = strings.ReplaceAll(strings.TrimSpace(v), "-", "")
	if prof.IDNumber != nil && !prof.IDNumber.MatchString(v) {
		return invalid("", c.Path, "Invalid id_number: %s.", prof.IDNumberHint)
	}
	in.IDNumberProvided = true
	out := engine.IDNumberOutcome(v)
	ap.submit(prefix+"id_number", out)
	if prof.SSNLast4 {
		in.SSNLast4Provided = true
		ap.submit(prefix+"ssn_last_4", out)
	}
	return nil
}

// tos handles tos_acceptance[date|ip|user_agent].
// tosEpoch is the earliest ToS acceptance date Stripe takes (2009-01-01
// UTC); a later one in the future is refused too.
const tosEpoch = 1230768000

func (ap *applier) tos(p *params.Param) error {
	t := p.Get("tos_acceptance")
	if date, ok, e := t.Get("date").Integer(); e != nil {
		return e
	} else if ok {
		if date < tosEpoch || date > ap.r.now.Unix() {
			return invalid("", "tos_acceptance[date]", "ToS acceptance date is not valid. Dates are expected to be integers, measured in seconds, not in the future, and after 2009.")
		}
		ap.a.TOS.Date = date
		ap.submit("tos_acceptance.date", engine.Outcome{})
	}
	if err := ap.setField(t.Get("ip"), &ap.a.TOS.IP, "tos_acceptance.ip", checkIP); err != nil {
		return err
	}
	return ap.setField(t.Get("user_agent"), &ap.a.TOS.UserAgent, "", nil)
}
