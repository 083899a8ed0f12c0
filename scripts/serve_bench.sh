#!/usr/bin/env bash
# Issue 9's targets for `merzim serve`, measured in release on a 100,000-case demo database:
#   (a) the console's queue over the socket, a supervisor's (whole) and an officer's: the first
#       call after the daemon starts (it reads every case), then the median and p90 of 50;
#   (b) a write's change notice at each of 50 and 100 idle consoles: p50 / p99 from the write's
#       acknowledgement;
#   (c) the daemon's resident memory after start, after the first queue, with 100 consoles;
#   (d) 50 clients x 60 s of mixed reads and writes (examples/serve_load.rs).
# Prints a table with the date, the commit and the machine's load average, which matter: the
# figures are wall-clock times on whatever else the machine is doing.
#
# Run as root (the demo's supervisor is the account that made it; the officer's queue is asked
# by a client running as the demo officer 'aliya', uid 900001, through setpriv).
#
#   scripts/serve_bench.sh            # the full run (about 3 minutes once the database exists)
#   LOAD_SECONDS=10 scripts/serve_bench.sh
#   BIN=/tmp/old-build scripts/serve_bench.sh   # binaries built elsewhere (before/after)
#
# The demo database is made once in $DEMO (default /tmp/demo100k; about 2 minutes) and reused
# by later runs and by anyone else who needs it: a lock keeps two demos out of one path and a
# '.complete' file says it was finished. The daemon works on a private copy, since the load
# writes notes.
set -euo pipefail

cd "$(dirname "$0")/.."
DEMO=${DEMO:-/tmp/demo100k}
CASES=100000
TODAY=2026-11-20
RUNS=${RUNS:-50}
LOAD_SECONDS=${LOAD_SECONDS:-60}
OFFICER_UID=900001

fail() { echo "serve_bench: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root: the officer's client is started as uid $OFFICER_UID with setpriv"
command -v setpriv >/dev/null || fail "setpriv (util-linux) is needed to run a client as the demo officer"

# BIN=DIR: merzim, serve_bench and serve_load already built there (to compare two builds).
if [ -n "${BIN:-}" ]; then
    MERZIM=$BIN/merzim BENCH=$BIN/serve_bench LOAD=$BIN/serve_load
else
    cargo build --release --locked --bin merzim --example serve_bench --example serve_load >&2
    MERZIM=target/release/merzim
    BENCH=target/release/examples/serve_bench
    LOAD=target/release/examples/serve_load
fi

# The shared demo database: made once, under a lock, marked complete only when the demo ended well.
(
    flock 9
    if [ ! -e "$DEMO/.complete" ]; then
        [ ! -e "$DEMO/db" ] || fail "'$DEMO/db' exists but was never completed; remove '$DEMO' and run again"
        mkdir -p "$DEMO"
        echo "making $CASES demo cases in $DEMO/db (once) ..." >&2
        "$MERZIM" --db "$DEMO/db" --today "$TODAY" demo --cases "$CASES" >&2
        touch "$DEMO/.complete"
    fi
) 9>"$DEMO.lock"

WORK=$(mktemp -d /tmp/merzim-bench.XXXXXX)
# The officer's client must reach the socket: the directory is searchable, the socket itself is
# the daemon's 0660 with its group (root's), which the officer's client is given as a
# supplementary group, as an office gives its officers the group 'merzim'.
chmod 0711 "$WORK"
cp -a "$DEMO/db" "$WORK/db"
SOCK=$WORK/merzim.sock
DAEMON=
cleanup() {
    if [ -n "$DAEMON" ] && kill -0 "$DAEMON" 2>/dev/null; then
        kill -TERM "$DAEMON"
        wait "$DAEMON" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
"$MERZIM" --db "$WORK/db" --today "$TODAY" serve --socket "$SOCK" --log "$WORK/serve.log" &
DAEMON=$!
for _ in $(seq 1 300); do
    [ -S "$SOCK" ] && break
    kill -0 "$DAEMON" 2>/dev/null || fail "the daemon stopped: $(tail -n 3 "$WORK/serve.log")"
    sleep 0.1
done
[ -S "$SOCK" ] || fail "the daemon did not listen on '$SOCK' within 30 s"
sleep 0.5

rss() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$DAEMON/status"; }
# The value of key=... in a line of serve_bench.
val() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }

RSS_START=$(rss)
echo "supervisor's queue ..." >&2
SUP=$("$BENCH" queue "$SOCK" "$RUNS")
RSS_QUEUE=$(rss)
echo "officer's queue ..." >&2
OFF=$(setpriv --reuid="$OFFICER_UID" --regid="$OFFICER_UID" --groups=0 "$BENCH" queue "$SOCK" "$RUNS")
echo "notices to 50 and 100 consoles ..." >&2
P50=$("$BENCH" push "$SOCK" 50 20)
P100=$("$BENCH" push "$SOCK" 100 20 "$DAEMON")
echo "50 clients x $LOAD_SECONDS s of mixed load ..." >&2
MIXED=$("$LOAD" "$SOCK" 50 "$LOAD_SECONDS") || fail "the load run failed: $MIXED"
RSS_AFTER=$(rss)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

row() { printf '| %-58s | %-34s | %-12s |\n' "$1" "$2" "$3"; }
echo
echo "merzim serve, $CASES cases, $(date -u +%Y-%m-%d), ${BIN:-commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes')}, release build"
echo "machine: $(nproc) cores, load average $LOAD_BEFORE before, $LOAD_AFTER after (shared machine)"
echo
row "what" "measured" "target"
row "---" "---" "---"
row "supervisor's queue ($(val rows "$SUP") rows, $(($(val bytes "$SUP") / 1024)) KiB), first after start" "$(val first_ms "$SUP") ms" ""
row "supervisor's queue, median / p90 of $RUNS" "$(val median_ms "$SUP") / $(val p90_ms "$SUP") ms" "< 60 ms"
row "officer's queue ($(val rows "$OFF") rows, $(($(val bytes "$OFF") / 1024)) KiB), median / p90 of $RUNS" "$(val median_ms "$OFF") / $(val p90_ms "$OFF") ms" "< 20 ms"
row "notice to 50 consoles, p50 / p99 (20 writes)" "$(val p50_ms "$P50") / $(val p99_ms "$P50") ms, $(val unheard "$P50") unheard" "p99 < 1 s"
row "notice to 100 consoles, p50 / p99 (20 writes)" "$(val p50_ms "$P100") / $(val p99_ms "$P100") ms, $(val unheard "$P100") unheard" ""
row "daemon memory after start / after the first queue" "$RSS_START / $RSS_QUEUE MB" ""
row "daemon memory with 100 consoles / after the load" "$(val daemon_rss_mb "$P100") / $RSS_AFTER MB (peak $(val daemon_peak_mb "$P100"))" "< 300 MB"
echo
echo "mixed load (examples/serve_load.rs):"
echo "$MIXED"
