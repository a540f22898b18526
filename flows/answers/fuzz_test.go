package answers_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"onboard/flows/answers"
)

// FuzzLoadAnswers: no file makes the reader panic, and whatever it accepts
// holds only valid text (the checks before the first request rely on it).
// The seeds (the bad files of the table and the README's examples) run
// with every go test.
func FuzzLoadAnswers(f *testing.F) {
	for _, c := range badFiles {
		if len(c.content) < 1<<16 { // the size check needs no fuzzing
			f.Add(c.content, filepath.Ext(c.file) == ".json")
		}
	}
	examples, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*"))
	for _, e := range examples {
		raw, err := os.ReadFile(e)
		if err == nil {
			f.Add(string(raw), filepath.Ext(e) == ".json")
		}
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, content string, isJSON bool) {
		name := "a.yaml"
		if isJSON {
			name = "a.json"
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		a, err := answers.Load(p, answers.Options{IgnoreUnknown: true})
		if err != nil {
			return
		}
		for k, v := range a.Values {
			if !utf8.ValidString(k) || !utf8.ValidString(v) {
				t.Fatalf("accepted invalid UTF-8: %q = %q", k, v)
			}
		}
	})
}
