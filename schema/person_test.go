package schema

import (
	"slices"
	"testing"
)

func TestParsePersonPath(t *testing.T) {
	cases := map[string]struct {
		prefix, role, id, leaf string
		index                  int
	}{
		"individual.dob.day":                 {"individual", "", "", "dob.day", 0},
		"representative.email":               {"representative", RoleRepresentative, "", "email", 0},
		"owners.first_name":                  {"owners.0", RoleOwner, "", "first_name", 0},
		"owners.2.relationship.title":        {"owners.2", RoleOwner, "", "relationship.title", 2},
		"directors.last_name":                {"directors.0", RoleDirector, "", "last_name", 0},
		"executives.1.dob":                   {"executives.1", RoleExecutive, "", "dob", 1},
		"person_4KKD1.verification.document": {"person_4KKD1", "", "person_4KKD1", "verification.document", 0},
		"person.person_abc.email":            {"person_abc", "", "person_abc", "email", 0},
	}
	for in, w := range cases {
		ref, leaf, ok := ParsePersonPath(in)
		if !ok || ref.Prefix != w.prefix || ref.Role != w.role || ref.ID != w.id || leaf != w.leaf || ref.Index != w.index {
			t.Errorf("%s: got %+v %q %v", in, ref, leaf, ok)
		}
	}
	for _, bad := range []string{"individual", "owners", "owners.3", "company.name", "person_.x", "owners.1000.email", ""} {
		if _, _, ok := ParsePersonPath(bad); ok {
			t.Errorf("%q parsed as a person path", bad)
		}
	}
}

func TestPersonFieldsGoToThePersonsAPI(t *testing.T) {
	f := Lookup("owners.dob.year", "US")
	if f.Key != "owners.0.dob" || f.Person == nil || f.Person.Role != RoleOwner {
		t.Fatalf("got %+v", f)
	}
	if !slices.Contains(f.Covers, "owners.dob.year") {
		t.Errorf("owners.0.dob does not answer owners.dob.year: %v", f.Covers)
	}
	ps, err := f.Encode("1901-01-01", testCtx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Target != TargetPerson || p.Person != "owners.0" || p.Key[:4] != "dob[" {
			t.Errorf("param %+v", p)
		}
	}
	ps, _ = Lookup("person_abc.address.line1", "US").Encode("address_full_match", testCtx)
	if ps[0].Key != "address[line1]" || ps[0].Person != "person_abc" {
		t.Errorf("person_abc: %+v", ps)
	}
	ps, _ = Lookup("individual.verification.document", "US").Encode("file_identity_document_success, back.png", testCtx)
	if len(ps) != 2 || ps[0].Target != TargetFile || ps[0].Key != "individual[verification][document][front]" ||
		ps[1].Key != "individual[verification][document][back]" || ps[0].Purpose != "identity_document" || ps[0].Person != "" {
		t.Errorf("document: %+v", ps)
	}
}

func TestRolePlaceholderAsksForThePerson(t *testing.T) {
	fs := FieldsFor([]string{"relationship.owner", "company.name"}, "US")
	var keys []string
	for _, f := range fs {
		if f.Person != nil {
			keys = append(keys, f.Key)
			if !slices.Contains(f.Covers, "relationship.owner") {
				t.Errorf("%s does not answer the placeholder", f.Key)
			}
		}
	}
	want := []string{"owners.0.first_name", "owners.0.last_name", "owners.0.email", "owners.0.relationship.percent_ownership"}
	for _, w := range want {
		if !slices.Contains(keys, w) {
			t.Errorf("missing %s in %v", w, keys)
		}
	}
	if Lookup("relationship.account_opener", "US").Kind != KindRole {
		t.Error("the legacy account opener is the representative placeholder")
	}
}

func TestPercentOwnership(t *testing.T) {
	f := Lookup("owners.relationship.percent_ownership", "GB")
	for v, ok := range map[string]bool{"25": true, "12.5": true, "0": true, "100": true, "101": false, "-1": false, "abc": false} {
		if (f.Validate(v, testCtx) == nil) != ok {
			t.Errorf("%s want ok=%v", v, ok)
		}
	}
}
