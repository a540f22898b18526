package main

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"

	"github.com/BurntSushi/toml"

	"onboard/schema"
)

// Where the Stripe key came from, for messages.
const (
	sourceFlag    = "--api-key"
	sourceEnv     = "STRIPE_API_KEY"
	sourceProfile = "profile"
)

// stripeAPIBase is Stripe's API host, the default --api-base.
const stripeAPIBase = "https://api.stripe.com"

// profile is one named table of the config file.
type profile struct {
	APIKey  string `toml:"api_key"`
	APIBase string `toml:"api_base"`
	Lang    string `toml:"lang"`
}

// configFile is $XDG_CONFIG_HOME/onboard/config.toml.
type configFile struct {
	Profiles map[string]profile `toml:"profiles"`
}

// readConfig reads the config file; a missing file is an empty config. A
// file readable by others is re-chmodded to 0600, since it may hold test
// keys.
func readConfig(path string) (configFile, error) {
	var c configFile
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

// keyChoice is the resolved API key: the first of --api-key,
// STRIPE_API_KEY and the profile. An empty key means the sandbox.
type keyChoice struct {
	Key    string
	Source string
}

func resolveKey(flag, env string, p profile) keyChoice {
	switch {
	case flag != "":
		return keyChoice{flag, sourceFlag}
	case env != "":
		return keyChoice{env, sourceEnv}
	case p.APIKey != "":
		return keyChoice{p.APIKey, sourceProfile}
	}
	return keyChoice{}
}

// checkKey refuses keys that are not Stripe secret or restricted keys, and
// live keys without --live.
func checkKey(k keyChoice, live bool, lang schema.Lang) error {
	if k.Key == "" {
		return nil
	}
	if !isSecretKey(k.Key) {
		return usageErr(t("the key from %s (%s) is not a Stripe secret key (sk_test_… or rk_test_…)",
			"la clé de %s (%s) n'est pas une clé secrète Stripe (sk_test_… ou rk_test_…)").In(lang), k.Source, redactKey(k.Key))
	}
	if isLiveKey(k.Key) && !live {
		return usageErr(t("refusing the live key %s from %s: pass --live to onboard real accounts",
			"clé live %s de %s refusée : passez --live pour intégrer de vrais comptes").In(lang), redactKey(k.Key), k.Source)
	}
	return nil
}

// checkAPIBase allows Stripe's API host and loopback addresses (a
// standalone sandbox, stripe-mock) only, so a key is never sent anywhere
// else.
func checkAPIBase(raw string, lang schema.Lang) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "", usageErr(t("--api-base %q is not a URL", "--api-base %q n'est pas une URL").In(lang), raw)
	}
	if u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
		return "", usageErr("%s", t("--api-base takes a bare origin such as http://127.0.0.1:12111",
			"--api-base prend une origine seule comme http://127.0.0.1:12111").In(lang))
	}
	host := u.Hostname()
	switch {
	case u.Scheme == "https" && host == "api.stripe.com":
	case (u.Scheme == "http" || u.Scheme == "https") && isLoopback(host):
	default:
		return "", usageErr(t("--api-base must be https://api.stripe.com or a loopback address (http://127.0.0.1:PORT), not %s",
			"--api-base doit être https://api.stripe.com ou une adresse locale (http://127.0.0.1:PORT), pas %s").In(lang), raw)
	}
	return u.Scheme + "://" + u.Host, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// outboundIP is this machine's address for terms-of-service records: the
// first up, non-loopback interface address. It opens no connection.
func outboundIP() string {
	ifaces, err := net.Interfaces()
	if err != nil {
		return "127.0.0.1"
	}
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := ifc.Addrs()
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil {
				return n.IP.String()
			}
		}
	}
	return "127.0.0.1"
}
