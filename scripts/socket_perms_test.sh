#!/bin/sh
# The socket's permissions by hand (what tests/server.rs checks when it runs as root): a uid
# outside the socket's group cannot connect, and a uid inside it that is not a merzim user is
# refused with a message that says who can add it. Run as root; it creates a group and two
# system accounts and removes them at the end.
#
#   sudo scripts/socket_perms_test.sh [path/to/merzim]
set -eu
cd "$(dirname "$0")/.."
MERZIM="${1:-target/debug/merzim}"
[ "$(id -u)" = 0 ] || { echo "run as root (it creates accounts)" >&2; exit 2; }
[ -x "$MERZIM" ] || { echo "no merzim at $MERZIM: cargo build first" >&2; exit 2; }
TAG=$$
GROUP="mzg$TAG" INSIDE="mzin$TAG" OUTSIDE="mzout$TAG"
DIR=$(mktemp -d)
chmod 755 "$DIR"
cleanup() {
    [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null || true
    userdel "$INSIDE" 2>/dev/null || true
    userdel "$OUTSIDE" 2>/dev/null || true
    groupdel "$GROUP" 2>/dev/null || true
    rm -rf "$DIR"
}
trap cleanup EXIT
groupadd "$GROUP"
useradd -M -N -g "$GROUP" -s /usr/sbin/nologin "$INSIDE"
useradd -M -s /usr/sbin/nologin "$OUTSIDE"
"$MERZIM" --today 2026-11-20 --db "$DIR/db" demo --cases 10 2>/dev/null
"$MERZIM" --today 2026-11-20 --db "$DIR/db" serve --socket "$DIR/s.sock" --group "$GROUP" --log "$DIR/log" &
PID=$!
i=0
while [ ! -S "$DIR/s.sock" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
ls -l "$DIR/s.sock"
# Connects, reads what the daemon says until it closes, prints the message keys it saw.
PROBE='
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); s.settimeout(10)
try:
    s.connect(sys.argv[1])
except OSError as e:
    print("connect refused:", e.strerror); sys.exit(0)
s.shutdown(socket.SHUT_WR)
data = b""
while True:
    b = s.recv(65536)
    if not b: break
    data += b
print("connected; the daemon said:", [w for w in (b"welcome", b"bye", b"service-unknown-user") if w in data])
'
echo "outside the group ($OUTSIDE):"
setpriv --reuid "$OUTSIDE" --regid "$(id -g "$OUTSIDE")" --clear-groups /usr/bin/python3 -I -S -c "$PROBE" "$DIR/s.sock"
echo "inside the group, not a merzim user ($INSIDE):"
setpriv --reuid "$INSIDE" --regid "$GROUP" --clear-groups /usr/bin/python3 -I -S -c "$PROBE" "$DIR/s.sock"
echo "the daemon's log:"
grep -E "refused|connected" "$DIR/log" | sed 's/^/  /'
echo "expected: outside refused (Permission denied); inside told bye with service-unknown-user"
