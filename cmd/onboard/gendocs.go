//go:build gendocs

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// Release archives carry shell completions and man pages. They are written
// by a hidden command that only exists in a binary built with
// `-tags gendocs` (internal/release builds one for the host), so the
// onboard people run does not carry the man page generator.

func init() { extraCommands = append(extraCommands, newGenDocsCmd) }

func newGenDocsCmd(*app) *cobra.Command {
	return &cobra.Command{
		Use:    "__gendocs DIR",
		Short:  "Write shell completions and man pages under DIR (for release archives)",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return genDocs(cmd.Root(), args[0], currentBuild())
		},
	}
}

// genDocs writes DIR/completions/{onboard.bash,_onboard,onboard.fish,
// onboard.ps1} and DIR/man/man1/*.1, dated by the build so that two
// releases of one commit are identical.
func genDocs(root *cobra.Command, dir string, b buildInfo) error {
	comp := filepath.Join(dir, "completions")
	man := filepath.Join(dir, "man", "man1")
	for _, d := range []string{comp, man} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	for name, gen := range map[string]func(*os.File) error{
		"onboard.bash": func(f *os.File) error { return root.GenBashCompletionV2(f, true) },
		"_onboard":     func(f *os.File) error { return root.GenZshCompletion(f) },
		"onboard.fish": func(f *os.File) error { return root.GenFishCompletion(f, true) },
		"onboard.ps1":  func(f *os.File) error { return root.GenPowerShellCompletionWithDesc(f) },
	} {
		f, err := os.Create(filepath.Join(comp, name))
		if err != nil {
			return err
		}
		err = gen(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("completion %s: %w", name, err)
		}
	}
	date, err := time.Parse(time.RFC3339, b.Date)
	if err != nil {
		date = time.Unix(0, 0).UTC()
	}
	root.DisableAutoGenTag = true
	hdr := &doc.GenManHeader{Title: "ONBOARD", Section: "1", Source: "onboard " + b.Version, Manual: "onboard manual", Date: &date}
	if err := doc.GenManTree(root, hdr, man); err != nil {
		return fmt.Errorf("man pages: %w", err)
	}
	return nil
}
