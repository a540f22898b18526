# onboard — build, run and test. `make run` opens the TUI on the embedded
# sandbox; `make test` runs every test, end-to-end journeys included.
GO      ?= go
BIN     := bin/onboard
PKGS    := ./...

.PHONY: build run test bench lint golden fuzz screenshots clean

build:
	$(GO) build -o $(BIN) ./cmd/onboard

run: build
	./$(BIN)

test:
	$(GO) test -race -failfast -count=1 -timeout 10m $(PKGS)

bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)

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

clean:
	rm -rf bin
