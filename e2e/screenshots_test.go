package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The README shows the real screens: every picture it references exists,
// is a PNG small enough to commit, and is one that make screenshots
// writes (so rebuilding them refreshes what the README shows).
func TestREADMEScreenshots(t *testing.T) {
	root := ".."
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile(filepath.Join(root, "scripts", "screenshots.sh"))
	if err != nil {
		t.Fatal(err)
	}
	makefile, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(makefile), "screenshots: build") || !strings.Contains(string(makefile), "scripts/screenshots.sh") {
		t.Error("the Makefile has no screenshots target running scripts/screenshots.sh")
	}
	pics := regexp.MustCompile(`\]\((docs/screenshots/[^)]+\.png)\)`).FindAllStringSubmatch(string(readme), -1)
	want := map[string]bool{"wizard": false, "status": false, "triage": false, "explorer": false}
	for _, p := range pics {
		b, err := os.ReadFile(filepath.Join(root, p[1]))
		if err != nil {
			t.Errorf("README shows %s: %v", p[1], err)
			continue
		}
		if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
			t.Errorf("%s is not a PNG", p[1])
		}
		if len(b) > 600<<10 {
			t.Errorf("%s is %d KB: too big to commit", p[1], len(b)>>10)
		}
		name := strings.TrimSuffix(filepath.Base(p[1]), ".png")
		if !strings.Contains(string(script), "shoot "+name+"\n") {
			t.Errorf("%s is not written by scripts/screenshots.sh", p[1])
		}
		want[name] = true
	}
	for name, shown := range want {
		if !shown {
			t.Errorf("the README shows no %s screenshot", name)
		}
	}
}
