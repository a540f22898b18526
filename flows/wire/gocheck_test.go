package wire_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"onboard/flows"
	"onboard/flows/answers"
	"onboard/flows/wire"
	"onboard/schema"
)

// The Go renderings are real stripe-go v82 code: a v1 company journey, a
// v2 journey and an upload, pasted after the preamble's setup into one
// program, type-check against stripe-go (go vet, the module's own copy).
func TestGoRenderingTypeChecks(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal("the go command is needed to type-check the rendering")
	}
	e := newEnv(t, nil)
	e.run(t, flows.NewAccount{Country: "US", BusinessType: "company", Capabilities: []string{"card_payments", "transfers"}}, usCompany(t))
	v2 := newEnv(t, nil)
	ans, err := answers.Parse(map[string]any{"individual.first_name": "Jenny", "individual.id_number": "000000000",
		"business_profile.mcc": "5734"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := v2.cl.Create(context.Background(), flows.NewAccount{Country: "US", BusinessType: "individual",
		Capabilities: []string{"card_payments"}, API: "v2", Email: "jenny@example.com"})
	if err != nil {
		t.Fatal(flows.Message(err))
	}
	if _, err := answers.Run(context.Background(), v2.cl, a, flows.Strategy{}, ans, &strings.Builder{}); err != nil {
		t.Fatal(flows.Message(err))
	}
	doc := filepath.Join(t.TempDir(), "id.png")
	if err := os.WriteFile(doc, []byte("\x89PNG\r\n\x1a\nrest"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(doc)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }() // read only
	if _, err := e.api.UploadFile(context.Background(), flows.Upload{Purpose: "identity_document", Name: "id.png", Body: f}); err != nil {
		t.Fatal(err)
	}

	// Each journey in a function of its own, after the preamble's setup
	// (both create an account1); the setup declares everything the calls
	// use, ctx included.
	var funcs strings.Builder
	setup := regexp.MustCompile(`(?m)^//   (.*)$`).FindAllStringSubmatch(wire.Preamble("go", schema.English), -1)
	for i, log := range []*wire.Log{e.log, v2.log} {
		fmt.Fprintf(&funcs, "func journey%d() {\n", i)
		for _, m := range setup {
			funcs.WriteString(m[1] + "\n")
		}
		var created []string
		for _, r := range log.Records() {
			funcs.WriteString(wire.Go(r, schema.English))
			if r.Created != "" {
				created = append(created, goIdent(r.Created))
			}
		}
		// The rendering names every object it creates; Go wants each
		// used, and a journey does not use them all.
		for _, v := range created {
			fmt.Fprintf(&funcs, "_ = %s\n", v)
		}
		funcs.WriteString("_, _, _, _ = ctx, sc, raw, err\n}\n\n")
	}
	src := `package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/rawrequest"
)

var _, _, _ = json.Unmarshal, url.QueryEscape, http.Header{}

func main() {
	journey0()
	journey1()
}

` + funcs.String()
	dir := t.TempDir()
	file := filepath.Join(dir, "journey.go")
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goBin, "vet", file)
	cmd.Dir = "../.." // the module: its stripe-go, no download
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, numbered(src))
	}
}

// goIdent is the Go variable a created object is held in (ACCOUNT_1:
// account1, or respAccount1's account1 for raw requests).
func goIdent(v string) string {
	parts := strings.Split(strings.ToLower(v), "_")
	out := parts[0]
	for _, p := range parts[1:] {
		if p != "" && (p[0] < '0' || p[0] > '9') {
			p = strings.ToUpper(p[:1]) + p[1:]
		}
		out += p
	}
	return out
}

func numbered(src string) string {
	var b strings.Builder
	for i, l := range strings.Split(src, "\n") {
		fmt.Fprintf(&b, "%4d %s\n", i+1, l)
	}
	return b.String()
}
