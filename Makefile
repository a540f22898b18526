# onboard — build, run and test. `make run` opens the TUI on the embedded
# sandbox; `make test` runs every test, end-to-end journeys included.
GO      ?= go
BIN     := bin/onboard
PKGS    := ./...

.PHONY: build run test bench bench-start bench-sandbox lint golangci golden fuzz screenshots release clean

build:
	$(GO) build -buildvcs=auto -o $(BIN) ./cmd/onboard

run: build
	./$(BIN)

test:
	$(GO) test -race -failfast -count=1 -timeout 10m $(PKGS)

bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

# Launch → first frame of `onboard new …` in tmux against a bare huh form,
# alternating runs, for a setup created here before (again) and for its
# first run (first); prints both medians and the ratio (needs tmux).
BENCHRUNS ?= 15
bench-start:
	$(GO) test ./e2e -run '^$$' -bench BenchmarkFirstFrame -benchtime $(BENCHRUNS)x

# The built sandbox against Stripe's stripe-mock, each its own process on
# loopback: 8 keep-alive connections for 4 s doing GET /v1/accounts/{id}
# (an account created with type=custom), the two in turn, ROUNDS times;
# prints req/s, p50/p99 and the ratio (internal/bench/sandboxload).
ROUNDS ?= 5
LOADFLAGS ?=
bench-sandbox: build
	$(GO) build -o bin/stripe-mock github.com/stripe/stripe-mock
	$(GO) build -o bin/sandboxload ./internal/bench/sandboxload
	./bin/sandboxload -onboard $(BIN) -stripe-mock bin/stripe-mock -rounds $(ROUNDS) $(LOADFLAGS)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)

# golangci-lint's default linters (errcheck, govet, ineffassign,
# staticcheck, unused) over the module, at a pinned version fetched
# through the Go module proxy; the code keeps them at 0.
GOLANGCI ?= github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.15.0
golangci:
	$(GO) run $(GOLANGCI) run --max-issues-per-linter 0 --max-same-issues 0 ./...

# Each fuzz target for a bounded time (FUZZTIME), as CI runs them; the script
# tells a finding apart from a known race in Go's fuzzing coordinator.
FUZZTIME ?= 10s
fuzz:
	GO=$(GO) FUZZTIME=$(FUZZTIME) ./scripts/fuzz.sh

golden:
	$(GO) test ./tui/... -update

# The README's pictures, from the built binary in tmux (needs tmux);
# PNGs are drawn by charmbracelet/freeze (go tool freeze).
screenshots: build
	BIN=$(BIN) ./scripts/screenshots.sh

# Release archives in dist/ (linux, darwin, windows × amd64, arm64): the
# binary built with -trimpath, -s -w and CGO_ENABLED=0, its version
# stamped (VERSION=v1.2.0, else git describe), the README, completions and
# man pages; and SHA256SUMS. internal/release's test builds one the same way.
VERSION ?=
release:
	$(GO) run ./internal/release -out dist -version "$(VERSION)"

clean:
	rm -rf bin dist
