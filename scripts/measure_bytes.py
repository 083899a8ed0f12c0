#!/usr/bin/env python3
"""Bytes the merzim console writes to the terminal, per keystroke (issue 4, slow links).

    python3 scripts/measure_bytes.py [--bin target/release/merzim] [--cases 10000]
                                     [--size 80x24] [--idle 10] [--json OUT] [--daemon]

Fills a demo database (the given number of cases, fixed --today), starts the console in a
pseudo-terminal of the given size and sends the same keys as the reference harness in
../shared/tools/ptybench (so the figures compare with neomutt's), one key at a time. After each
key it waits until the console has been quiet for 0.25 s and counts what it wrote: what sshd
would carry over the link. Runs twice: the default profile and --low-bandwidth.

Checks (exit 1 if one fails): 0 bytes while idle, 0 bytes for a key that changes nothing, the
burst of 50 moves costs no more than a page move, and in the low-bandwidth profile a one-row move
costs under 30 bytes.

With --daemon the default profile runs a third time, through `merzim serve` (`--connect`), and
every key must cost the same bytes as in the embedded console (issue 9: a console over the
socket writes the same bytes per key).
"""
import argparse, fcntl, json, os, select, shutil, statistics, struct, subprocess, sys, tempfile
import termios, time

TODAY = "2026-11-22"


class Pty:
    def __init__(self, cmd, cols, rows, env):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

        def pre():
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave,
                                     preexec_fn=pre, env=env, close_fds=True)
        os.close(slave)

    def read_until_quiet(self, quiet=0.25, max_wait=2.0):
        t0 = time.monotonic()
        buf = bytearray()
        last = None
        while True:
            now = time.monotonic()
            remaining = (max_wait - (now - t0)) if last is None else (quiet - (now - last))
            if remaining <= 0 or now - t0 > 30:
                break
            r, _, _ = select.select([self.master], [], [], remaining)
            if not r:
                continue
            try:
                data = os.read(self.master, 65536)
            except OSError:
                break
            if not data:
                break
            last = time.monotonic()
            buf += data
            if b"\x1b[6n" in data:  # answer a cursor position query like a terminal
                os.write(self.master, b"\x1b[1;1R")
        return bytes(buf)

    def read_for(self, seconds):
        t0 = time.monotonic()
        buf = bytearray()
        while True:
            remaining = seconds - (time.monotonic() - t0)
            if remaining <= 0:
                break
            r, _, _ = select.select([self.master], [], [], remaining)
            if r:
                try:
                    data = os.read(self.master, 65536)
                except OSError:
                    break
                if not data:
                    break
                buf += data
        return bytes(buf)

    def send(self, b):
        os.write(self.master, b)

    def close(self):
        try:
            self.proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self.master)


HOME, END, PGDN = b"\x1bOH", b"\x1bOF", b"\x1b[6~"


def session(binary, db, size, idle, extra):
    cols, rows = map(int, size.split("x"))
    env = dict(os.environ, TERM="xterm-256color", MERZIM_TODAY=TODAY, LANG="C.UTF-8")
    env.pop("NO_COLOR", None)
    p = Pty([binary, "--db", db, "--lang", "en"] + extra, cols, rows, env)
    r = {"first_paint": len(p.read_until_quiet(quiet=1.0, max_wait=10.0))}
    r["idle_start"] = len(p.read_for(idle))
    r["noop_key"] = len(p.send(b"k") or p.read_until_quiet())  # move up on the first row
    moves = []
    for _ in range(50):
        p.send(b"j")
        moves.append(len(p.read_until_quiet()))
    r["moves"] = moves
    r["in_view_move"] = statistics.median(moves[1:16])
    r["mean_50_moves"] = sum(moves) / len(moves)
    p.send(HOME); p.read_until_quiet()
    p.send(b"j" * 50)
    r["burst_50"] = len(p.read_until_quiet(quiet=0.5))
    p.send(HOME); p.read_until_quiet()
    pages = []
    for _ in range(5):
        p.send(PGDN)
        pages.append(len(p.read_until_quiet()))
    r["page_down"] = statistics.median(pages)
    p.send(END); r["end"] = len(p.read_until_quiet())
    p.send(HOME); r["home"] = len(p.read_until_quiet())
    p.send(b"\r"); r["open"] = len(p.read_until_quiet())
    p.send(b"q"); r["back"] = len(p.read_until_quiet())
    typed = []
    p.send(b"/"); r["slash"] = len(p.read_until_quiet())
    for ch in b"appeal":
        p.send(bytes([ch]))
        typed.append(len(p.read_until_quiet()))
    r["typed_median"] = statistics.median(typed)
    p.send(b"\r"); r["filter_enter"] = len(p.read_until_quiet())
    r["idle_end"] = len(p.read_for(idle))
    p.send(b"\x1b"); p.read_until_quiet()
    p.send(b"q")
    p.read_until_quiet()
    p.close()
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/merzim")
    ap.add_argument("--cases", type=int, default=10000)
    ap.add_argument("--size", default="80x24")
    ap.add_argument("--idle", type=float, default=10)
    ap.add_argument("--json")
    ap.add_argument("--daemon", action="store_true")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="merzim-bytes-")
    db = os.path.join(tmp, "demo.db")
    subprocess.run([a.bin, "demo", "--cases", str(a.cases), "--db", db, "--today", TODAY],
                   check=True, stdout=subprocess.DEVNULL)
    results = {"default": session(a.bin, db, a.size, a.idle, []),
               "low-bandwidth": session(a.bin, db, a.size, a.idle, ["--low-bandwidth"])}
    if a.daemon:
        sock = os.path.join(tmp, "merzim.sock")
        env = dict(os.environ, MERZIM_TODAY=TODAY)
        serve = subprocess.Popen([a.bin, "--db", db, "serve", "--socket", sock, "--log",
                                  os.path.join(tmp, "serve.log")], env=env)
        try:
            for _ in range(300):
                if os.path.exists(sock):
                    break
                time.sleep(0.1)
            results["daemon"] = session(a.bin, db, a.size, a.idle, ["--connect", sock])
        finally:
            serve.terminate()
            serve.wait(timeout=30)
    shutil.rmtree(tmp, ignore_errors=True)
    keys = ["first_paint", "idle_start", "noop_key", "in_view_move", "mean_50_moves", "burst_50",
            "page_down", "end", "home", "open", "back", "slash", "typed_median", "filter_enter",
            "idle_end"]
    names = list(results)
    print(f"| bytes written at {a.size}, {a.cases} demo cases | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 1) + "|")
    for k in keys:
        print(f"| {k.replace('_', ' ')} | " + " | ".join(f"{results[n][k]:.0f}" for n in names) + " |")
    if a.json:
        json.dump(results, open(a.json, "w"), indent=1)
    failed = []
    for name, r in results.items():
        if r["idle_start"] or r["idle_end"]:
            failed.append(f"{name}: wrote bytes while idle")
        if r["noop_key"]:
            failed.append(f"{name}: a key that changes nothing wrote {r['noop_key']} bytes")
        if r["burst_50"] > r["page_down"] * 1.5 + 64:
            failed.append(f"{name}: a burst of 50 moves cost {r['burst_50']} B, a page move {r['page_down']} B")
    if "daemon" in results:
        for k in keys[2:]:
            if results["daemon"][k] != results["default"][k]:
                failed.append(f"daemon: {k} wrote {results['daemon'][k]:.0f} B, "
                              f"{results['default'][k]:.0f} B embedded")
    if results["low-bandwidth"]["in_view_move"] >= 30:
        failed.append("low-bandwidth: a one-row move costs 30 bytes or more")
    for f in failed:
        print("FAIL:", f)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
