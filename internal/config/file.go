// Package config is onboard's configuration: the config file and its
// profiles ($XDG_CONFIG_HOME/onboard/config.toml, mode 0600), the Stripe
// key (from --api-key, STRIPE_API_KEY or the profile, in that order), the
// API origin (Stripe's or a loopback address), the language (--lang, the
// profile, the locale) and the mode (embedded sandbox, test, live).
//
// Resolve reads all of it once, at the start of a command, into a
// Settings value that does not change afterwards. The package draws
// nothing and sends nothing: it knows no terminal, no Stripe client, no
// screen.
package config

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/adrg/xdg"

	"onboard/internal/exitcode"
	"onboard/schema"
)

var t = schema.T

// DefaultProfile is the profile used when --profile is not given.
const DefaultProfile = "default"

// Profile is one named table of the config file.
type Profile struct {
	APIKey  string `toml:"api_key"`
	APIBase string `toml:"api_base"`
	Lang    string `toml:"lang"`
}

// File is the config file's content.
type File struct {
	Profiles map[string]Profile `toml:"profiles"`
}

// Path is the config file's path; resolving it creates its directory.
func Path() (string, error) {
	p, err := xdg.ConfigFile("onboard/config.toml")
	if err != nil {
		return "", fmt.Errorf("config path: %w", err)
	}
	return p, nil
}

// Read reads the config file; a missing file is an empty config. A file
// readable by others is re-chmodded to 0600, since it may hold test keys.
func Read(path string) (File, error) {
	var c File
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("config: %w", err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(path, 0o600); err != nil {
			return c, fmt.Errorf("config %s is readable by others and could not be made private: %w", path, err)
		}
	}
	if _, err := toml.DecodeFile(path, &c); err != nil {
		return c, fmt.Errorf("config %s: %w", path, err)
	}
	return c, nil
}

// Save writes one profile into the file at path, keeping the others, with
// mode 0600. A file that cannot be read is a usage error (exit 2).
func Save(path, name string, pr Profile) error {
	c, err := Read(path)
	if err != nil {
		return exitcode.With(exitcode.Usage, err)
	}
	if c.Profiles == nil {
		c.Profiles = map[string]Profile{}
	}
	c.Profiles[name] = pr
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	err = os.Chmod(path, 0o600)
	if err == nil {
		err = toml.NewEncoder(f).Encode(c)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	return nil
}

// ParseKeyLine checks the line config set-key read from standard input:
// one test secret key and nothing else. A live key anywhere in it (after
// a tab, a label, a test key) is refused, not only at its start: live
// keys are never written to disk. Messages are in lang.
func ParseKeyLine(line string, lang schema.Lang) (string, error) {
	key := strings.TrimSpace(line)
	if ContainsLiveKey(line) {
		return "", exitcode.Usagef("%s", t("live keys are never written to disk: use STRIPE_API_KEY and --live").In(lang))
	}
	if strings.ContainsFunc(key, unicode.IsSpace) {
		return "", exitcode.Usagef("%s", t("one key on one line, nothing else (echo sk_test_… | onboard config set-key)").In(lang))
	}
	if !IsTestSecretKey(key) {
		return "", exitcode.Usagef(t("%s is not a test secret key (sk_test_… or rk_test_…)").In(lang), Redact(key))
	}
	return key, nil
}
