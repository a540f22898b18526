// Command release builds onboard's release archives: for each platform a
// stripped, version-stamped binary (CGO_ENABLED=0, -trimpath, -s -w)
// packed with the README, the licence if there is one, shell completions
// and man pages, in a .tar.gz (a .zip for Windows), and a SHA256SUMS file
// over the archives. `make release` runs it; `make release VERSION=v1.2.0`
// names the version (else `git describe`).
//
// Usage: go run ./internal/release [-out dist] [-version V] [-platforms linux/amd64,…]
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Platforms are the release targets: Linux, macOS and Windows on amd64
// and arm64.
var Platforms = []string{"linux/amd64", "linux/arm64", "darwin/amd64", "darwin/arm64", "windows/amd64", "windows/arm64"}

// Config is one release.
type Config struct {
	Root      string   // the module's directory
	Out       string   // where archives and SHA256SUMS go
	Version   string   // stamped into the binaries ("" asks git)
	Platforms []string // GOOS/GOARCH pairs
	Log       io.Writer
}

func main() {
	cfg := Config{Log: os.Stdout}
	var platforms string
	flag.StringVar(&cfg.Out, "out", "dist", "directory for the archives and SHA256SUMS")
	flag.StringVar(&cfg.Version, "version", os.Getenv("VERSION"), "version to stamp (default: git describe --tags --always --dirty)")
	flag.StringVar(&platforms, "platforms", strings.Join(Platforms, ","), "comma-separated GOOS/GOARCH list")
	flag.Parse()
	cfg.Platforms = strings.Split(platforms, ",")
	root, err := moduleRoot()
	if err != nil {
		log.Fatal(err)
	}
	cfg.Root = root
	if _, err := Build(cfg); err != nil {
		log.Fatal(err)
	}
}

// Stamp is what a release binary says about itself (`onboard version`).
type Stamp struct{ Version, Commit, Date string }

// Build writes the archives of cfg and SHA256SUMS and returns the
// archives' paths.
func Build(cfg Config) ([]string, error) {
	st, err := stamp(cfg.Root, cfg.Version)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "onboard-release-")
	if err != nil {
		return nil, err
	}
	defer func() { _ = os.RemoveAll(tmp) }() // a temporary build directory
	ldflags := fmt.Sprintf("-s -w -X main.version=%s -X main.commit=%s -X main.buildDate=%s", st.Version, st.Commit, st.Date)

	// Completions and man pages, from a host binary that has the hidden
	// __gendocs command.
	gen := filepath.Join(tmp, "gendocs"+exe(runtime.GOOS))
	if err := goBuild(cfg.Root, runtime.GOOS, runtime.GOARCH, ldflags, gen, "-tags", "gendocs"); err != nil {
		return nil, err
	}
	docs := filepath.Join(tmp, "docs")
	if out, err := exec.Command(gen, "__gendocs", docs).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("__gendocs: %v\n%s", err, out)
	}
	extras, err := docFiles(cfg.Root, docs)
	if err != nil {
		return nil, err
	}
	mtime, _ := time.Parse(time.RFC3339, st.Date)

	var archives []string
	for _, p := range cfg.Platforms {
		goos, goarch, ok := strings.Cut(p, "/")
		if !ok {
			return nil, fmt.Errorf("platform %q: want GOOS/GOARCH", p)
		}
		bin := filepath.Join(tmp, goos+"_"+goarch, "onboard"+exe(goos))
		if err := goBuild(cfg.Root, goos, goarch, ldflags, bin); err != nil {
			return nil, err
		}
		name := fmt.Sprintf("onboard_%s_%s_%s", st.Version, goos, goarch)
		files := append([]file{{name: "onboard" + exe(goos), src: bin, mode: 0o755}}, extras...)
		path := filepath.Join(cfg.Out, name+".tar.gz")
		write := writeTarGz
		if goos == "windows" {
			path, write = filepath.Join(cfg.Out, name+".zip"), writeZip
		}
		if err := write(path, name, files, mtime); err != nil {
			return nil, err
		}
		if fi, err := os.Stat(path); err == nil && cfg.Log != nil {
			_, _ = fmt.Fprintf(cfg.Log, "%s\t%.1f MB\n", path, float64(fi.Size())/1e6)
		}
		archives = append(archives, path)
	}
	return archives, writeSums(filepath.Join(cfg.Out, "SHA256SUMS"), archives)
}

// stamp resolves the version, commit and date to stamp: the commit's
// own date, so that rebuilding a commit gives the same archives.
func stamp(root, version string) (Stamp, error) {
	git := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		out, err := cmd.Output()
		if err != nil {
			return ""
		}
		return strings.TrimSpace(string(out))
	}
	st := Stamp{Version: version, Commit: git("rev-parse", "HEAD")}
	if st.Version == "" {
		st.Version = git("describe", "--tags", "--always", "--dirty")
	}
	if st.Version == "" {
		st.Version = "devel"
	}
	if strings.ContainsAny(st.Version, " \t'\"/\\") {
		return st, fmt.Errorf("version %q: no spaces, quotes or slashes", st.Version)
	}
	st.Date = time.Now().UTC().Format(time.RFC3339)
	if d, err := time.Parse(time.RFC3339, git("log", "-1", "--format=%cI", "HEAD")); err == nil {
		st.Date = d.UTC().Format(time.RFC3339)
	}
	return st, nil
}

func exe(goos string) string {
	if goos == "windows" {
		return ".exe"
	}
	return ""
}

// goBuild builds ./cmd/onboard the release way.
func goBuild(root, goos, goarch, ldflags, out string, extra ...string) error {
	args := append([]string{"build", "-trimpath", "-ldflags", ldflags, "-o", out}, extra...)
	cmd := exec.Command("go", append(args, "./cmd/onboard")...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s/%s: %v\n%s", goos, goarch, err, out)
	}
	return nil
}

// file is one archive member: its name inside the archive's directory.
type file struct {
	name, src string
	mode      fs.FileMode
}

// docFiles are the members every archive shares: README, LICENSE if
// any, completions and man pages.
func docFiles(root, docs string) ([]file, error) {
	var files []file
	for _, n := range []string{"README.md", "LICENSE", "LICENSE.md", "LICENSE.txt"} {
		if _, err := os.Stat(filepath.Join(root, n)); err == nil {
			files = append(files, file{name: n, src: filepath.Join(root, n), mode: 0o644})
		}
	}
	err := filepath.WalkDir(docs, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(docs, p)
		files = append(files, file{name: filepath.ToSlash(rel), src: p, mode: 0o644})
		return nil
	})
	slices.SortFunc(files, func(a, b file) int { return strings.Compare(a.name, b.name) })
	return files, err
}

func writeTarGz(path, dir string, files []file, mtime time.Time) error {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for _, f := range files {
		data, err := os.ReadFile(f.src)
		if err != nil {
			return err
		}
		hdr := &tar.Header{Name: dir + "/" + f.name, Mode: int64(f.mode), Size: int64(len(data)), ModTime: mtime,
			Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func writeZip(path, dir string, files []file, mtime time.Time) error {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		data, err := os.ReadFile(f.src)
		if err != nil {
			return err
		}
		hdr := &zip.FileHeader{Name: dir + "/" + f.name, Method: zip.Deflate, Modified: mtime}
		hdr.SetMode(f.mode)
		w, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// writeSums writes sha256sum's format: "HEX  NAME" per archive.
func writeSums(path string, archives []string) error {
	var b strings.Builder
	for _, a := range archives {
		data, err := os.ReadFile(a)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), filepath.Base(a))
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// moduleRoot is the directory of go.mod.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("not inside a Go module")
	}
	return filepath.Dir(gomod), nil
}
