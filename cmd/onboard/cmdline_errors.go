package main

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"onboard/internal/config"
	"onboard/schema"
)

// What pflag and cobra say about a command line they cannot read (an
// unknown flag, a flag without its value, a value of the wrong type, an
// unknown command, the wrong number of arguments) is said here in the
// operator's language. These errors come before the configuration is
// resolved: the language is resolved from the flags read so far, the
// environment and the profile, as --help's is.
var (
	txtUnknownFlag      = schema.T("unknown flag: --%s")
	txtUnknownShorthand = schema.T("unknown flag: -%s")
	txtFlagNeedsValue   = schema.T("--%s needs a value")
	txtFlagBadValue     = schema.T("invalid value for --%s (%s): %q")
	txtBadFlagSyntax    = schema.T("malformed flag: %s")
	txtUnknownCommand   = schema.T("unknown command %q for %q")
	txtArgCount         = schema.T("wrong number of arguments (%d); usage: %s")
)

// valueError is a flag value's own refusal ("--show-requests takes curl
// or go, not \"python\""), said in the language once it is known.
type valueError struct{ schema.Text }

func (e valueError) Error() string { return e.In(schema.English) }

// earlyLang is the language before the configuration is resolved.
func (a *app) earlyLang() schema.Lang { return config.Resolve(a.flags, a.getenv).Lang() }

// flagError says err, pflag's, in lang; an error it does not know is
// returned as it is.
func flagError(err error, lang schema.Lang) error {
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		badValue *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		if notExist.GetSpecifiedShortnames() != "" {
			return errors.New(schema.Tf(txtUnknownShorthand.EN, notExist.GetSpecifiedName()).In(lang))
		}
		return errors.New(schema.Tf(txtUnknownFlag.EN, notExist.GetSpecifiedName()).In(lang))
	case errors.As(err, &noValue):
		return errors.New(schema.Tf(txtFlagNeedsValue.EN, noValue.GetFlag().Name).In(lang))
	case errors.As(err, &badValue):
		var own valueError
		if errors.As(badValue.Unwrap(), &own) {
			return errors.New(own.In(lang)) // the flag's own words say more
		}
		f := badValue.GetFlag()
		name, _ := pflag.UnquoteUsage(f)
		if n, ok := flagValueNames[name]; ok {
			name = n.In(lang)
		}
		if name == "" {
			name = f.Value.Type()
		}
		return errors.New(schema.Tf(txtFlagBadValue.EN, f.Name, name, badValue.GetValue()).In(lang))
	case errors.As(err, &syntax):
		return errors.New(schema.Tf(txtBadFlagSyntax.EN, syntax.GetSpecifiedFlag()).In(lang))
	}
	return err
}

// localizeArgs makes the check of every command's arguments under root
// say its error in the operator's language: an unknown command (cobra's
// NoArgs) or the wrong number of arguments, with the command's usage.
func localizeArgs(root *cobra.Command, a *app) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.HasParent() && c.HasSubCommands() && !c.Runnable() {
			// A group of commands (sandbox, config): alone it shows its
			// help; cobra would show the help for an unknown subcommand
			// too, and exit 0 on a typo.
			c.Args = cobra.NoArgs
			c.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
		}
		if check := c.Args; check != nil {
			c.Args = func(cmd *cobra.Command, args []string) error {
				err := check(cmd, args)
				if err == nil {
					return nil
				}
				// A command line it cannot read is bad usage (exit 2), as
				// a flag's error is.
				lang := a.earlyLang()
				if strings.HasPrefix(err.Error(), "unknown command") && len(args) > 0 {
					return withCode(exitUsage, errors.New(schema.Tf(txtUnknownCommand.EN, args[0], cmd.CommandPath()).In(lang)))
				}
				use := cmd.Use
				if cmd.HasParent() {
					use = cmd.Parent().CommandPath() + " " + use
				}
				return withCode(exitUsage, errors.New(schema.Tf(txtArgCount.EN, len(args), use).In(lang)))
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
