package main

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"onboard/schema"
)

// The headings of cobra's usage template, as catalog texts ("help"
// context): the template's English is replaced line by line.
var helpHeadings = []schema.Text{
	schema.TC("help", "Usage:"), schema.TC("help", "Aliases:"), schema.TC("help", "Examples:"),
	schema.TC("help", "Available Commands:"), schema.TC("help", "Additional Commands:"),
	schema.TC("help", "Flags:"), schema.TC("help", "Global Flags:"),
	schema.TC("help", "Additional help topics:"),
	schema.TC("help", `Use "{{.CommandPath}} [command] --help" for more information about a command.`),
	schema.TC("help", "[command]"),
}

var (
	txtHelpFor   = schema.T("help for %s")
	txtLangUsage = schema.T("language: %s (default: the profile, else the locale)")
)

// localizeHelp puts the help of root and every command under it in lang:
// each Short and Long, each flag's usage and the usage template's
// headings. The English texts in the commands are the catalog's ids
// (docs/TRANSLATING.md); a text the catalog lacks stays English, which
// TestHelpInEveryLanguage makes a failure.
func localizeHelp(root *cobra.Command, lang schema.Lang) {
	if lang == schema.English {
		return
	}
	tmpl := root.UsageTemplate()
	headings := slices.Clone(helpHeadings)
	// Longest first: "Global Flags:" before "Flags:".
	slices.SortFunc(headings, func(x, y schema.Text) int { return len(y.EN) - len(x.EN) })
	for _, h := range headings {
		en := h.In(schema.English)
		tmpl = strings.ReplaceAll(tmpl, en, h.In(lang))
	}
	seen := map[*pflag.Flag]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Short = schema.T(c.Short).In(lang)
		c.Long = schema.T(c.Long).In(lang)
		c.SetUsageTemplate(tmpl)
		c.InitDefaultHelpFlag()
		for _, fs := range []*pflag.FlagSet{c.LocalFlags(), c.PersistentFlags()} {
			fs.VisitAll(func(f *pflag.Flag) {
				if seen[f] {
					return
				}
				seen[f] = true
				switch f.Name {
				case "help":
					f.Usage = schema.Tf(txtHelpFor.EN, c.Name()).In(lang)
				case "lang":
					f.Usage = schema.Tf(txtLangUsage.EN, schema.LangList()).In(lang)
				default:
					f.Usage = schema.T(f.Usage).In(lang)
				}
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// helpTexts lists every English help text of the tree under root (what
// localizeHelp looks up), for the catalog tests.
func helpTexts(root *cobra.Command) []string {
	var out []string
	seen := map[*pflag.Flag]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		out = append(out, c.Short)
		if !c.HasParent() || c.Parent().Name() != "completion" {
			// cobra's own instructions for each shell are left in
			// English: they are shell commands more than sentences.
			out = append(out, c.Long)
		}
		c.InitDefaultHelpFlag()
		for _, fs := range []*pflag.FlagSet{c.LocalFlags(), c.PersistentFlags()} {
			fs.VisitAll(func(f *pflag.Flag) {
				if !seen[f] && f.Name != "help" && f.Name != "lang" {
					out = append(out, f.Usage)
				}
				seen[f] = true
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	var texts []string
	for _, s := range out {
		if s != "" {
			texts = append(texts, s)
		}
	}
	return texts
}
