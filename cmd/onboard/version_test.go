package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"onboard/schema"
)

// What the toolchain records in a build made inside a git checkout.
var vcsBuild = &debug.BuildInfo{
	GoVersion: "go1.26.8",
	Main:      debug.Module{Path: "onboard", Version: "(devel)"},
	Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "a9dd2834c1f0e5b6d7a8b9c0d1e2f3a4b5c6d7e8"},
		{Key: "vcs.time", Value: "2026-12-05T23:10:00Z"},
		{Key: "vcs.modified", Value: "true"},
	},
}

func TestDescribeBuildFromVCS(t *testing.T) {
	b := describeBuild(vcsBuild, "", "", "")
	if b.Version != "devel" || b.Commit != vcsBuild.Settings[1].Value || b.Date != "2026-12-05T23:10:00Z" || !b.Modified || b.GoVersion != "go1.26.8" {
		t.Fatalf("%+v", b)
	}
	want := "onboard devel (commit a9dd2834c1f0+modified, built 2026-12-05T23:10:00Z, go1.26.8, " + runtime.GOOS + "/" + runtime.GOARCH + ")"
	if got := b.Line(schema.English); got != want {
		t.Errorf("English:\n got %q\nwant %q", got, want)
	}
	if got := b.Line(schema.French); !strings.Contains(got, "commit a9dd2834c1f0+modifié, compilé le 2026-12-05T23:10:00Z") {
		t.Errorf("French: %q", got)
	}
}

// A release build's -ldflags -X values win over the toolchain's, and a
// stamped commit is a clean one.
func TestDescribeBuildStamped(t *testing.T) {
	b := describeBuild(vcsBuild, "v1.4.0", "0123456789abcdef", "2026-12-06T00:00:00Z")
	if b.Version != "v1.4.0" || b.Commit != "0123456789abcdef" || b.Date != "2026-12-06T00:00:00Z" || b.Modified {
		t.Fatalf("%+v", b)
	}
	// A module version (go install onboard@v1.3.0) is used when nothing is stamped.
	mod := &debug.BuildInfo{Main: debug.Module{Version: "v1.3.0"}}
	if b := describeBuild(mod, "", "", ""); b.Version != "v1.3.0" || b.GoVersion != runtime.Version() || b.Commit != "" {
		t.Fatalf("%+v", b)
	}
	if got := describeBuild(nil, "", "", "").Line(schema.English); got != "onboard devel ("+runtime.Version()+", "+runtime.GOOS+"/"+runtime.GOARCH+")" {
		t.Errorf("no build info: %q", got)
	}
}

func TestVersionCommandAndFlag(t *testing.T) {
	isolate(t)
	out, stderr, code := runIn(t, nil, "version")
	if code != 0 || !strings.HasPrefix(out, "onboard ") || !strings.Contains(out, runtime.Version()) {
		t.Fatalf("version: exit %d %q %q", code, out, stderr)
	}
	if flag, _, code := runIn(t, nil, "--version"); code != 0 || flag != out {
		t.Errorf("--version: exit %d %q, want %q", code, flag, out)
	}
	js, _, code := runIn(t, nil, "version", "--json")
	var b buildInfo
	if err := json.Unmarshal([]byte(js), &b); err != nil || code != 0 {
		t.Fatalf("version --json: exit %d %v\n%s", code, err, js)
	}
	if b != currentBuild() || b.GoVersion != runtime.Version() || b.Platform != runtime.GOOS+"/"+runtime.GOARCH {
		t.Errorf("version --json: %+v", b)
	}
}

// --debug's log starts with the build, so a log sent with a bug report
// says which onboard wrote it.
func TestDebugLogNamesTheBuild(t *testing.T) {
	isolate(t)
	runIn(t, nil, "--debug", "status", "acct_nope")
	log, err := os.ReadFile(filepath.Join(os.Getenv("XDG_STATE_HOME"), "onboard", "onboard.log"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(log), currentBuild().Line(schema.English)) {
		t.Errorf("debug log has no build line:\n%s", log)
	}
}

// lockedBuffer is written by the serving goroutine and read by the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// sandbox serve's banner: the address first (scripts read that line), then
// the build, in the operator's language.
func TestSandboxServeBannerNamesTheBuild(t *testing.T) {
	isolate(t)
	var out lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	root := newRootCmd(newApp(strings.NewReader(""), &out, &out, func(string) string { return "" }))
	root.SetArgs([]string{"--lang", "fr", "sandbox", "serve", "--addr", "127.0.0.1:0"})
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()
	deadline := time.Now().Add(20 * time.Second)
	for strings.Count(out.String(), "\n") < 2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "bac à sable à l'écoute sur http://127.0.0.1:") || lines[1] != currentBuild().Line(schema.French) {
		t.Errorf("banner: %q", lines)
	}
}
