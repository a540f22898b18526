package main

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// An archive built the release way, for this machine's platform, holds
// the binary, the README, the four shell completions and the man pages,
// its checksum is in SHA256SUMS, and the binary says the stamped version.
func TestReleaseArchive(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("reads a .tar.gz; Windows archives are zips")
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	host := runtime.GOOS + "/" + runtime.GOARCH
	archives, err := Build(Config{Root: root, Out: out, Version: "v9.8.7-test", Platforms: []string{host}})
	if err != nil {
		t.Fatal(err)
	}
	if len(archives) != 1 || filepath.Base(archives[0]) != "onboard_v9.8.7-test_"+runtime.GOOS+"_"+runtime.GOARCH+".tar.gz" {
		t.Fatalf("archives: %v", archives)
	}
	dir := strings.TrimSuffix(filepath.Base(archives[0]), ".tar.gz")
	members := untar(t, archives[0], filepath.Join(out, "x"))
	for _, want := range []string{"onboard", "README.md", "completions/onboard.bash", "completions/_onboard",
		"completions/onboard.fish", "completions/onboard.ps1", "man/man1/onboard.1", "man/man1/onboard-new.1",
		"man/man1/onboard-version.1", "man/man1/onboard-sandbox-serve.1"} {
		if !members[dir+"/"+want] {
			t.Errorf("archive lacks %s (has %v)", want, members)
		}
	}
	bin := filepath.Join(out, "x", dir, "onboard")
	for name, needle := range map[string]string{
		"completions/onboard.bash": "__start_onboard", "completions/_onboard": "#compdef onboard",
		"completions/onboard.fish": "complete -c onboard", "completions/onboard.ps1": "Register-ArgumentCompleter",
		"man/man1/onboard-new.1": ".TH \"ONBOARD\" \"1\"",
	} {
		if data, err := os.ReadFile(filepath.Join(out, "x", dir, name)); err != nil || !strings.Contains(string(data), needle) {
			t.Errorf("%s: %v, no %q", name, err, needle)
		}
	}

	sums, err := os.ReadFile(filepath.Join(out, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(archives[0])
	sum := sha256.Sum256(data)
	if want := hex.EncodeToString(sum[:]) + "  " + filepath.Base(archives[0]) + "\n"; string(sums) != want {
		t.Errorf("SHA256SUMS:\n%s\nwant\n%s", sums, want)
	}

	line, err := exec.Command(bin, "--version").Output()
	if err != nil || !strings.HasPrefix(string(line), "onboard v9.8.7-test (") || strings.Contains(string(line), "modified") {
		t.Errorf("onboard --version: %v %q", err, line)
	}
	js, err := exec.Command(bin, "version", "--json").Output()
	var v struct{ Version, Commit, Date string }
	if err != nil || json.Unmarshal(js, &v) != nil || v.Version != "v9.8.7-test" || v.Date == "" || !strings.Contains(string(line), v.Date) {
		t.Errorf("onboard version --json: %v %s", err, js)
	}
	// Stripped: no symbol table for go tool nm to read.
	if out, err := exec.Command("go", "tool", "nm", bin).CombinedOutput(); err == nil && strings.Contains(string(out), "main.main") {
		t.Errorf("the release binary keeps its symbol table")
	}
}

// untar extracts a .tar.gz into dir and returns its member names.
func untar(t *testing.T, path, dir string) map[string]bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }() // read only
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	names := map[string]bool{}
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return names
		}
		if err != nil {
			t.Fatal(err)
		}
		names[hdr.Name] = true
		dst := filepath.Join(dir, filepath.FromSlash(hdr.Name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, os.FileMode(hdr.Mode)); err != nil {
			t.Fatal(err)
		}
	}
}
