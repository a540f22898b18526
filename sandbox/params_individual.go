package sandbox

import (
	"strings"
)

// individual handles individual[...]. Names, date of birth, address and
// identity numbers join the identity verification group; their outcome
// comes from Stripe's test values. Secrets are reduced to *_provided flags.
func (ap *applier) individual(p *param) error {
	ind := p.get("individual")
	if !ind.present() {
		return nil
	}
	a := ap.a
	if a.Individual == nil {
		// Read the hash into a scratch account first so that unknown or
		// malformed parameters are reported before the business rule, as
		// Stripe validates the request shape first.
		scratch := &applier{r: ap.r, a: &accountFacts{
			Country: a.Country, Fields: map[string]fieldFact{},
			Individual: &individualFacts{Address: map[string]string{}, Metadata: map[string]string{}},
		}}
		if err := scratch.individual(p); err != nil {
			return err
		}
		if err := ind.unknown(); err != nil {
			return err
		}
		return invalid("", "individual",
			"You can only provide individual details when business_type is individual (set business_type=individual in the same request or first).")
	}
	in := a.Individual
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
		if err := ap.setField(ind.get(f.name), f.dst, individualPrefix+f.name, f.check); err != nil {
			return err
		}
	}
	if err := readMetadata(ind.get("metadata"), in.Metadata); err != nil {
		return err
	}
	if err := ap.dob(ind.get("dob")); err != nil {
		return err
	}
	if err := ap.address(ind.get("address")); err != nil {
		return err
	}
	return ap.identityNumbers(ind)
}

// dob requires day, month and year together (Stripe rejects a partial
// date), checks the date is plausible, and submits all three parts.
func (ap *applier) dob(n *param) error {
	if !n.present() {
		return nil
	}
	if v, ok := n.str(); ok && len(n.kids) == 0 {
		if v == "" {
			return errEmpty(n.path)
		}
		return invalid("", n.path, "Invalid hash: %s must be given as %s[day], %s[month] and %s[year].", n.path, n.path, n.path, n.path)
	}
	var parts [3]int64
	for i, name := range []string{"day", "month", "year"} {
		c := n.get(name)
		v, ok, e := c.integer()
		if e != nil {
			return e
		}
		if !ok {
			return errMissingParam(n.path + "[" + name + "]")
		}
		parts[i] = v
	}
	d := dateFacts{Day: parts[0], Month: parts[1], Year: parts[2]}
	if e := checkDOB(n.path, d, ap.r.now); e != nil {
		return e
	}
	ap.a.Individual.DOB = &d
	out := dobOutcome(d)
	for _, part := range []string{"day", "month", "year"} {
		ap.submit(individualPrefix+"dob."+part, out)
	}
	return nil
}

// address stores the address; line1 carries the address test tokens.
func (ap *applier) address(n *param) error {
	if !n.present() {
		return nil
	}
	addr := ap.a.Individual.Address
	for _, name := range []string{"line1", "line2", "city", "state", "postal_code", "country"} {
		c := n.get(name)
		v, ok := c.str()
		if !ok {
			continue
		}
		if v == "" {
			if name != "line2" {
				return errEmpty(c.path)
			}
			delete(addr, name)
			continue
		}
		if name == "country" {
			v = strings.ToUpper(v)
			if !countryRE.MatchString(v) {
				return invalid("", c.path, "Invalid country: %s", v)
			}
		}
		addr[name] = v
		switch name {
		case "line1":
			ap.submit(individualPrefix+"address.line1", addressOutcome(v))
		case "city", "state", "postal_code":
			ap.submit(individualPrefix+"address."+name, outcome{})
		}
	}
	return nil
}

// identityNumbers handles the write-only ssn_last_4 and id_number. Only the
// *_provided flags and the outcome the value implies are kept. A full SSN
// also provides its last four digits, as on Stripe.
func (ap *applier) identityNumbers(ind *param) error {
	prof := countries[ap.a.Country]
	in := ap.a.Individual
	if c := ind.get("ssn_last_4"); c.present() {
		v, ok, e := c.nonEmpty()
		if e != nil {
			return e
		}
		if ok {
			if !prof.SSNLast4 {
				return invalid("", c.path, "ssn_last_4 is only collected for US accounts.")
			}
			if !last4RE.MatchString(v) {
				return invalid("", c.path, "Invalid ssn_last_4: it must be exactly 4 digits.")
			}
			in.SSNLast4Provided = true
			ap.submit(individualPrefix+"ssn_last_4", ssnLast4Outcome(v))
		}
	}
	c := ind.get("id_number")
	v, ok, e := c.nonEmpty()
	if e != nil || !ok {
		return e
	}
	v = strings.ReplaceAll(strings.TrimSpace(v), "-", "")
	if prof.IDNumber != nil && !prof.IDNumber.MatchString(v) {
		return invalid("", c.path, "Invalid id_number: %s.", prof.IDNumberHint)
	}
	in.IDNumberProvided = true
	out := idNumberOutcome(v)
	ap.submit(individualPrefix+"id_number", out)
	if prof.SSNLast4 {
		in.SSNLast4Provided = true
		ap.submit(individualPrefix+"ssn_last_4", out)
	}
	return nil
}

// tos handles tos_acceptance[date|ip|user_agent].
func (ap *applier) tos(p *param) error {
	t := p.get("tos_acceptance")
	if date, ok, e := t.get("date").integer(); e != nil {
		return e
	} else if ok {
		if date <= 0 {
			return invalid("", "tos_acceptance[date]", "Invalid tos_acceptance[date]: must be a Unix timestamp.")
		}
		ap.a.TOS.Date = date
		ap.submit("tos_acceptance.date", outcome{})
	}
	if err := ap.setField(t.get("ip"), &ap.a.TOS.IP, "tos_acceptance.ip", checkIP); err != nil {
		return err
	}
	return ap.setField(t.get("user_agent"), &ap.a.TOS.UserAgent, "", nil)
}
