# The command line: errors and human-readable output.

## Databases

cli-no-database = there is no database at '{ $path }'; create one with 'merzim --db { $path } demo', 'merzim --db { $path } import FILE' or 'merzim --db { $path } restore BACKUP'
cli-office-data = { $error }; correct the file or move it out of the office data directory '{ $dir }'
cli-the-database = the database
cli-standard-output = standard output
cli-disk-full = the disk is full: cannot write { $target }; free some space and run the command again
cli-cannot-write = cannot write { $target }: { $reason }
cli-damaged = damaged record '{ $key }' in '{ $tree }' skipped: { $reason }
cli-damaged-case = damaged record '{ $key }' in '{ $tree }' (case '{ $number }') skipped: { $reason }
cli-export-skipped =
    { $count ->
        [one] { $count } damaged record was left out of the export; 'merzim check' lists it
       *[other] { $count } damaged records were left out of the export; 'merzim check' lists them
    }
cli-backup-skipped =
    { $count ->
        [one] { $count } damaged record was left out of the backup; 'merzim check' lists it
       *[other] { $count } damaged records were left out of the backup; 'merzim check' lists them
    }
cli-check-ok = the database '{ $path }' is sound: { $count } cases, no damaged record
cli-check-found = the database '{ $path }' has { $count } damaged records or an unfinished restore; restore it from a backup, or export what can be read and import it into a new database
cli-exported = exported { $count } cases to '{ $path }'
cli-imported = imported { $added } new cases from '{ $path }' ({ $unchanged } already present, unchanged)
cli-import-more = ... and { $count } more
cli-import-wrong = { $count } lines of '{ $path }' are wrong; nothing was imported
cli-backup-done = backup of { $count } cases ({ $bytes } bytes) written to '{ $path }' and verified by a restore
cli-restored = restored { $cases } cases and { $users } users from '{ $file }' into '{ $db }'
cli-restore-unfinished = an earlier restore of '{ $file }' into '{ $db }' did not finish; run 'merzim --db { $db } restore { $file }' again to finish it
cli-demo-done = { $count } demo cases as of { $today } in '{ $path }' ({ $seconds } s); you ('{ $login }', uid { $uid }) are a supervisor; officers: { $officers }

## Calendar

cli-explain-working-days =
    { $from } + { $n } { $n ->
        [one] working day
       *[other] working days
    } = { $result }  ({ $from } is not counted)
cli-explain-calendar-days =
    { $from } + { $n } { $n ->
        [one] calendar day
       *[other] calendar days
    } = { $result }  ({ $from } is not counted)
cli-note-working-day = working day
cli-weekend = weekend
cli-note-estimated = , estimated date
cli-note-calendar-end = term ends on a day off: moved to the next working day
cli-entry-public-holiday = public holiday
cli-entry-moved-day-off = day off moved from a weekend holiday
cli-entry-religious-day-off = religious day off
cli-entry-transferred-day-off = day off by transfer
cli-entry-transferred-working-day = working day by transfer
cli-ordinary-working-day = ordinary working day
cli-state-working = working
cli-state-day-off = day-off
cli-provisional-mark = (provisional: { $why })
cli-provisional-line = provisional: { $why }
cli-uncertain-not-covered = the calendar has no data for { $year }: only weekends were skipped
cli-uncertain-provisional = the calendar of { $year } is not final
cli-uncertain-estimated = { $name } on { $date } is an estimated date
cli-year-final = { $year } final
cli-year-provisional = { $year } provisional
cli-year-estimated = , { $count } estimated date(s)
cli-warning = warning: { $text }
cli-coverage-no-this-year = the calendar has no data for this year ({ $year }): deadlines skip weekends only and are provisional
cli-coverage-no-next-year = the calendar has no data for { $year }: deadlines running into it are provisional; add next year's calendar

## Due dates

cli-due-head = { $kind } registered { $registered }, term { $term } ({ $basis })
cli-term-none = none
cli-due-extended = due { $due } (originally { $original }, extended by { $days } working days)
cli-due-date = due { $due }
cli-due-none = due: no term applies ({ $basis })
cli-due-word = due
cli-no-date = no date
cli-obligation-open = open
cli-obligation-done = done on { $date }
cli-obligation-late =
    , { NUMBER($n) ->
        [one] { $n } working day late
       *[other] { $n } working days late
    }
cli-obligation-missed-answered = MISSED: the answer went out on { $date } without it
cli-obligation-missed-closed = MISSED: the case was closed on { $date } without it
cli-obligation-wrong-form = , not in the required form
cli-obligation-overdue = OVERDUE since { $date }
cli-as-of = (as of { $date })
cli-no-service = there is no service '{ $code }' in the register '{ $register }'
cli-service-not-offered = service '{ $code }' is not offered through '{ $channel }'; it is offered through: { $offered }
cli-give-service-or-term = give --service CODE or --term, e.g. --term 10wd
