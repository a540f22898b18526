package schema

import (
	"strings"
	"testing"
)

// Every country of the table: its examples pass its own checks, Stripe's
// test ids pass, and a malformed postal code, id number, company number
// and bank number are refused with a message that shows a right value,
// in English and in French.
func TestEveryCountryChecksItsNumbers(t *testing.T) {
	if len(Countries()) < 44 {
		t.Fatalf("%d countries in the table, want every country Stripe onboards connected accounts in (44)", len(Countries()))
	}
	for _, country := range Countries() {
		t.Run(country, func(t *testing.T) {
			r := rulesFor(country)
			if r.currency == "" || len(r.currency) != 3 {
				t.Errorf("currency %q", r.currency)
			}
			if testCities[country] == "" {
				t.Errorf("no test city")
			}
			en := Context{Lang: English, Country: country, Currency: r.currency}
			fr := Context{Lang: French, Country: country, Currency: r.currency}
			type probe struct {
				key, bad string
				testIDs  bool
			}
			probes := []probe{
				{"individual.address.postal_code", "#?!", false},
				{"individual.id_number", "12!", true},
				{"company.tax_id", "9!", true},
			}
			for _, f := range FieldsFor([]string{"external_account"}, country) {
				if f.Key == "external_account.account_number" || f.Key == "external_account.routing_number" {
					probes = append(probes, probe{f.Key, "12A", false})
				}
			}
			for _, p := range probes {
				f := Lookup(p.key, country)
				if strings.HasPrefix(p.key, "external_account.") {
					for _, b := range FieldsFor([]string{"external_account"}, country) {
						if b.Key == p.key {
							f = b
						}
					}
				}
				if p.key == "individual.address.postal_code" && r.postal.none {
					continue
				}
				generic := p.key == "individual.id_number" && r.id.label == defaultRules.id.label
				if f.Placeholder == "" && !generic {
					t.Errorf("%s: no example", p.key)
					continue
				}
				if err := f.Validate(f.Placeholder, en); err != nil && !generic {
					t.Errorf("%s: its own example %q is refused: %v", p.key, f.Placeholder, err)
				}
				if p.testIDs {
					for id := range testIDNumbers {
						if err := f.Validate(id, en); err != nil {
							t.Errorf("%s: Stripe's test id %s is refused: %v", p.key, id, err)
						}
					}
				}
				errEN, errFR := f.Validate(p.bad, en), f.Validate(p.bad, fr)
				if errEN == nil || errFR == nil {
					t.Errorf("%s: malformed %q accepted", p.key, p.bad)
					continue
				}
				if errEN.Error() == errFR.Error() {
					t.Errorf("%s: the French message is the English one: %v", p.key, errEN)
				}
				// The message shows what a right value looks like: the
				// example, or its shape.
				ex := f.Placeholder
				if !strings.Contains(errEN.Error(), ex) && !strings.Contains(errEN.Error(), groupsOf4(ex)) &&
					!strings.Contains(errEN.Error(), "digit") {
					t.Errorf("%s: message %q shows no right value (%s)", p.key, errEN, ex)
				}
			}
		})
	}
}

// Every IBAN country's test IBAN has its country's length and check
// digits, and starts with the country's code.
func TestEveryTestIBANIsValid(t *testing.T) {
	for _, c := range Countries() {
		b := rulesFor(c).bank
		if !b.iban {
			continue
		}
		ex := b.account.example
		if !ValidIBAN(ex) || ex[:2] != c {
			t.Errorf("%s: test IBAN %s is not a valid %s IBAN", c, ex, c)
		}
		if n, ok := ibanLengths[c]; ok && len(ex) != n {
			t.Errorf("%s: test IBAN %s has %d characters, want %d", c, ex, len(ex), n)
		}
		other := "DE89370400440532013000"
		if c == "DE" {
			other = "FR1420041010050500013M02606"
		}
		if rulesFor(c).bank.account.valid(other) {
			t.Errorf("%s: the IBAN of another country %s is accepted", c, other)
		}
		bad := ex[:len(ex)-1] + string("01"[map[bool]int{true: 1}[ex[len(ex)-1] == '0']])
		if ValidIBAN(bad) {
			t.Errorf("%s: %s passes the check with a wrong last digit", c, bad)
		}
	}
}

func TestCountryTableHasNoDuplicates(t *testing.T) {
	seen := map[string]bool{}
	for _, tbl := range countryTables() {
		for c := range tbl {
			if seen[c] {
				t.Errorf("%s is in two regional tables", c)
			}
			seen[c] = true
		}
	}
}

// The national checksums accept their published examples and refuse the
// same number with one digit changed.
func TestNationalChecksums(t *testing.T) {
	cases := []struct {
		name  string
		f     func(string) bool
		good  string
		wrong string
	}{
		{"CPF", validCPF, "12345678909", "12345678908"},
		{"CNPJ", validCNPJ, "11222333000181", "11222333000182"},
		{"CLABE", validCLABE, "000000001234567897", "000000001234567898"},
		{"CURP", validCURP, "HEGG560427MVZRRL04", "HEGG560427MVZRRL05"},
		{"RFC", validRFC, "GODE561231GR8", "GODE561331GR8"},
		{"NRIC", validNRIC, "S1234567D", "S1234567E"},
		{"HKID", validHKID, "A1234563", "A1234564"},
		{"PESEL", validPESEL, "44051401359", "44051401358"},
		{"NIP", validNIP, "1234563218", "1234563217"},
		{"DNI", validDNI, "12345678Z", "12345678A"},
		{"NIE", validDNI, "X1234567L", "X1234567M"},
		{"CIF", validCIF, "B12345674", "B12345675"},
		{"codice fiscale", validCodiceFiscale, "RSSMRA85T10A562S", "RSSMRA85T10A562T"},
		{"OIB", validOIB, "69435151530", "69435151531"},
		{"NO org", validNOOrg, "923609016", "923609017"},
		{"CVR", validCVR, "13585601", "13585602"},
		{"Y-tunnus", validYTunnus, "01120303", "01120304"},
		{"UID", validCHUID, "CHE109322516", "CHE109322517"},
		{"BE", validBEEnterprise, "0403170701", "0403170702"},
		{"IČO", validICO, "25596608", "25596609"},
		{"NIF", validPTNIF, "123456789", "123456788"},
		{"Thai ID", validThaiID, "1101700230708", "1101700230709"},
		{"corporate number", validJPCorporate, "7000012050002", "8000012050002"},
		{"NZBN", validGS1, "9429041535004", "9429041535005"},
	}
	for _, c := range cases {
		if !c.f(c.good) {
			t.Errorf("%s: %s refused", c.name, c.good)
		}
		if c.f(c.wrong) {
			t.Errorf("%s: %s accepted", c.name, c.wrong)
		}
		for _, s := range []string{"", "A", "0", strings.Repeat("9", 40)} {
			c.f(s) // never panics
		}
	}
}
