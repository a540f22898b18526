package schema

import "testing"

// Stripe's *_kana parameters are the katakana reading of a Japanese name:
// Latin letters, hiragana or kanji there are refused with what to write.
func TestKanaIsKatakana(t *testing.T) {
	c := Context{Lang: English, Country: "JP"}
	for _, path := range []string{"individual.first_name_kana", "representative.last_name_kana", "company.name_kana"} {
		f := Lookup(path, "JP")
		for _, ok := range []string{"ジェニー", "ﾛｰｾﾞﾝ", "ファーエバー 1"} {
			if err := f.Validate(ok, c); err != nil {
				t.Errorf("%s %q refused: %v", path, ok, err)
			}
		}
		for _, bad := range []string{"Jenny", "じぇにー", "山田", "123"} {
			if err := f.Validate(bad, c); err == nil {
				t.Errorf("%s %q accepted", path, bad)
			}
		}
	}
	if err := Lookup("individual.first_name_kana", "JP").Validate("Jenny", Context{Lang: French, Country: "JP"}); err == nil || err.Error() == "" {
		t.Error("no French message")
	}
}
