#!/usr/bin/env python3
"""Bytes the merzim console writes while an officer fills a form (issue 8, "the officer's whole
day", on a slow link).

    python3 scripts/measure_forms.py [--bin target/release/merzim] [--cases 10000]
                                     [--size 80x24] [--json OUT]

Fills a demo database (fixed --today), starts the console in a pseudo-terminal of the given
size with the pty harness of measure_bytes.py, and sends keys one at a time, waiting after each
until the console has been quiet for 0.25 s. What it wrote goes through a small terminal
emulator (the sequences the console uses: cursor moves, SGR, erase), so that each key's bytes
can be set against the cells of the screen that really changed.

Measured: the queue's first paint; opening the register form (queue), the extension and note
forms (case view); the bytes per letter typed into a one-line field and into a text field (Latin
and Kazakh letters); the days typed into the extension form, whose live preview (new due date,
the cap, the notice) changes with each key.

Checks (exit 1 if one fails): a letter typed costs at most 40 bytes (median and slowest), opening
a form costs no more than the queue's first paint, and no key in a form sends more cells than
changed on the screen (the preview's unchanged text is never sent again).
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measure_bytes import Pty  # noqa: E402  (the same harness as the queue's measurement)

TODAY = "2026-11-22"
ESC, TAB, BS, ENTER = b"\x1b", b"\t", b"\x7f", b"\r"


class Term:
    """Just enough of a VT terminal for what the console writes: the grid of (char, style)."""

    def __init__(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.grid = [[(" ", ()) for _ in range(cols)] for _ in range(rows)]
        self.x = self.y = 0
        self.style = {}
        self.top, self.bottom = 0, rows - 1
        self.pending = ""
        # Cells written (characters printed; an erase counts as none): what was sent.
        self.printed = 0

    def snapshot(self):
        return [row[:] for row in self.grid]

    def text(self):
        return "\n".join("".join(c for c, _ in row).rstrip() for row in self.grid)

    def _attrs(self):
        return tuple(sorted(self.style.items()))

    def _blank(self):
        return (" ", tuple((k, v) for k, v in sorted(self.style.items()) if k == "bg"))

    def _sgr(self, params):
        ps = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else [0]
        i = 0
        while i < len(ps):
            p = ps[i]
            if p == 0:
                self.style = {}
            elif p in (38, 48) and i + 2 < len(ps) and ps[i + 1] == 5:
                self.style["fg" if p == 38 else "bg"] = ps[i + 2]
                i += 2
            elif 30 <= p <= 37 or 90 <= p <= 97:
                self.style["fg"] = p
            elif 40 <= p <= 47 or 100 <= p <= 107:
                self.style["bg"] = p
            elif p == 39:
                self.style.pop("fg", None)
            elif p == 49:
                self.style.pop("bg", None)
            elif p in (22, 23, 24, 25, 27, 28, 29):
                self.style.pop(str({22: 1, 23: 3, 24: 4, 25: 5, 27: 7, 28: 8, 29: 9}[p]), None)
                if p == 22:
                    self.style.pop("2", None)
            else:
                self.style[str(p)] = True
            i += 1

    def _scroll_up(self):
        del self.grid[self.top]
        self.grid.insert(self.bottom, [(" ", ()) for _ in range(self.cols)])

    def _scroll_down(self):
        del self.grid[self.bottom]
        self.grid.insert(self.top, [(" ", ()) for _ in range(self.cols)])

    def _csi(self, params, final):
        private = params.startswith("?")
        if private:
            return
        nums = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []
        n = nums[0] if nums and nums[0] else 1
        if final in "Hf":
            self.y = (nums[0] if nums and nums[0] else 1) - 1
            self.x = (nums[1] if len(nums) > 1 and nums[1] else 1) - 1
        elif final == "C":
            self.x += n
        elif final == "D":
            self.x = max(0, self.x - n)
        elif final == "A":
            self.y = max(0, self.y - n)
        elif final == "B":
            self.y += n
        elif final == "G":
            self.x = n - 1
        elif final == "K":
            mode = nums[0] if nums else 0
            row = self.grid[min(self.y, self.rows - 1)]
            lo, hi = {0: (self.x, self.cols), 1: (0, self.x + 1), 2: (0, self.cols)}[mode]
            for i in range(max(0, lo), min(hi, self.cols)):
                row[i] = self._blank()
        elif final == "J":
            mode = nums[0] if nums else 0
            if mode == 0:
                self._csi("0", "K")
                rows = range(self.y + 1, self.rows)
            elif mode == 1:
                rows = range(0, self.y)
            else:
                rows = range(self.rows)
            for r in rows:
                self.grid[r] = [self._blank() for _ in range(self.cols)]
        elif final == "m":
            self._sgr(params)
        elif final == "r":
            self.top = (nums[0] - 1) if nums else 0
            self.bottom = (nums[1] - 1) if len(nums) > 1 else self.rows - 1
            self.x = self.y = 0
        self.x = min(max(self.x, 0), self.cols)
        self.y = min(max(self.y, 0), self.rows - 1)

    def feed(self, data):
        s = self.pending + data.decode("utf-8", "replace")
        self.pending = ""
        i = 0
        while i < len(s):
            c = s[i]
            if c == "\x1b":
                if i + 1 >= len(s):
                    self.pending = s[i:]
                    return
                nxt = s[i + 1]
                if nxt == "[":
                    j = i + 2
                    while j < len(s) and not ("\x40" <= s[j] <= "\x7e"):
                        j += 1
                    if j >= len(s):
                        self.pending = s[i:]
                        return
                    self._csi(s[i + 2:j], s[j])
                    i = j + 1
                    continue
                if nxt == "]":
                    j = s.find("\x07", i)
                    i = len(s) if j < 0 else j + 1
                    continue
                if nxt == "M":
                    if self.y == self.top:
                        self._scroll_down()
                    else:
                        self.y = max(0, self.y - 1)
                elif nxt in "()":
                    i += 1
                i += 2
                continue
            if c == "\r":
                self.x = 0
            elif c == "\n":
                if self.y == self.bottom:
                    self._scroll_up()
                else:
                    self.y = min(self.rows - 1, self.y + 1)
            elif c == "\b":
                self.x = max(0, self.x - 1)
            elif ord(c) < 32 or unicodedata.combining(c):
                pass
            else:
                w = 2 if unicodedata.east_asian_width(c) in "WF" else 1
                self.printed += 1
                if self.x < self.cols:
                    self.grid[self.y][self.x] = (c, self._attrs())
                    if w == 2 and self.x + 1 < self.cols:
                        self.grid[self.y][self.x + 1] = ("", self._attrs())
                self.x += w
            i += 1


def changed(before, after):
    """The cells that differ, and the rows they are on."""
    cells = rows = 0
    for a, b in zip(before, after):
        n = sum(1 for x, y in zip(a, b) if x != y)
        cells += n
        rows += 1 if n else 0
    return cells, rows


class Console:
    def __init__(self, binary, db, size, extra=()):
        cols, rows = map(int, size.split("x"))
        env = dict(os.environ, TERM="xterm-256color", MERZIM_TODAY=TODAY, LANG="C.UTF-8")
        env.pop("NO_COLOR", None)
        self.term = Term(cols, rows)
        self.p = Pty([binary, "--db", db, "--lang", "en", *extra], cols, rows, env)
        self.log = []

    def first(self):
        out = self.p.read_until_quiet(quiet=1.0, max_wait=10.0)
        self.term.feed(out)
        return len(out)

    def key(self, b, label=None, quiet=0.25):
        """Sends one key; returns (bytes written, cells changed, rows changed, cells sent)."""
        before = self.term.snapshot()
        printed = self.term.printed
        self.p.send(b)
        out = self.p.read_until_quiet(quiet=quiet)
        self.term.feed(out)
        cells, rows = changed(before, self.term.grid)
        sent = self.term.printed - printed
        if label:
            self.log.append({"key": label, "bytes": len(out), "cells": cells, "rows": rows,
                             "sent": sent})
        return len(out), cells, rows, sent

    def typed(self, text, label):
        return [self.key(ch.encode(), f"{label} {ch!r}") for ch in text]

    def close(self):
        self.p.send(b"\x03")
        self.p.read_until_quiet()
        self.p.close()


def candidates(binary, db):
    """Open complaints to a body that may extend, not extended yet, newest first: one of them
    is still within its term on TODAY."""
    out = subprocess.run([binary, "--db", db, "export"], check=True, capture_output=True,
                         text=True).stdout
    found = []
    for line in out.splitlines():
        c = json.loads(line)
        if (c.get("kind") == "complaint" and c.get("status") in ("registered", "in-progress")
                and c.get("addressee") in ("local-body", "central-body", "quality-authority")
                and not c.get("extensions") and c.get("registered", "9") <= TODAY):
            found.append(c)
    found.sort(key=lambda c: c["registered"], reverse=True)
    return [c["number"] for c in found[:20]]


def letters(results):
    return {"median": statistics.median(r[0] for r in results),
            "max": max(r[0] for r in results),
            "cells_median": statistics.median(r[1] for r in results),
            "sent_median": statistics.median(r[3] for r in results)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/merzim")
    ap.add_argument("--cases", type=int, default=10000)
    ap.add_argument("--size", default="80x24")
    ap.add_argument("--json")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="merzim-forms-")
    try:
        db = os.path.join(tmp, "demo.db")
        subprocess.run([a.bin, "demo", "--cases", str(a.cases), "--db", db, "--today", TODAY],
                       check=True, stdout=subprocess.DEVNULL)
        numbers = candidates(a.bin, db)
        c = Console(a.bin, db, a.size)
        r = {"first_paint": c.first()}
        # The register form, from the queue.
        r["open_register"] = c.key(b"n", "open register form")[0]
        c.key(TAB)
        r["register_name_latin"] = letters(c.typed("Aliya Nurlanovna", "name"))
        r["register_name_kazakh"] = letters(c.typed("Әлия Нұрланқызы", "name"))
        c.key(ESC)
        c.key(b"y")
        # A case whose term can still be extended.
        number = None
        for n in numbers:
            c.key(b":")
            c.typed(f"open {n}", "cmd")
            c.key(ENTER, quiet=0.5)
            c.key(b"e", "open extend form")
            if "Extend the term" in c.term.text().splitlines()[0]:
                number = n
                r["open_extend"] = c.log[-1]["bytes"]
                break
            c.key(ESC)
            c.key(ESC)
        if number is None:
            sys.exit("no case of the demo database can be extended on " + TODAY)
        r["case"] = number
        c.key(TAB)  # the days
        days = []
        for k, label in [(b"1", "'1': the preview appears"),
                         (b"0", "'10': new due date and cap change"),
                         (BS, "<bs> to '1': they change back"),
                         (b"1", "'11': over the cap, refused"),
                         (BS, "<bs> to '1': the preview again"),
                         (BS, "<bs>: empty, the preview goes")]:
            b, cells, rows, sent = c.key(k, label)
            days.append({"key": label, "bytes": b, "cells": cells, "rows": rows, "sent": sent})
        r["extend_days"] = days
        c.key(TAB)  # the reason: a text field
        r["extend_reason_kazakh"] = letters(c.typed("Қосымша тексеру", "reason"))
        r["extend_reason_latin"] = letters(c.typed(" on site", "reason"))
        c.key(ESC)
        c.key(b"y")
        r["open_note"] = c.key(b"m", "open note form")[0]
        r["note_text"] = letters(c.typed("Құжаттар сұралды", "note"))
        c.key(ESC)
        c.key(b"y")
        c.close()
        r["keys"] = c.log
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"Bytes written at {a.size}, {a.cases} demo cases (case {r['case']} for the forms):\n")
    print("| what | bytes | cells changed | cells sent |")
    print("|---|---|---|---|")
    print(f"| queue, first paint | {r['first_paint']} | | |")
    for k in ("open_register", "open_extend", "open_note"):
        print(f"| {k.replace('_', ' ')} form | {r[k]} | | |")
    for k in ("register_name_latin", "register_name_kazakh", "extend_reason_kazakh",
              "extend_reason_latin", "note_text"):
        v = r[k]
        print(f"| a letter, {k.replace('_', ' ')}: median (max) | {v['median']:.0f} ({v['max']}) "
              f"| {v['cells_median']:.0f} | {v['sent_median']:.0f} |")
    for d in r["extend_days"]:
        print(f"| extension days, {d['key']} | {d['bytes']} | {d['cells']} in {d['rows']} rows "
              f"| {d['sent']} |")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(r, f, indent=1, ensure_ascii=False)

    failed = []
    for k in ("register_name_latin", "register_name_kazakh", "extend_reason_kazakh",
              "extend_reason_latin", "note_text"):
        if r[k]["median"] > 40 or r[k]["max"] > 40:
            failed.append(f"{k}: a letter costs {r[k]['median']} B (median), {r[k]['max']} B (max)")
    for k in ("open_register", "open_extend", "open_note"):
        if r[k] > r["first_paint"]:
            failed.append(f"{k}: {r[k]} B, more than the first paint ({r['first_paint']} B)")
    for e in r["keys"]:
        if e["key"].startswith(("open", "cmd")):
            continue
        # Only what changed is sent: no more cells than changed (an erase sends none).
        if e["sent"] > e["cells"]:
            failed.append(f"{e['key']}: {e['sent']} cells sent, {e['cells']} changed")
    for f in failed:
        print("FAIL:", f)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
