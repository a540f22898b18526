package config

import (
	"net"
	"net/url"

	"onboard/internal/exitcode"
	"onboard/schema"
)

// Where the Stripe key came from, for messages.
const (
	SourceFlag    = "--api-key"
	SourceEnv     = "STRIPE_API_KEY"
	SourceProfile = "profile"
	SourceSandbox = "sandbox"
)

// StripeAPIBase is Stripe's API host, the default --api-base.
const StripeAPIBase = "https://api.stripe.com"

// SandboxKey is the key sent to a sandbox (embedded, loopback or
// stripe-mock), which takes any test key.
const SandboxKey = "sk_test_sandbox"

// Modes: where requests go.
const (
	ModeSandbox = "sandbox" // the embedded sandbox, or a loopback one with no key
	ModeTest    = "test"
	ModeLive    = "live"
)

// Flags are the global flags as the command line gave them.
type Flags struct {
	APIKey, Profile, APIBase, Lang string
	ForceSandbox, Live, Debug      bool
	Verbose                        bool
}

// Settings is the configuration of one invocation, resolved once from the
// flags, the environment and the config file (in that order of
// precedence). Its fields are unexported: it does not change once
// resolved.
type Settings struct {
	flags   Flags
	path    string
	file    File
	fileErr error // reading the file (or finding where it is)
	profile Profile
	lang    schema.Lang
	key     KeyChoice
	// problem is what makes the configuration unusable for a command
	// that talks to Stripe: an unreadable file, an unknown profile, a
	// bad --lang. Commands that do not (config, sandbox, version) still
	// run, in the best language known.
	problem error
}

// Resolve reads the config file and resolves the language, the profile
// and the key. It never fails: a problem is kept for Problem and API to
// report, so that config, sandbox and version commands work whatever the
// file holds.
func Resolve(f Flags, getenv func(string) string) Settings {
	s := Settings{flags: f}
	path, err := Path()
	var file File
	if err == nil {
		s.path = path
		file, err = Read(path)
		if err != nil {
			err = exitcode.With(exitcode.Usage, err)
		}
	}
	s.file, s.fileErr = file, err
	s.problem = err
	prof, ok := file.Profiles[s.ProfileName()]
	s.profile = prof
	s.lang, err = resolveLang(f.Lang, prof, getenv)
	if s.problem == nil && !ok && f.Profile != "" {
		s.problem = exitcode.Usagef(t("no profile %q in %s").In(s.lang), f.Profile, path)
	}
	if s.problem == nil {
		s.problem = err
	}
	s.key = ResolveKey(f.APIKey, getenv("STRIPE_API_KEY"), prof)
	if f.ForceSandbox {
		s.key = KeyChoice{}
	}
	return s
}

// resolveLang is --lang, else the profile's language, else the locale's;
// English when none is known. A --lang that is not a language is an
// error, and English meanwhile.
func resolveLang(flag string, p Profile, getenv func(string) string) (schema.Lang, error) {
	var l schema.Lang
	var err error
	switch {
	case flag != "":
		var ok bool
		if l, ok = schema.ParseLang(flag); !ok {
			l, err = "", exitcode.Usagef("--lang takes one of %s, not %q", schema.LangList(), flag)
		}
	case p.Lang != "":
		l, _ = schema.ParseLang(p.Lang)
	default:
		l = schema.DetectLang(getenv)
	}
	if l == "" {
		l = schema.English
	}
	return l, err
}

// File is the config file as Resolve read it: its path, its content, and
// the error reading it (a usage error for a file that is not valid), if
// any. The profiles are a copy.
func (s Settings) File() (string, File, error) {
	f := File{Profiles: make(map[string]Profile, len(s.file.Profiles))}
	for n, p := range s.file.Profiles {
		f.Profiles[n] = p
	}
	return s.path, f, s.fileErr
}

// Lang is the operator's language.
func (s Settings) Lang() schema.Lang { return s.lang }

// Flags are the global flags as given.
func (s Settings) Flags() Flags { return s.flags }

// ProfileName is the profile in use: --profile, else "default".
func (s Settings) ProfileName() string {
	if s.flags.Profile == "" {
		return DefaultProfile
	}
	return s.flags.Profile
}

// Problem is what keeps the configuration from being used to reach
// Stripe (the file, the profile, --lang), or nil.
func (s Settings) Problem() error { return s.problem }

// API is where a command's requests go and with which key.
type API struct {
	Key KeyChoice
	// Origin is the checked API origin (https://api.stripe.com or a
	// loopback address); empty for the embedded sandbox.
	Origin string
	Mode   string // ModeSandbox, ModeTest or ModeLive
}

// Embedded reports the in-process sandbox: no key and no API base.
func (a API) Embedded() bool { return a.Origin == "" }

// API checks the key and the API base and says where requests go: the
// embedded sandbox when neither a key nor an API base is given.
func (s Settings) API() (API, error) {
	if s.problem != nil {
		return API{}, s.problem
	}
	key := s.key
	if err := CheckKey(key, s.flags.Live, s.lang); err != nil {
		return API{}, err
	}
	base := s.flags.APIBase
	if base == "" {
		base = s.profile.APIBase
	}
	if key.Key == "" && base == "" {
		return API{Key: KeyChoice{Key: SandboxKey, Source: SourceSandbox}, Mode: ModeSandbox}, nil
	}
	if base == "" {
		base = StripeAPIBase
	}
	origin, err := CheckAPIBase(base, s.lang)
	if err != nil {
		return API{}, err
	}
	a := API{Key: key, Origin: origin, Mode: ModeTest}
	if IsLiveKey(key.Key) {
		a.Mode = ModeLive
	}
	if key.Key == "" {
		// A loopback sandbox or stripe-mock takes any test key.
		a.Key, a.Mode = KeyChoice{Key: SandboxKey, Source: SourceSandbox}, ModeSandbox
	}
	return a, nil
}

// KeyChoice is the resolved API key: the first of --api-key,
// STRIPE_API_KEY and the profile. An empty key means the sandbox.
type KeyChoice struct {
	Key    string
	Source string
}

// ResolveKey picks the key by precedence: the flag, the environment, the
// profile.
func ResolveKey(flag, env string, p Profile) KeyChoice {
	switch {
	case flag != "":
		return KeyChoice{flag, SourceFlag}
	case env != "":
		return KeyChoice{env, SourceEnv}
	case p.APIKey != "":
		return KeyChoice{p.APIKey, SourceProfile}
	}
	return KeyChoice{}
}

// CheckKey refuses keys that are not Stripe secret or restricted keys, and
// live keys without --live.
func CheckKey(k KeyChoice, live bool, lang schema.Lang) error {
	if k.Key == "" {
		return nil
	}
	if !IsSecretKey(k.Key) {
		return exitcode.Usagef(t("the key from %s (%s) is not a Stripe secret key (sk_test_… or rk_test_…)").In(lang), k.Source, Redact(k.Key))
	}
	if IsLiveKey(k.Key) && !live {
		return exitcode.Usagef(t("refusing the live key %s from %s: pass --live to onboard real accounts").In(lang), Redact(k.Key), k.Source)
	}
	return nil
}

// CheckAPIBase allows Stripe's API host and loopback addresses (a
// standalone sandbox, stripe-mock) only, so a key is never sent anywhere
// else. It returns the bare origin.
func CheckAPIBase(raw string, lang schema.Lang) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "", exitcode.Usagef(t("--api-base %q is not a URL").In(lang), raw)
	}
	if u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
		return "", exitcode.Usagef("%s", t("--api-base takes a bare origin such as http://127.0.0.1:12111").In(lang))
	}
	host := u.Hostname()
	switch {
	case u.Scheme == "https" && host == "api.stripe.com":
	case (u.Scheme == "http" || u.Scheme == "https") && IsLoopback(host):
	default:
		return "", exitcode.Usagef(t("--api-base must be https://api.stripe.com or a loopback address (http://127.0.0.1:PORT), not %s").In(lang), raw)
	}
	return u.Scheme + "://" + u.Host, nil
}

// IsLoopback reports localhost or a loopback IP address.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
