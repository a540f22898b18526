package schema

import "strings"

// Public checksums of national identity, company and bank numbers, used by
// the country table (countries_*.go). Each takes the value already
// normalized (separators removed, upper case) and never panics on any
// input. These are the countries' own published rules, not Stripe's:
// Stripe may accept values these reject (its test ids always pass, see
// isTestID), so each is listed in the index of guesses (countries.go).

// digitsOf returns the digits of an all-digit string, or nil.
func digitsOf(s string) []int {
	if !isDigits(s) {
		return nil
	}
	out := make([]int, len(s))
	for i := range s {
		out[i] = int(s[i] - '0')
	}
	return out
}

// weightedMod returns Σ d[i]·w[i] mod m over the first len(w) digits.
func weightedMod(d, w []int, m int) int {
	sum := 0
	for i, x := range w {
		sum += d[i] * x
	}
	return sum % m
}

// validCPF checks a Brazilian CPF: 11 digits, two mod-11 check digits.
func validCPF(s string) bool {
	d := digitsOf(s)
	if len(d) != 11 || strings.Count(s, s[:1]) == 11 {
		return false
	}
	for n := 9; n <= 10; n++ {
		sum := 0
		for i := 0; i < n; i++ {
			sum += d[i] * (n + 1 - i)
		}
		c := sum * 10 % 11 % 10
		if c != d[n] {
			return false
		}
	}
	return true
}

// validCNPJ checks a Brazilian CNPJ: 14 digits, two mod-11 check digits.
func validCNPJ(s string) bool {
	d := digitsOf(s)
	if len(d) != 14 {
		return false
	}
	w1 := []int{5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}
	w2 := append([]int{6}, w1...)
	for i, w := range [][]int{w1, w2} {
		r := weightedMod(d, w, 11)
		c := 0
		if r >= 2 {
			c = 11 - r
		}
		if c != d[12+i] {
			return false
		}
	}
	return true
}

// validCLABE checks a Mexican CLABE: 18 digits; weights 3,7,1 over the
// first 17, each product mod 10, and the last digit completes the sum to
// a multiple of 10.
func validCLABE(s string) bool {
	d := digitsOf(s)
	if len(d) != 18 {
		return false
	}
	w := [3]int{3, 7, 1}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += d[i] * w[i%3] % 10
	}
	return (10-sum%10)%10 == d[17]
}

// validCURP checks a Mexican CURP: 18 characters in its pattern, the last a
// check digit over the first 17 (weights 18..2).
func validCURP(s string) bool {
	if !curpRE(s) {
		return false
	}
	const alphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(alphabet, s[i]) * (18 - i)
	}
	return (10-sum%10)%10 == int(s[17]-'0')
}

var curpRE = re(`^[A-Z]{4}\d{6}[HMX][A-Z]{5}[A-Z0-9]\d$`)

// validRFC checks the shape of a Mexican RFC: 3 (company) or 4 (person)
// letters, a yymmdd date and a 3-character homoclave.
var validRFC = re(`^[A-Z&Ñ]{3,4}\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[A-Z0-9]{3}$`)

// validNRIC checks a Singapore NRIC or FIN: a prefix letter, 7 digits
// and a check letter (weights 2,7,6,5,4,3,2).
func validNRIC(s string) bool {
	if len(s) != 9 || !strings.ContainsRune("STFGM", rune(s[0])) {
		return false
	}
	d := digitsOf(s[1:8])
	if d == nil {
		return false
	}
	sum := 0
	for i, w := range []int{2, 7, 6, 5, 4, 3, 2} {
		sum += d[i] * w
	}
	table := "JZIHGFEDCBA"
	switch s[0] {
	case 'T', 'G':
		sum += 4
	case 'M':
		sum += 3
	}
	switch s[0] {
	case 'F', 'G':
		table = "XWUTRQPNMLK"
	case 'M':
		table = "KLJNPQRTUWX"
	}
	return table[sum%11] == s[8]
}

// validHKID checks a Hong Kong identity card number: 1 or 2 letters, 6
// digits and a check character (0-9 or A), mod 11.
func validHKID(s string) bool {
	if len(s) != 8 && len(s) != 9 {
		return false
	}
	letters := len(s) - 7
	vals := []int{}
	if letters == 1 {
		vals = append(vals, 36) // a space counts as 36
	}
	for i := 0; i < letters; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
		vals = append(vals, int(s[i]-'A')+10)
	}
	d := digitsOf(s[letters : letters+6])
	if d == nil {
		return false
	}
	vals = append(vals, d...)
	sum := 0
	for i, v := range vals {
		sum += v * (9 - i)
	}
	c := (11 - sum%11) % 11
	want := byte('0' + c)
	if c == 10 {
		want = 'A'
	}
	return s[len(s)-1] == want
}

// validPESEL checks a Polish PESEL: 11 digits, weights 1,3,7,9.
func validPESEL(s string) bool {
	d := digitsOf(s)
	if len(d) != 11 {
		return false
	}
	r := weightedMod(d, []int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}, 10)
	return (10-r)%10 == d[10]
}

// validNIP checks a Polish NIP: 10 digits, weights 6,5,7,2,3,4,5,6,7 mod 11.
func validNIP(s string) bool {
	d := digitsOf(s)
	return len(d) == 10 && weightedMod(d, []int{6, 5, 7, 2, 3, 4, 5, 6, 7}, 11) == d[9]
}

// validDNI checks a Spanish DNI (8 digits and a letter) or NIE (X, Y or Z,
// 7 digits and a letter): the letter is the number mod 23.
func validDNI(s string) bool {
	if len(s) != 9 {
		return false
	}
	num := s[:8]
	if i := strings.IndexByte("XYZ", s[0]); i >= 0 {
		num = string(rune('0'+i)) + s[1:8]
	}
	d := digitsOf(num)
	if d == nil {
		return false
	}
	n := 0
	for _, x := range d {
		n = n*10 + x
	}
	return "TRWAGMYFPDXBNJZSQVHLCKE"[n%23] == s[8]
}

// validCIF checks a Spanish company NIF (CIF): a letter, 7 digits and a
// control digit or letter.
func validCIF(s string) bool {
	if len(s) != 9 || !strings.ContainsRune("ABCDEFGHJNPQRSUVW", rune(s[0])) {
		return false
	}
	d := digitsOf(s[1:8])
	if d == nil {
		return false
	}
	sum := 0
	for i, x := range d {
		if i%2 == 0 {
			x *= 2
			x = x/10 + x%10
		}
		sum += x
	}
	c := (10 - sum%10) % 10
	return s[8] == byte('0'+c) || s[8] == "JABCDEFGHI"[c]
}

// validCodiceFiscale checks an Italian codice fiscale: 16 characters, the
// last a check letter from the odd and even positions' tables.
func validCodiceFiscale(s string) bool {
	if !re(`^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$`)(s) {
		return false
	}
	odd := []int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}
	sum := 0
	for i := 0; i < 15; i++ {
		c := s[i]
		v := int(c - 'A')
		if c >= '0' && c <= '9' {
			v = int(c - '0')
		}
		if i%2 == 0 {
			sum += odd[v]
		} else {
			sum += v
		}
	}
	return s[15] == byte('A'+sum%26)
}

// validOIB checks a Croatian OIB: 11 digits, ISO 7064 mod 11,10.
func validOIB(s string) bool {
	d := digitsOf(s)
	if len(d) != 11 {
		return false
	}
	a := 10
	for i := 0; i < 10; i++ {
		a = (a + d[i]) % 10
		if a == 0 {
			a = 10
		}
		a = a * 2 % 11
	}
	return (11-a)%10 == d[10]
}

// mod11Check returns a weighted mod-11 check where r = Σ mod 11 and the
// check digit is 11 - r (0 when r is 0); ok is false when r is 1.
func mod11Check(d, w []int) (int, bool) {
	r := weightedMod(d, w, 11)
	switch r {
	case 0:
		return 0, true
	case 1:
		return 0, false
	}
	return 11 - r, true
}

// validNOOrg checks a Norwegian organisation number: 9 digits, mod 11.
func validNOOrg(s string) bool {
	d := digitsOf(s)
	if len(d) != 9 {
		return false
	}
	c, ok := mod11Check(d, []int{3, 2, 7, 6, 5, 4, 3, 2})
	return ok && c == d[8]
}

// validCVR checks a Danish CVR number: 8 digits whose weighted sum
// (2,7,6,5,4,3,2,1) divides by 11.
func validCVR(s string) bool {
	d := digitsOf(s)
	return len(d) == 8 && weightedMod(d, []int{2, 7, 6, 5, 4, 3, 2, 1}, 11) == 0
}

// validYTunnus checks a Finnish business ID: 8 digits, mod 11.
func validYTunnus(s string) bool {
	d := digitsOf(s)
	if len(d) != 8 {
		return false
	}
	c, ok := mod11Check(d, []int{7, 9, 10, 5, 8, 4, 2})
	return ok && c == d[7]
}

// validCHUID checks a Swiss UID: CHE and 9 digits, mod 11.
func validCHUID(s string) bool {
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, "MWST"), "TVA"), "IVA")
	s = strings.TrimPrefix(s, "CHE")
	d := digitsOf(s)
	if len(d) != 9 {
		return false
	}
	c, ok := mod11Check(d, []int{5, 4, 3, 2, 7, 6, 5, 4})
	return ok && c != 10 && c == d[8]
}

// validBEEnterprise checks a Belgian enterprise number: 10 digits (0 or
// 1 first), the last two 97 minus the first eight mod 97.
func validBEEnterprise(s string) bool {
	d := digitsOf(s)
	if len(d) != 10 || d[0] > 1 {
		return false
	}
	n := 0
	for _, x := range d[:8] {
		n = n*10 + x
	}
	return 97-n%97 == d[8]*10+d[9]
}

// validICO checks a Czech or Slovak IČO: 8 digits, weights 8..2 mod 11.
func validICO(s string) bool {
	d := digitsOf(s)
	if len(d) != 8 {
		return false
	}
	r := weightedMod(d, []int{8, 7, 6, 5, 4, 3, 2}, 11)
	return (11-r)%10 == d[7]
}

// validPTNIF checks a Portuguese NIF or NIPC: 9 digits, weights 9..2 mod 11.
func validPTNIF(s string) bool {
	d := digitsOf(s)
	if len(d) != 9 {
		return false
	}
	c := 11 - weightedMod(d, []int{9, 8, 7, 6, 5, 4, 3, 2}, 11)
	if c >= 10 {
		c = 0
	}
	return c == d[8]
}

// validThaiID checks a Thai national id or tax id: 13 digits, weights
// 13..2 mod 11.
func validThaiID(s string) bool {
	d := digitsOf(s)
	if len(d) != 13 {
		return false
	}
	r := weightedMod(d, []int{13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2}, 11)
	return (11-r)%10 == d[12]
}

// validJPCorporate checks a Japanese corporate number: 13 digits, the
// first a check digit, 9 minus the weighted sum (1 and 2 alternating from
// the right) mod 9.
func validJPCorporate(s string) bool {
	d := digitsOf(s)
	if len(d) != 13 {
		return false
	}
	sum := 0
	for n := 1; n <= 12; n++ {
		q := 1
		if n%2 == 0 {
			q = 2
		}
		sum += d[13-n] * q
	}
	return 9-sum%9 == d[0]
}

// validGS1 checks a GS1 number (NZBN: 13 digits): weights 3 and 1
// alternating from the right of the payload.
func validGS1(s string) bool {
	d := digitsOf(s)
	if len(d) < 8 {
		return false
	}
	sum := 0
	for i := len(d) - 2; i >= 0; i-- {
		w := 3
		if (len(d)-2-i)%2 == 1 {
			w = 1
		}
		sum += d[i] * w
	}
	return (10-sum%10)%10 == d[len(d)-1]
}
