package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
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
	schema.TC("help", "[command]"), schema.TC("help", "[flags]"),
}

// The names of a flag's value in its help (pflag's UnquoteUsage: the
// value's type), as catalog texts ("flag value" context).
var flagValueNames = map[string]schema.Text{
	"string":   schema.TC("flag value", "string"),
	"strings":  schema.TC("flag value", "strings"),
	"duration": schema.TC("flag value", "duration"),
	"int":      schema.TC("flag value", "int"),
	"float":    schema.TC("flag value", "float"),
}

// The help of cobra's completion commands, in cobra's English, the
// program's name as %[1]s: each shell's commands are kept as they are
// typed, the sentences around them translated.
var completionLongs = map[string]schema.Text{
	"bash": schema.T(`Generate the autocompletion script for the bash shell.

This script depends on the 'bash-completion' package.
If it is not installed already, you can install it via your OS's package manager.

To load completions in your current shell session:

	source <(%[1]s completion bash)

To load completions for every new session, execute once:

#### Linux:

	%[1]s completion bash > /etc/bash_completion.d/%[1]s

#### macOS:

	%[1]s completion bash > $(brew --prefix)/etc/bash_completion.d/%[1]s

You will need to start a new shell for this setup to take effect.
`),
	"zsh": schema.T(`Generate the autocompletion script for the zsh shell.

If shell completion is not already enabled in your environment you will need
to enable it.  You can execute the following once:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

To load completions in your current shell session:

	source <(%[1]s completion zsh)

To load completions for every new session, execute once:

#### Linux:

	%[1]s completion zsh > "${fpath[1]}/_%[1]s"

#### macOS:

	%[1]s completion zsh > $(brew --prefix)/share/zsh/site-functions/_%[1]s

You will need to start a new shell for this setup to take effect.
`),
	"fish": schema.T(`Generate the autocompletion script for the fish shell.

To load completions in your current shell session:

	%[1]s completion fish | source

To load completions for every new session, execute once:

	%[1]s completion fish > ~/.config/fish/completions/%[1]s.fish

You will need to start a new shell for this setup to take effect.
`),
	"powershell": schema.T(`Generate the autocompletion script for powershell.

To load completions in your current shell session:

	%[1]s completion powershell | Out-String | Invoke-Expression

To load completions for every new session, add the output of the above command
to your powershell profile.
`),
}

var (
	txtHelpFor   = schema.T("help for %s")
	txtLangUsage = schema.T("language: %s (default: the profile, else the locale)")
	// config set-key's own --lang.
	txtProfileLangUsage = schema.T("the profile's language: %s")
	txtDefault          = schema.T("%s (default %s)") // a flag's help and its default
)

// localizeHelp puts the help of root and every command under it in lang:
// each Short and Long (cobra's completion commands' too), each flag's
// usage, and the usage itself (writeUsage). The English texts in the
// commands are the catalog's ids (docs/TRANSLATING.md); a text the catalog
// lacks stays English, which TestHelpInEveryLanguage makes a failure.
func localizeHelp(root *cobra.Command, lang schema.Lang) {
	if lang == schema.English {
		return
	}
	seen := map[*pflag.Flag]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Short = schema.T(c.Short).In(lang)
		c.Long = schema.T(c.Long).In(lang)
		if long, ok := completionLongs[c.Name()]; ok && isCompletion(c.Parent()) {
			text := schema.Tf(long.EN, root.Name())
			c.Long = keepCommands(text.In(lang), text.In(schema.English))
		}
		c.SetUsageFunc(func(c *cobra.Command) error { return writeUsage(c, lang) })
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
					usage := txtLangUsage
					if f.Usage == schema.Tf(txtProfileLangUsage.EN, schema.LangList()).In(schema.English) {
						usage = txtProfileLangUsage
					}
					f.Usage = schema.Tf(usage.EN, schema.LangList()).In(lang)
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
		if long, ok := completionLongs[c.Name()]; ok && isCompletion(c.Parent()) {
			out = append(out, long.EN)
		} else {
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

// keepCommands gives the translated help back the shell commands of
// the English one, byte for byte: a command is a line indented by a tab,
// and the n-th of the translation becomes the n-th of the English (French
// typography would otherwise put a no-break space before a shell's ";").
func keepCommands(translated, english string) string {
	var cmds []string
	for _, l := range strings.Split(english, "\n") {
		if strings.HasPrefix(l, "\t") {
			cmds = append(cmds, l)
		}
	}
	lines := strings.Split(translated, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "\t") && len(cmds) > 0 {
			lines[i], cmds = cmds[0], cmds[1:]
		}
	}
	return strings.Join(lines, "\n")
}

// isCompletion reports whether c is cobra's completion command (under
// the root).
func isCompletion(c *cobra.Command) bool {
	return c != nil && c.Name() == "completion" && c.HasParent() && !c.Parent().HasParent()
}

// writeUsage writes c's usage as cobra's usage template lays it out, in
// lang: the headings, the use line's [flags] and [command], and each
// flag's value name and default, the flags' help aligned in terminal
// cells (a Japanese value name takes two per character).
func writeUsage(c *cobra.Command, lang schema.Lang) error {
	h := func(en string) string { return schema.TC("help", en).In(lang) }
	var b strings.Builder
	b.WriteString(h("Usage:"))
	if c.Runnable() {
		line := c.UseLine()
		if s, ok := strings.CutSuffix(line, " [flags]"); ok {
			line = s + " " + h("[flags]")
		}
		b.WriteString("\n  " + strings.ReplaceAll(line, "[command]", h("[command]")))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n  " + c.CommandPath() + " " + h("[command]"))
	}
	if len(c.Aliases) > 0 {
		b.WriteString("\n\n" + h("Aliases:") + "\n  " + c.NameAndAliases())
	}
	if c.HasExample() {
		b.WriteString("\n\n" + h("Examples:") + "\n" + c.Example)
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + h("Available Commands:"))
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				b.WriteString("\n  " + pad(sub.Name(), sub.NamePadding()) + " " + sub.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n\n" + h("Flags:") + "\n" + flagUsages(c.LocalFlags(), lang))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n\n" + h("Global Flags:") + "\n" + flagUsages(c.InheritedFlags(), lang))
	}
	if c.HasHelpSubCommands() {
		b.WriteString("\n\n" + h("Additional help topics:"))
		for _, sub := range c.Commands() {
			if sub.IsAdditionalHelpTopicCommand() {
				b.WriteString("\n  " + pad(sub.CommandPath(), sub.CommandPathPadding()) + " " + sub.Short)
			}
		}
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + strings.ReplaceAll(h(`Use "{{.CommandPath}} [command] --help" for more information about a command.`), "{{.CommandPath}}", c.CommandPath()))
	}
	b.WriteString("\n")
	_, err := io.WriteString(c.OutOrStderr(), b.String())
	return err
}

// flagUsages is pflag's FlagUsages in lang: each flag's value name
// (UnquoteUsage) and default, and the help column aligned in terminal
// cells.
func flagUsages(fs *pflag.FlagSet, lang schema.Lang) string {
	type row struct{ left, help string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, help := pflag.UnquoteUsage(f)
		if n, ok := flagValueNames[name]; ok {
			name = n.In(lang)
		}
		if name != "" {
			left += " " + name
		}
		if f.NoOptDefVal != "" {
			switch f.Value.Type() {
			case "string":
				left += fmt.Sprintf("[=%q]", f.NoOptDefVal)
			case "bool", "boolfunc":
				if f.NoOptDefVal != "true" {
					left += "[=" + f.NoOptDefVal + "]"
				}
			case "count":
				if f.NoOptDefVal != "+1" {
					left += "[=" + f.NoOptDefVal + "]"
				}
			default:
				left += "[=" + f.NoOptDefVal + "]"
			}
		}
		if !zeroDefault(f) {
			def := f.DefValue
			if f.Value.Type() == "string" {
				def = strconv.Quote(def)
			}
			help = schema.Tf(txtDefault.EN, help, def).In(lang)
		}
		width = max(width, ansi.StringWidth(left))
		rows = append(rows, row{left, help})
	})
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = r.left + strings.Repeat(" ", width-ansi.StringWidth(r.left)+3) + r.help
	}
	return strings.Join(lines, "\n")
}

// zeroDefault reports whether f's default is its type's zero value, which
// pflag's help leaves unsaid.
func zeroDefault(f *pflag.Flag) bool {
	switch f.Value.Type() {
	case "bool", "boolfunc":
		return f.DefValue == "false" || f.DefValue == ""
	case "duration":
		return f.DefValue == "0" || f.DefValue == "0s"
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "count", "float32", "float64":
		return f.DefValue == "0"
	case "string":
		return f.DefValue == ""
	case "stringSlice", "stringArray", "intSlice":
		return f.DefValue == "[]"
	}
	return f.DefValue == "false" || f.DefValue == "<nil>" || f.DefValue == "" || f.DefValue == "0"
}

// pad is s followed by spaces up to n cells.
func pad(s string, n int) string {
	return s + strings.Repeat(" ", max(n-ansi.StringWidth(s), 0))
}
