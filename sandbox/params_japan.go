package sandbox

import (
	"onboard/sandbox/engine"

	"onboard/sandbox/params"
)

// Japanese accounts give names and addresses twice more, in kana and in
// kanji (Stripe's API reference: individual.first_name_kana,
// address_kana[town], company.name_kanji...). Each part given is a
// submitted requirement; it needs no verification of its own.

var (
	japaneseNames        = []string{"first_name_kana", "first_name_kanji", "last_name_kana", "last_name_kanji"}
	japaneseCompanyNames = []string{"name_kana", "name_kanji"}
	japaneseAddressParts = []string{"line1", "line2", "town", "city", "state", "postal_code", "country"}
)

// japanese reads the kana and kanji names listed in names and the
// address_kana and address_kanji hashes under n, submitting each given
// part under prefix. [G] The values are accepted and their requirements
// met; they are not rendered back on the account yet.
func (ap *applier) japanese(n *params.Param, prefix string, names []string) error {
	for _, name := range names {
		v, ok, err := readString(n.Get(name), nil)
		if err != nil {
			return err
		}
		if ok && v != "" {
			ap.submit(prefix+name, engine.Outcome{})
		}
	}
	for _, kind := range []string{"address_kana", "address_kanji"} {
		a := n.Get(kind)
		if !a.Present() {
			continue
		}
		for _, part := range japaneseAddressParts {
			v, ok, err := readString(a.Get(part), nil)
			if err != nil {
				return err
			}
			if ok && v != "" && part != "line2" && part != "country" {
				ap.submit(prefix+kind+"."+part, engine.Outcome{})
			}
		}
	}
	return nil
}
