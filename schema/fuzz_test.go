package schema

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// Fuzz targets: the requirement parser, the path→parameter encoder and the
// Param→field mapper must never panic, whatever Stripe (or a corrupted
// answers file) sends. Seeds are the reference's strings.

func seedPaths(f *testing.F) []string {
	paths := readPaths(f)
	paths = append(paths, "", ".", "..", "owners.", "owners.100.email", "person_", "person.person_x",
		"relationship.account_opener.", "individual.dob.day.extra", "a[b]", "ünïcode.é", "owners.-1.email")
	return paths
}

func FuzzParsePersonPath(f *testing.F) {
	for _, p := range seedPaths(f) {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, path string) {
		ref, leaf, ok := ParsePersonPath(path)
		if !ok {
			return
		}
		if leaf == "" || ref.Prefix == "" || ref.Index < 0 || ref.Index > 99 {
			t.Fatalf("%q: %+v %q", path, ref, leaf)
		}
		// The key a field gets parses back to the same person and leaf.
		ref2, leaf2, ok := ParsePersonPath(ref.Prefix + "." + leaf)
		if !ok || ref2 != ref || leaf2 != leaf {
			t.Fatalf("%q: %+v %q does not round-trip: %+v %q %v", path, ref, leaf, ref2, leaf2, ok)
		}
	})
}

var reFuzzKey = regexp.MustCompile(`^[A-Za-z0-9_-]+(\[[A-Za-z0-9_-]+\])*$`)

func FuzzEncode(f *testing.F) {
	for i, p := range seedPaths(f) {
		f.Add(p, []string{"x", "2020-01-01", "true", "+14155550123", "DE89370400440532013000", "000000000", "a,b", ""}[i%8], testCountries[i%len(testCountries)])
	}
	f.Fuzz(func(t *testing.T, path, value, country string) {
		ctx := testCtx
		ctx.Country = country
		fields := append(FieldsFor([]string{path}, country), Lookup(path, country))
		for _, fl := range fields {
			_ = fl.Check(ctx)(value)
			_ = fl.Mask(value)
			ps, err := fl.Encode(value, ctx)
			if err != nil {
				if _, ok := err.(*Problem); !ok || err.Error() == "" {
					t.Fatalf("%q %q: error %T %v", path, value, err, err)
				}
				continue
			}
			for _, p := range ps {
				if !reFuzzKey.MatchString(p.Key) {
					t.Fatalf("%q %q: malformed key %q", path, value, p.Key)
				}
				if (p.Target == TargetPerson) != (fl.Person != nil && !fl.Person.OnAccount() && p.Target != TargetFile) {
					t.Fatalf("%q: target %v for person %+v", path, p.Target, fl.Person)
				}
				if p.Target == TargetFile && p.Purpose == "" {
					t.Fatalf("%q: file without purpose", path)
				}
				if utf8.ValidString(value) && !utf8.ValidString(p.Value) {
					t.Fatalf("%q: invalid UTF-8 value from valid input", path)
				}
			}
		}
	})
}

func FuzzFieldForParam(f *testing.F) {
	for i, p := range seedPaths(f) {
		f.Add(Brackets(p), testCountries[i%len(testCountries)])
	}
	for _, p := range []string{"individual[dob][day]", "bank_account[routing_number]", "documents[x][files][0]", "[[]]", "a]b[c", "company[verification][document][back]"} {
		f.Add(p, "US")
	}
	f.Fuzz(func(t *testing.T, param, country string) {
		key := FieldForParam(param, country)
		if param == "" {
			if key != "" {
				t.Fatalf("empty param gave %q", key)
			}
			return
		}
		// The key names a field: looking it up again gives the same field.
		if k := Lookup(key, country).Key; k != key && strings.TrimSpace(key) != "" {
			t.Fatalf("%q -> %q -> %q", param, key, k)
		}
	})
}
