# The dashboard as of a past day (issue 10, item 3, on screen).

command-help-asof = show the dashboard as of a past day (`:asof` alone: back to today)
asof-title = { $title } as of { $date }
asof-calendar-corrected = computed with the calendar as corrected on { $corrected_on }: the entry for { $date } was changed after { $as_of }
asof-cell-report = The cases as of { $date } are listed by: merzim report --from FROM --to { $date } --as-of { $date }
asof-bad-date = "{ $text }" is not a date: write it as YYYY-MM-DD, e.g. :asof 2026-03-01
asof-after-today = The dashboard as of { $as_of }: that day is after today ({ $today }); what will be open then is not known yet
asof-before-calendar = The dashboard as of { $as_of }: the calendar's data begins on { $from }; terms before that day cannot be counted
