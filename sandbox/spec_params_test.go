package sandbox

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The committed tables are what go generate writes from the spec3.json
// and stripe-go v84 the module requires.
func TestGeneratedTablesUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("-short leaves out building the generator")
	}
	dir := t.TempDir()
	for _, sub := range []string{"accountsv2", "params"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "run", "./internal/specgen", "-out", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("specgen: %v\n%s", err, out)
	}
	for _, name := range []string{"params/spec_params_gen.go", "accountsv2/v84_fields_gen.go"} {
		want, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not what go generate writes; run go generate ./sandbox", name)
		}
	}
}
