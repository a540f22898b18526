package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"onboard/schema"
)

// Release builds stamp these with the linker, as scripts/release.sh does:
//
//	go build -ldflags "-X main.version=v1.2.0 -X main.commit=… -X main.buildDate=…"
//
// Left empty, they come from what the Go toolchain records in the binary
// (runtime/debug.ReadBuildInfo: the module version and the vcs.* settings
// of a build made inside a git checkout).
var (
	version   string
	commit    string
	buildDate string
)

// buildInfo is what `onboard version` reports, also as --json.
type buildInfo struct {
	Version   string `json:"version"`
	Commit    string `json:"commit,omitempty"`
	Date      string `json:"date,omitempty"`
	Modified  bool   `json:"modified"`
	GoVersion string `json:"go_version"`
	Platform  string `json:"platform"`
}

// currentBuild reads the running binary's build information.
func currentBuild() buildInfo {
	bi, _ := debug.ReadBuildInfo()
	return describeBuild(bi, version, commit, buildDate)
}

// describeBuild merges what the linker stamped (release builds) over what
// the toolchain recorded (every build): a stamped value wins.
func describeBuild(bi *debug.BuildInfo, stampedVersion, stampedCommit, stampedDate string) buildInfo {
	b := buildInfo{GoVersion: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if bi != nil {
		if bi.GoVersion != "" {
			b.GoVersion = bi.GoVersion
		}
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			b.Version = v
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				b.Commit = s.Value
			case "vcs.time":
				b.Date = s.Value
			case "vcs.modified":
				b.Modified = s.Value == "true"
			}
		}
	}
	if stampedVersion != "" {
		b.Version = stampedVersion
	}
	if stampedCommit != "" {
		b.Commit = stampedCommit
		// A release is built from a clean checkout of that commit: the
		// toolchain's vcs.modified does not describe a stamped commit
		// (and -trimpath builds from an archive record no vcs at all).
		b.Modified = false
	}
	if stampedDate != "" {
		b.Date = stampedDate
	}
	if b.Version == "" {
		b.Version = "devel"
	}
	return b
}

// Line is the one-line form: `onboard --version`, the --debug log and the
// banner of `onboard sandbox serve`.
func (b buildInfo) Line(l schema.Lang) string {
	parts := []string{}
	if b.Commit != "" {
		c := b.Commit
		if len(c) > 12 {
			c = c[:12]
		}
		if b.Modified {
			c += t("+modified").In(l)
		}
		parts = append(parts, t("commit ").In(l)+c)
	}
	if b.Date != "" {
		parts = append(parts, t("built ").In(l)+b.Date)
	}
	parts = append(parts, b.GoVersion, b.Platform)
	return fmt.Sprintf("onboard %s (%s)", b.Version, strings.Join(parts, ", "))
}

func newVersionCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print onboard's version, commit, build date and Go version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return a.printVersion(asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the build information as JSON")
	return cmd
}

func (a *app) printVersion(asJSON bool) error {
	b := currentBuild()
	if asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(b)
	}
	a.stdout.Println(b.Line(a.cfg.Lang()))
	return a.stdout.Err()
}
