package rules

import "testing"

// The tables are consistent: every table's country has a profile, every
// country has a table before its business type is known, and every row
// names a requirement.
func TestTablesAreConsistent(t *testing.T) {
	for k, rows := range Tables() {
		if _, ok := Countries[k.Country]; !ok {
			t.Errorf("table %v has no country profile", k)
		}
		for _, r := range rows {
			if r.Path == "" {
				t.Errorf("table %v has a row without a path: %+v", k, r)
			}
		}
	}
	for c, p := range Countries {
		// Every pattern compiles (they are compiled on first use).
		for _, re := range []*Pattern{p.IDNumber, p.TaxID, p.Postal} {
			if re != nil && re.String() == "" {
				t.Errorf("country %s: empty pattern", c)
			}
		}
		if !Supported(c, "") || p.Currency == "" {
			t.Errorf("country %s: table before business_type %v, currency %q", c, Supported(c, ""), p.Currency)
		}
	}
	if g, prefix := GroupOf("person_abc.dob.day"); g == nil || g.Name != "identity" || prefix != "person_abc." {
		t.Errorf("GroupOf(person_abc.dob.day) = %v %q", g, prefix)
	}
}
