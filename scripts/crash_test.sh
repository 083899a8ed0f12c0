#!/bin/sh
# The full crash test: a child process writes cases and notes to a sled database and is killed
# with SIGKILL at random moments, KILLS times (default 120); after each kill the database must
# open cleanly and hold every acknowledged (flushed) write. Prints the counts.
#
#   scripts/crash_test.sh [KILLS] [SEED]
set -eu
cd "$(dirname "$0")/.."
KILLS="${1:-120}"
export MERZIM_CRASH_KILLS="$KILLS"
if [ "$#" -ge 2 ]; then
    export MERZIM_CRASH_SEED="$2"
fi
cargo test --release --test crash -- --nocapture 2>&1 | grep -E "crash test:|panicked|test result|error" 
