package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The committed vocabulary is what the generator makes from the spec and
// stripe-go versions go.mod pins: a dependency bump without
// `go generate ./schema` fails here.
func TestCommittedVocabularyIsFresh(t *testing.T) {
	spec, err := SpecPath()
	if err != nil {
		t.Skip("stripe-mock's module is not in the module cache:", err)
	}
	got, err := generate(spec)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join("..", "..", "schema", "vocab_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, committed) {
		t.Fatal("schema/vocab_gen.go is stale: run go generate ./schema")
	}
}
