package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"

	"onboard/internal/exitcode"
	"onboard/schema"
)

// Keys built from parts, so no scanner reads them as leaked secrets.
var (
	fakeLiveKey = "sk_" + "live_" + "51Habcdefghijklmn4f2a"
	fakeTestKey = "sk_" + "test_" + "51Habcdefghijklmnopqrst9x7Q"
	fakeWebhook = "whsec_" + "Zm9vYmFyYmF6cXV4cXV1eA5s3T"
	fakeOddKey  = "Zk39sJ2kLm9Qw8Er7Ty6Ui5Op4As3Df2Gh1"
)

func TestResolveKeyPrecedence(t *testing.T) {
	p := Profile{APIKey: "sk_test_profile"}
	cases := []struct {
		flag, env string
		want      KeyChoice
	}{
		{"sk_test_flag", "sk_test_env", KeyChoice{"sk_test_flag", SourceFlag}},
		{"", "sk_test_env", KeyChoice{"sk_test_env", SourceEnv}},
		{"", "", KeyChoice{"sk_test_profile", SourceProfile}},
	}
	for _, c := range cases {
		if got := ResolveKey(c.flag, c.env, p); got != c.want {
			t.Errorf("%q %q: got %+v", c.flag, c.env, got)
		}
	}
	if got := ResolveKey("", "", Profile{}); got.Key != "" {
		t.Errorf("no key anywhere should mean the sandbox, got %+v", got)
	}
}

func TestCheckKey(t *testing.T) {
	live := KeyChoice{fakeLiveKey, SourceEnv}
	err := CheckKey(live, false, schema.English)
	if exitcode.Of(err) != exitcode.Usage || !strings.Contains(err.Error(), "--live") || strings.Contains(err.Error(), "abcdefghijklmn") {
		t.Fatalf("live key without --live: %v", err)
	}
	if err := CheckKey(live, true, schema.English); err != nil {
		t.Errorf("live key with --live: %v", err)
	}
	if err := CheckKey(KeyChoice{"pk_test_123456789012", SourceFlag}, false, schema.English); exitcode.Of(err) != exitcode.Usage {
		t.Errorf("publishable key accepted: %v", err)
	}
	for _, k := range []string{"sk_test_x", "rk_test_y", ""} {
		if err := CheckKey(KeyChoice{k, SourceFlag}, false, schema.English); err != nil {
			t.Errorf("%q refused: %v", k, err)
		}
	}
}

func TestRedactKey(t *testing.T) {
	if got := Redact("sk_test_51Habcdefghijklmn4f2a"); got != "sk_test_…4f2a" {
		t.Errorf("got %q", got)
	}
	if got := Redact("short"); strings.Contains(got, "short") {
		t.Errorf("short key shown: %q", got)
	}
}

func TestCheckAPIBase(t *testing.T) {
	ok := map[string]string{
		"https://api.stripe.com":  "https://api.stripe.com",
		"https://api.stripe.com/": "https://api.stripe.com",
		"http://127.0.0.1:12111":  "http://127.0.0.1:12111",
		"http://localhost:12111":  "http://localhost:12111",
		"http://[::1]:8080":       "http://[::1]:8080",
	}
	for in, want := range ok {
		got, err := CheckAPIBase(in, schema.English)
		if err != nil || got != want {
			t.Errorf("%s: got %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"http://api.stripe.com", "https://evil.example.com", "https://api.stripe.com.evil.com",
		"http://10.0.0.1:80", "https://user@api.stripe.com", "https://api.stripe.com/v1", "nonsense", "file:///etc/passwd"} {
		if _, err := CheckAPIBase(bad, schema.English); exitcode.Of(err) != exitcode.Usage {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestReadConfigMakesFilePrivate(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte("[profiles.default]\napi_key = \"sk_test_abc\"\nlang = \"fr\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Profiles["default"].APIKey != "sk_test_abc" || c.Profiles["default"].Lang != "fr" {
		t.Errorf("got %+v", c)
	}
	st, _ := os.Stat(p)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	if _, err := Read(filepath.Join(t.TempDir(), "missing.toml")); err != nil {
		t.Errorf("missing file: %v", err)
	}
}

func TestRedactKeyShowsOnlyThePrefixAndLast4(t *testing.T) {
	for k, want := range map[string]string{
		fakeTestKey:       "sk_test_…9x7Q",
		fakeWebhook:       "whsec_…5s3T",
		fakeOddKey:        "…2Gh1",
		"sk_" + "test_ab": "sk_test_**",
		"short":           "*****",
		"":                "",
	} {
		if got := Redact(k); got != want {
			t.Errorf("Redact(%q) = %q, want %q", k, got, want)
		}
	}
}

func TestMaskKeysLeavesIdsAndText(t *testing.T) {
	msg := `unknown command "acct_1Nv0FGQ9RKHgCVdK" for "onboard accounts" (sk_test_… or rk_test_…)`
	if got := MaskKeys(msg, SecretArgs([]string{"accounts", "acct_1Nv0FGQ9RKHgCVdK"}, func(string) string { return "" })...); got != msg {
		t.Fatalf("maskKeys changed %q into %q", msg, got)
	}
}

// Resolve reads the file once and never fails: the language is known (in
// the order --lang, the profile, the locale) even when the configuration
// cannot be used, and what is wrong waits for Problem and API.
func TestResolve(t *testing.T) {
	t.Cleanup(xdg.Reload)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	xdg.Reload()
	p, err := Path()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("[profiles.fr]\napi_base = \"http://127.0.0.1:9\"\nlang = \"fr\"\n[profiles.bad]\napi_base = \"https://evil.example.com\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if path, f, err := Resolve(Flags{}, os.Getenv).File(); path != p || err != nil || len(f.Profiles) != 2 || f.Profiles["fr"].Lang != "fr" {
		t.Errorf("File() = %q, %+v, %v", path, f, err)
	}
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	fr := env(map[string]string{"LANG": "fr_FR.UTF-8"})
	for _, c := range []struct {
		name    string
		flags   Flags
		getenv  func(string) string
		lang    schema.Lang
		problem bool
		mode    string
		origin  string
		apiErr  string
	}{
		{"locale", Flags{}, fr, schema.French, false, ModeSandbox, "", ""},
		{"flag over locale", Flags{Lang: "en"}, fr, schema.English, false, ModeSandbox, "", ""},
		{"profile over locale", Flags{Profile: "fr"}, env(nil), schema.French, false, ModeSandbox, "http://127.0.0.1:9", ""},
		{"bad --lang", Flags{Lang: "xx"}, fr, schema.English, true, "", "", "--lang takes one of en (English), fr (Français), de"},
		{"missing profile", Flags{Profile: "nope"}, fr, schema.French, true, "", "", "aucun profil"},
		{"profile's base checked", Flags{Profile: "bad"}, env(nil), schema.English, false, "", "", "--api-base must be"},
		{"env key", Flags{}, env(map[string]string{"STRIPE_API_KEY": fakeTestKey}), schema.English, false, ModeTest, StripeAPIBase, ""},
		{"live key needs --live", Flags{}, env(map[string]string{"STRIPE_API_KEY": fakeLiveKey}), schema.English, false, "", "", "--live"},
		{"live", Flags{Live: true}, env(map[string]string{"STRIPE_API_KEY": fakeLiveKey}), schema.English, false, ModeLive, StripeAPIBase, ""},
		{"--sandbox drops the key", Flags{ForceSandbox: true, APIKey: fakeLiveKey}, env(nil), schema.English, false, ModeSandbox, "", ""},
	} {
		s := Resolve(c.flags, c.getenv)
		if s.Lang() != c.lang || (s.Problem() != nil) != c.problem {
			t.Errorf("%s: lang %s, problem %v", c.name, s.Lang(), s.Problem())
		}
		api, err := s.API()
		if c.apiErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.apiErr) || exitcode.Of(err) != exitcode.Usage {
				t.Errorf("%s: API() error %v, want %q", c.name, err, c.apiErr)
			}
			continue
		}
		if err != nil || api.Mode != c.mode || api.Origin != c.origin {
			t.Errorf("%s: API() = %+v, %v", c.name, api, err)
		}
	}
}
