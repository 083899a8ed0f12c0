#!/bin/sh
# The hangup test, RUNS times (default 20): type Kazakh text into a form in a real terminal
# (tmux), send SIGHUP to the console mid-typing, start it again; the draft must be offered and
# reopen with every keystroke older than 500 ms. Prints one line per round and the counts.
#
#   scripts/hangup_test.sh [RUNS]
set -eu
cd "$(dirname "$0")/.."
export MERZIM_HANGUP_RUNS="${1:-20}"
cargo test --locked --test console_hangup -- --nocapture 2>&1 | grep -E "hangup|panicked|test result|error"
