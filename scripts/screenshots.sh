#!/usr/bin/env bash
# Rebuilds the README's screenshots from the real program: the built
# binary runs in tmux on a fresh embedded sandbox, each screen is captured
# with its colours (capture-pane -e) and drawn to PNG by
# charmbracelet/freeze, a Go tool dependency (go tool freeze).
#
#   make screenshots          # writes docs/screenshots/*.png
#
# Nothing here touches your own config, sandbox or drafts: XDG paths point
# at a temporary directory, and no API key is passed on.
set -euo pipefail

BIN=${BIN:-bin/onboard}
OUT=${OUT:-docs/screenshots}
SOCK=onboard-shots-$$
work=$(mktemp -d)
cleanup() { tmux -L "$SOCK" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state
export TERM=xterm-256color COLORTERM=truecolor LANG=C.UTF-8
unset STRIPE_API_KEY NO_COLOR
mkdir -p "$OUT"

tm() { tmux -L "$SOCK" "$@"; }
# A session that outlives the shots, so the server stays up between them.
tm new-session -d -s keep -x 80 -y 24 "sleep 600"

# start W H ARGS... runs the binary in a fresh W×H window.
start() {
	local w=$1 h=$2
	shift 2
	tm kill-session -t shot 2>/dev/null || true
	tm new-session -d -s shot -x "$w" -y "$h" "$BIN $*; sleep 30"
}

# wait_for TEXT waits until the screen shows TEXT (10 s at most).
wait_for() {
	for _ in $(seq 200); do
		if tm capture-pane -p -t shot | grep -qF -- "$1"; then
			sleep 0.3 # let the frame finish drawing
			return 0
		fi
		sleep 0.05
	done
	echo "screenshots: \"$1\" never showed:" >&2
	tm capture-pane -p -t shot >&2
	exit 1
}

keys() { tm send-keys -t shot "$@"; }

# shoot NAME captures the screen, with colours, to $OUT/NAME.png.
shoot() {
	tm capture-pane -e -p -t shot >"$work/$1.ansi"
	# freeze drops the last line at small font sizes (rounding of the
	# image height): a blank line after the footer keeps the footer.
	echo >>"$work/$1.ansi"
	go tool freeze "$work/$1.ansi" --language ansi --window --padding 10,15 --margin 0 \
		--font.size 5 --line-height 1.2 -o "$OUT/$1.png" >/dev/null
	echo "wrote $OUT/$1.png"
}

# Accounts for the triage list: one complete, one with fields due, and,
# after the clock moves 30 days, one past due.
"$BIN" new --answers examples/us-individual.json --upfront >/dev/null
cat >"$work/partial.json" <<'JSON'
{"business_profile.mcc": "5734", "business_profile.url": "https://accessible.stripe.com",
 "company.name": "Rocket Rides Ltd", "company.phone": "+442079460000"}
JSON
"$BIN" new --country GB --business-type company --capabilities card_payments,transfers \
	--answers "$work/partial.json" >/dev/null 2>&1 || true
"$BIN" sandbox advance 30d >/dev/null
cat >"$work/fr.json" <<'JSON'
{"business_profile.mcc": "5734", "individual.first_name": "Camille", "individual.last_name": "Martin"}
JSON
"$BIN" new --country FR --business-type individual --capabilities card_payments,transfers \
	--answers "$work/fr.json" >/dev/null 2>&1 || true

# Triage: the accounts, most urgent first.
start 80 24
wait_for "What do you want to do?"
keys Down Down Enter
wait_for "Rocket Rides"
shoot triage

# The explorer: what Stripe asks for a setup, field by field.
start 80 24
wait_for "What do you want to do?"
keys Down Down Down Enter
wait_for "Merchant category"
shoot explorer

# The wizard shots come last: each creates an account, which the triage
# list above should not show.
# The wizard: a new US individual, its first step beside the status panel.
start 80 24 new --country US --business-type individual --capabilities card_payments,transfers
wait_for "Merchant category"
shoot wizard

# The whole status, opened from the wizard with ctrl+t.
keys C-t
wait_for "Account status"
shoot status

# The same wizard in French at 60 columns: the status is one line.
start 60 24 --lang fr new --country FR --business-type individual --capabilities card_payments,transfers
wait_for "Catégorie marchand"
shoot wizard-fr-60
