package ids

import (
	"strings"
	"testing"
)

// Only an id's characters make an id: ids go into v1 paths and SQL.
func TestValid(t *testing.T) {
	for id, want := range map[string]bool{
		"acct_1Abc": true, "person_9": true, "": false, "acct x": false, "acct%25": false,
		"acct\x00": false, "acct_x?limit=1": false, "acct/../x": false,
		strings.Repeat("a", MaxLength): true, strings.Repeat("a", MaxLength+1): false,
	} {
		if Valid(id) != want {
			t.Errorf("Valid(%q) = %v", id, !want)
		}
	}
}

// A new id has its prefix, its length and only the alphabet's characters,
// so the ids the engine makes are always Valid.
func TestNewIsValid(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		id := New("acct_", 16)
		rest, ok := strings.CutPrefix(id, "acct_")
		if !ok || len(rest) != 16 || strings.Trim(rest, Alphabet) != "" || !Valid(id) {
			t.Fatalf("New gave %q", id)
		}
		if seen[id] {
			t.Fatalf("New repeated %q", id)
		}
		seen[id] = true
	}
}

// Every character of the alphabet is drawn about as often as the others:
// a draw that took bytes modulo 62 without discarding the top of the
// byte range would give the first eight characters a quarter more often.
func TestNewIsUniform(t *testing.T) {
	count := map[byte]int{}
	const draws, n = 4000, 31
	for range draws {
		id := New("", n)
		for i := 0; i < len(id); i++ {
			count[id[i]]++
		}
	}
	want := float64(draws*n) / float64(len(Alphabet)) // 2000
	for i := 0; i < len(Alphabet); i++ {
		if got := float64(count[Alphabet[i]]); got < want*0.85 || got > want*1.15 {
			t.Errorf("%q drawn %v times, want about %v", Alphabet[i], got, want)
		}
	}
}
