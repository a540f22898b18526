package schema

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// libE164 is libphonenumber's own answer, which PhoneE164 must give.
func libE164(v, region string) (string, bool) {
	n, err := phonenumbers.Parse(strings.TrimSpace(v), region)
	if err != nil || !phonenumbers.IsValidNumber(n) {
		return "", false
	}
	return phonenumbers.Format(n, phonenumbers.E164), true
}

// The generated table and phoneParse answer as libphonenumber does for
// what people type: every region's example numbers of every type, in
// E.164, international, national and out-of-country (IDD) forms, with
// and without punctuation, typed in their own country and in others,
// plus near misses (a digit short, a digit too many, a changed digit).
func TestPhoneMatchesLibphonenumber(t *testing.T) {
	t.Parallel()
	types := []phonenumbers.PhoneNumberType{phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE,
		phonenumbers.PREMIUM_RATE, phonenumbers.SHARED_COST, phonenumbers.VOIP, phonenumbers.PERSONAL_NUMBER,
		phonenumbers.PAGER, phonenumbers.UAN, phonenumbers.VOICEMAIL}
	dialledFrom := []string{"US", "GB", "FR", "DE", "IT", "BR", "MX", "JP", "AU", "IN", "AR", "CA"}
	checked, mismatches := 0, 0
	check := func(v, region string) {
		checked++
		want, wantOK := libE164(v, region)
		got, gotOK := PhoneE164(v, region)
		if got != want || gotOK != wantOK {
			mismatches++
			if mismatches <= 20 {
				t.Errorf("PhoneE164(%q, %q) = %q %v; libphonenumber %q %v", v, region, got, gotOK, want, wantOK)
			}
		}
	}
	regions := slices.Sorted(maps.Keys(phonenumbers.GetSupportedRegions()))
	for i, region := range regions {
		if raceBuild && i%10 != 0 && region != "US" && region != "GB" && region != "FR" {
			continue // a sample under the race detector (54,000 numbers take a minute there)
		}
		for _, typ := range types {
			n := phonenumbers.GetExampleNumberForType(region, typ)
			if n == nil {
				continue
			}
			e164 := phonenumbers.Format(n, phonenumbers.E164)
			national := phonenumbers.Format(n, phonenumbers.NATIONAL)
			forms := []string{e164, phonenumbers.Format(n, phonenumbers.INTERNATIONAL), national,
				phonenumbers.NormalizeDigitsOnly(national), " " + national + " ", "Tel: " + national + ".",
				e164[:len(e164)-1], e164 + "7", national + "1", e164[:len(e164)-1] + string('0'+(e164[len(e164)-1]-'0'+3)%10)}
			for _, v := range forms {
				check(v, region)
			}
			for _, from := range dialledFrom {
				check(e164, from)
				check(national, from)
				check(phonenumbers.FormatOutOfCountryCallingNumber(n, from), from)
			}
			check(e164, "")
			check(national, "")
		}
	}
	for _, c := range []struct{ v, region string }{
		{"(415) 555-0123", "US"}, {"415.555.0123", "US"}, {"1 415 555 0123", "US"}, {"+1 (415) 555-0123 ext. 12", "US"},
		{"415-555-0123 x12", "US"}, {"011 44 20 7123 4567", "US"}, {"00 33 1 23 45 67 89", "FR"}, {"01 23 45 67 89", "FR"},
		{"33 1 23 45 67 89", "FR"}, {"020 7123 4567", "GB"}, {"44 20 7123 4567", "GB"}, {"+44 (0)20 7123 4567", "GB"},
		{"０２０ ７１２３ ４５６７", "GB"}, {"+49 30 123456", "DE"}, {"030 123456", "DE"}, {"06 1234 5678", "IT"},
		{"+39 06 1234 5678", "IT"}, {"0411 123 456", "AU"}, {"011 15 2345-6789", "AR"}, {"+54 9 11 2345 6789", "AR"},
		{"044 55 1234 5678", "MX"}, {"+52 1 55 1234 5678", "MX"}, {"0", "US"}, {"+", "US"}, {"", "US"}, {"++1 415 555 0123", "US"},
		{"+0 415 555 0123", "US"}, {"+999 1234", "US"}, {"12", "US"}, {"4155550123", "XX"}, {"+14155550123", "XX"},
		{"+800 1234 5678", "US"}, {"+1 415 555 0123", "ZZ"}, {"+1 684 622 1234", "US"}, {"(684) 622-1234", "US"},
	} {
		check(c.v, c.region)
	}
	if mismatches > 0 {
		t.Errorf("%d of %d numbers differ from libphonenumber", mismatches, checked)
	}
	t.Logf("%d numbers checked", checked)
}

// The placeholders are libphonenumber's example numbers.
func TestPhoneExamplesAreLibphonenumbers(t *testing.T) {
	for region := range phonenumbers.GetSupportedRegions() {
		n := phonenumbers.GetExampleNumber(region)
		if n == nil {
			continue
		}
		if got, want := PhoneExample(region), phonenumbers.Format(n, phonenumbers.E164); got != want {
			t.Errorf("PhoneExample(%s) = %s, want %s", region, got, want)
		}
		if got, want := phoneExampleNational(strings.ToLower(region)), phonenumbers.Format(n, phonenumbers.NATIONAL); got != want {
			t.Errorf("phoneExampleNational(%s) = %q, want %q", region, got, want)
		}
	}
}
