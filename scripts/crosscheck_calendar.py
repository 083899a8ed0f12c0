#!/usr/bin/env python3
"""Cross-check merzim's national calendar (data/calendars/kz.toml) against python-holidays.

Two kinds of checks:

1. Structure of the file (it must be right whatever python-holidays says):
   - [calendar] and every [[year]] / [[day]] has the fields of the schema and no others;
   - no two entries share a date; every entry has kk/ru/en names and a source;
   - every public holiday on a Saturday/Sunday has its moved-day-off on the next working
     day, chains in order (Nauryz 2026: 21 Sat -> 24 Mar, 22 Sun -> 25 Mar), and every
     moved-day-off is accounted for by such a holiday;
   - every swap_with pair is mutual and pairs a weekend working day with a weekday day off.

2. Against python-holidays (`holidays.country_holidays("KZ", years=Y)`), for every year in
   the file: the Monday-Friday non-working days must be the same set, and every holiday
   python-holidays puts on a Saturday/Sunday must be an entry in the file (so its name is
   known). python-holidays lists weekend holidays too; they are compared separately because
   a weekend day is a day off either way.

Every difference is printed on one line. A difference listed in KNOWN_DIFFERENCES below, with
its reason, is reported but accepted; any other one makes the script exit 1.

Usage: python3 scripts/crosscheck_calendar.py [path/to/kz.toml]
Needs Python 3.11+ (tomllib) and the `holidays` package (pip install holidays).
"""

from __future__ import annotations

import datetime as dt
import sys
import tomllib
from pathlib import Path

# Known, justified differences between the file and python-holidays, keyed by date.
#   "ours-only":   a Monday-Friday that is a day off in the file but a working day in python-holidays
#   "theirs-only": a Monday-Friday that is a holiday in python-holidays but a working day in the file
#   "weekend-missing": a weekend holiday of python-holidays that has no entry in the file
# Each needs a reason a reviewer can check. Example of the form (not a real difference):
#   dt.date(2026, 5, 28): ("ours-only", "DUMK moved Kurban Ait 2026 to 28 May; python-holidays still estimates 27 May"),
KNOWN_DIFFERENCES: dict[dt.date, tuple[str, str]] = {
    # python-holidays 0.109 agrees with the file on every date of 2024-2027; nothing to excuse.
}

KINDS = {
    "public-holiday",
    "moved-day-off",
    "religious-day-off",
    "transferred-day-off",
    "transferred-working-day",
}
# Kinds that make a Monday-Friday a non-working day.
DAY_OFF_KINDS = {"public-holiday", "moved-day-off", "religious-day-off", "transferred-day-off"}
LANGS = ("kk", "ru", "en")
DAY_FIELDS_REQUIRED = {"date", "kind", "name", "source"}
DAY_FIELDS_OPTIONAL = {"estimated", "moved_from", "swap_with"}
YEAR_FIELDS_REQUIRED = {"year", "status"}
YEAR_FIELDS_OPTIONAL = {"note", "sources"}
CALENDAR_FIELDS_REQUIRED = {"id"}
CALENDAR_FIELDS_OPTIONAL = {"zone", "sources"}
TOP_LEVEL = {"calendar", "year", "day"}
STATUSES = {"final", "provisional"}

DEFAULT_FILE = Path(__file__).resolve().parent.parent / "data" / "calendars" / "kz.toml"


def is_weekend(d: dt.date) -> bool:
    return d.weekday() >= 5


def wd(d: dt.date) -> str:
    return d.strftime("%a")


def is_date(v: object) -> bool:
    # tomllib gives datetime.date for a bare local date; a datetime would be a mistake here.
    return isinstance(v, dt.date) and not isinstance(v, dt.datetime)


class Report:
    def __init__(self) -> None:
        self.errors = 0
        self.diffs = 0
        self.known = 0
        self.used_known: set[dt.date] = set()

    def error(self, where: str, msg: str) -> None:
        self.errors += 1
        print(f"ERROR {where}: {msg}")

    def diff(self, d: dt.date, kind: str, msg: str) -> None:
        known = KNOWN_DIFFERENCES.get(d)
        if known is not None and known[0] == kind:
            self.known += 1
            self.used_known.add(d)
            print(f"known {d} ({wd(d)}): {msg} [accepted: {known[1]}]")
        else:
            self.diffs += 1
            print(f"DIFF  {d} ({wd(d)}): {msg}")

    @staticmethod
    def info(where: str, msg: str) -> None:
        print(f"info  {where}: {msg}")


def check_structure(doc: dict, rep: Report) -> tuple[dict[dt.date, dict], set[int]]:
    """Checks fields, types and uniqueness. Returns the entries by date and the declared years."""
    for key in doc:
        if key not in TOP_LEVEL:
            rep.error("file", f"unknown top-level key '{key}'")

    cal = doc.get("calendar")
    if not isinstance(cal, dict):
        rep.error("file", "missing [calendar] table")
    else:
        check_fields("[calendar]", cal, CALENDAR_FIELDS_REQUIRED, CALENDAR_FIELDS_OPTIONAL, rep)
        if not nonempty_str(cal.get("id")):
            rep.error("[calendar]", "'id' must be a non-empty string")
        check_sources("[calendar]", cal.get("sources"), rep, required=False)

    years: set[int] = set()
    for i, y in enumerate(doc.get("year", [])):
        where = f"[[year]] #{i + 1}"
        check_fields(where, y, YEAR_FIELDS_REQUIRED, YEAR_FIELDS_OPTIONAL, rep)
        year = y.get("year")
        if not isinstance(year, int) or isinstance(year, bool):
            rep.error(where, "'year' must be an integer")
            continue
        where = f"[[year]] {year}"
        if year in years:
            rep.error(where, "declared twice")
        years.add(year)
        if y.get("status") not in STATUSES:
            rep.error(where, f"'status' must be one of {sorted(STATUSES)}, not {y.get('status')!r}")
        if "note" in y and not nonempty_str(y["note"]):
            rep.error(where, "'note' must be a non-empty string")
        check_sources(where, y.get("sources"), rep, required=False)
    if not years:
        rep.error("file", "no [[year]] entries")

    by_date: dict[dt.date, dict] = {}
    for i, e in enumerate(doc.get("day", [])):
        d = e.get("date")
        if not is_date(d):
            rep.error(f"[[day]] #{i + 1}", f"'date' must be a bare TOML local date, not {d!r}")
            continue
        where = f"{d} ({wd(d)})"
        check_fields(where, e, DAY_FIELDS_REQUIRED, DAY_FIELDS_OPTIONAL, rep)
        if d in by_date:
            rep.error(where, "duplicate date: two entries for one day")
            continue
        by_date[d] = e

        kind = e.get("kind")
        if kind not in KINDS:
            rep.error(where, f"unknown kind {kind!r}")
        name = e.get("name")
        if not isinstance(name, dict):
            rep.error(where, "'name' must be a table { kk, ru, en }")
        else:
            for lang in LANGS:
                if not nonempty_str(name.get(lang)):
                    rep.error(where, f"name.{lang} is missing or empty")
            for lang in name:
                if lang not in LANGS:
                    rep.error(where, f"unknown name language '{lang}'")
        if not nonempty_str(e.get("source")):
            rep.error(where, "'source' is missing or empty")
        if "estimated" in e and not isinstance(e["estimated"], bool):
            rep.error(where, "'estimated' must be true or false")

        if kind == "moved-day-off":
            if not is_date(e.get("moved_from")):
                rep.error(where, "a moved-day-off needs 'moved_from' (a date)")
            if is_weekend(d):
                rep.error(where, "a moved-day-off must be a Monday-Friday")
        elif "moved_from" in e:
            rep.error(where, f"'moved_from' is only for moved-day-off, not {kind}")

        if kind in ("transferred-day-off", "transferred-working-day"):
            if not is_date(e.get("swap_with")):
                rep.error(where, f"a {kind} needs 'swap_with' (a date)")
        elif "swap_with" in e:
            rep.error(where, f"'swap_with' is only for transfers, not {kind}")

        year_of_entry = d.year
        if year_of_entry not in years and not (
            kind == "moved-day-off" and is_date(e.get("moved_from")) and e["moved_from"].year in years
        ):
            rep.error(where, f"date outside the declared years {sorted(years)}")
    return by_date, years


def check_fields(where: str, table: object, required: set[str], optional: set[str], rep: Report) -> None:
    if not isinstance(table, dict):
        rep.error(where, "must be a table")
        return
    for f in sorted(required - table.keys()):
        rep.error(where, f"missing field '{f}'")
    for f in sorted(table.keys() - required - optional):
        rep.error(where, f"unknown field '{f}'")


def check_sources(where: str, sources: object, rep: Report, required: bool) -> None:
    if sources is None:
        if required:
            rep.error(where, "missing 'sources'")
        return
    if not isinstance(sources, list) or not sources or not all(nonempty_str(s) for s in sources):
        rep.error(where, "'sources' must be a non-empty list of non-empty strings")


def nonempty_str(v: object) -> bool:
    return isinstance(v, str) and v.strip() != ""


def check_transfers(by_date: dict[dt.date, dict], rep: Report) -> None:
    for d, e in sorted(by_date.items()):
        kind = e.get("kind")
        if kind not in ("transferred-day-off", "transferred-working-day"):
            continue
        other_date = e.get("swap_with")
        if not is_date(other_date):
            continue  # already reported
        where = f"{d} ({wd(d)})"
        other = by_date.get(other_date)
        if other is None:
            rep.error(where, f"swap_with {other_date} has no entry")
            continue
        if other.get("swap_with") != d:
            rep.error(where, f"swap_with {other_date} is not mutual ({other_date} points at {other.get('swap_with')})")
        want = "transferred-working-day" if kind == "transferred-day-off" else "transferred-day-off"
        if other.get("kind") != want:
            rep.error(where, f"swap_with {other_date} should be a {want}, not {other.get('kind')}")
        if kind == "transferred-working-day" and not is_weekend(d):
            rep.error(where, "a transferred-working-day should be a Saturday or Sunday")
        if kind == "transferred-day-off" and is_weekend(d):
            rep.error(where, "a transferred-day-off should be a Monday-Friday")


def check_moved_days(by_date: dict[dt.date, dict], rep: Report) -> None:
    """Law No. 267-II Art. 5: a holiday on a day off gives the next working day off, in order."""

    def working_before_moves(d: dt.date) -> bool:
        e = by_date.get(d)
        kind = e.get("kind") if e else None
        if kind == "transferred-working-day":
            return True
        if is_weekend(d):
            return False
        return kind not in ("public-holiday", "religious-day-off", "transferred-day-off")

    expected: dict[dt.date, dt.date] = {}  # moved day -> holiday it stands for
    taken: set[dt.date] = set()
    weekend_holidays = sorted(
        d for d, e in by_date.items() if e.get("kind") == "public-holiday" and is_weekend(d)
    )
    for h in weekend_holidays:
        if by_date[h].get("kind") == "transferred-working-day":
            continue
        d = h + dt.timedelta(days=1)
        while not working_before_moves(d) or d in taken:
            d += dt.timedelta(days=1)
        taken.add(d)
        expected[d] = h

    actual = {
        d: e.get("moved_from")
        for d, e in by_date.items()
        if e.get("kind") == "moved-day-off"
    }
    for d, h in sorted(expected.items()):
        where = f"{h} ({wd(h)})"
        if d not in actual:
            rep.error(where, f"public holiday on a weekend: its moved-day-off on {d} ({wd(d)}) is missing")
        elif actual[d] != h:
            rep.error(f"{d} ({wd(d)})", f"moved_from should be {h} (holiday chain in order), not {actual[d]}")
    for d, h in sorted(actual.items()):
        if d in expected:
            continue
        where = f"{d} ({wd(d)})"
        src = by_date.get(h) if is_date(h) else None
        if src is None:
            rep.error(where, f"moved_from {h} has no entry")
        elif src.get("kind") != "public-holiday":
            rep.error(where, f"moved_from {h} is a {src.get('kind')}, only public holidays move")
        elif not is_weekend(h):
            rep.error(where, f"moved_from {h} ({wd(h)}) is not a Saturday/Sunday")
        else:
            rep.error(where, "moved-day-off not on the next working day after its holiday")


def non_working_weekdays(by_date: dict[dt.date, dict], year: int) -> set[dt.date]:
    return {
        d
        for d, e in by_date.items()
        if d.year == year and not is_weekend(d) and e.get("kind") in DAY_OFF_KINDS
    }


def compare_with_python_holidays(by_date: dict[dt.date, dict], years: set[int], rep: Report) -> None:
    import holidays  # imported here so a structural run still says what is wrong without it

    print(f"python-holidays {holidays.__version__}")
    for year in sorted(years):
        theirs_all = holidays.country_holidays("KZ", years=year)
        theirs = {d for d in theirs_all if not is_weekend(d)}
        ours = non_working_weekdays(by_date, year)
        for d in sorted(ours - theirs):
            e = by_date[d]
            rep.diff(d, "ours-only", f"day off here ({e['kind']}: {e['name']['en']}), working day in python-holidays")
        for d in sorted(theirs - ours):
            e = by_date.get(d)
            why = f" (here: {e['kind']})" if e else ""
            rep.diff(d, "theirs-only", f"'{theirs_all.get(d)}' in python-holidays, working day here{why}")
        for d in sorted(x for x in theirs_all if is_weekend(x)):
            e = by_date.get(d)
            if e is None or e.get("kind") not in ("public-holiday", "religious-day-off"):
                rep.diff(d, "weekend-missing", f"'{theirs_all.get(d)}' (weekend) in python-holidays has no holiday entry here")
        # Estimates: informative only; an estimated entry already makes deadlines provisional.
        for d in sorted(x for x in by_date if x.year == year):
            ours_est = bool(by_date[d].get("estimated", False))
            name = theirs_all.get(d) or ""
            theirs_est = "estimated" in name.lower()
            if ours_est or theirs_est:
                rep.info(
                    f"{d} ({wd(d)})",
                    f"{by_date[d]['name']['en']}: estimated here: {'yes' if ours_est else 'no'}, "
                    f"in python-holidays: {'yes' if theirs_est else 'no' if name else 'absent'}",
                )
    for d in sorted(KNOWN_DIFFERENCES):
        if d.year in years and d not in rep.used_known:
            # A stale excuse hides nothing today but could hide a real difference later.
            rep.info(f"{d} ({wd(d)})", "listed in KNOWN_DIFFERENCES but no longer differs: remove it")


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_FILE
    try:
        with path.open("rb") as f:
            doc = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as err:
        print(f"ERROR {path}: cannot read: {err}")
        return 1

    rep = Report()
    by_date, years = check_structure(doc, rep)
    check_transfers(by_date, rep)
    check_moved_days(by_date, rep)
    for y in doc.get("year", []):
        if y.get("status") == "provisional":
            rep.info(f"year {y.get('year')}", "status provisional (see its note): its deadlines are shown as provisional")

    try:
        compare_with_python_holidays(by_date, years, rep)
    except ImportError:
        print("ERROR python-holidays: the 'holidays' package is not installed (pip install holidays)")
        rep.errors += 1

    print(
        f"crosscheck {path.name}: years {', '.join(map(str, sorted(years)))}; {len(by_date)} entries; "
        f"{rep.errors} structural errors, {rep.diffs} unexplained differences, {rep.known} known differences"
    )
    return 1 if rep.errors or rep.diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
