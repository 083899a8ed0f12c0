## Reports and digests (issue 10): `merzim report`, `merzim digest`

report-forbidden = '{ $login }' ({ $role }) may not make reports: a report covers every officer's cases, so it is for supervisors and auditors
report-from-after-to = the period starts on { $from }, after it ends on { $to }; give --from on or before --to
report-from-after-today = the period starts on { $from }, after today ({ $today }): no case of it is registered yet
report-as-of-before-from = --as-of { $as_of } is before the period starts ({ $from }): no case of the period existed yet
report-as-of-after-today = --as-of { $as_of } is after today ({ $today }): what will be open then is not known yet
report-csv-one-table = a CSV holds one table: give one --by, or use --format xlsx for a sheet per grouping
report-xlsx-needs-out = a workbook is not for the terminal: give --out FILE.xlsx
report-xlsx-failed = the workbook could not be made: { $error }
report-extension-clash = '{ $path }' names another format than --format; make the extension match (.csv, .xlsx)
report-written = report written to '{ $path }'
report-heading = Cases registered { $from } to { $to }; open and overdue as of { $as_of }
report-total = total
report-group-unassigned = (unassigned)
report-group-no-service = (no service code)
report-group-complaints = (complaints)
report-by-officer = By officer
report-by-addressee = By addressee
report-by-service = By service
report-by-month = By month
report-sheet-about = About
report-about-from = Registered from
report-about-to = Registered to
report-about-as-of = Open and overdue as of
report-calendar-corrected = computed with the calendar as corrected on { $corrected_on }: the entry for { $date } was changed after { $as_of }
report-problem = case '{ $number }' is counted as open and overdue: { $reason }

# Column names: the English ones are the CSV's and the workbook's header, a contract with
# the inspections' tools; do not change them.
report-column-group = group
report-column-name = name
report-column-received = received
report-column-answered_on_time = answered_on_time
report-column-answered_late = answered_late
report-column-open = open
report-column-open_overdue = open_overdue
report-column-extended = extended
report-column-extension_notices_late = extension_notices_late
report-column-extension_notices_missed = extension_notices_missed
report-column-extension_notices_overdue = extension_notices_overdue
report-column-extended_verification = extended_verification
report-column-extended_information = extended_information
report-column-refused = refused
report-column-refused_19_1_2_1 = refused_19_1_2_1
report-column-refused_19_1_2_2 = refused_19_1_2_2
report-column-refused_19_1_2_3 = refused_19_1_2_3
report-column-refused_19_1_2_4 = refused_19_1_2_4
report-column-refused_19_1_2_5 = refused_19_1_2_5
report-column-refused_19_1_2_6 = refused_19_1_2_6
report-column-refused_other = refused_other
report-column-refused_at_intake = refused_at_intake
report-column-closed_unanswered = closed_unanswered
report-column-days_to_answer_average = days_to_answer_average
report-column-days_to_answer_p90 = days_to_answer_p90

# The text table's short headers.
report-head-group = Group
report-head-received = Received
report-head-answered_on_time = On time
report-head-answered_late = Late
report-head-open = Open
report-head-open_overdue = Overdue
report-head-extended = Extended
report-head-extension_notices_late = Notices late
report-head-extension_notices_missed = Notices missed
report-head-extension_notices_overdue = Notices overdue
report-head-extended_verification = Ext. verification
report-head-extended_information = Ext. information
report-head-refused = Refused
report-head-refused_19_1_2_1 = 19-1.2.1
report-head-refused_19_1_2_2 = 19-1.2.2
report-head-refused_19_1_2_3 = 19-1.2.3
report-head-refused_19_1_2_4 = 19-1.2.4
report-head-refused_19_1_2_5 = 19-1.2.5
report-head-refused_19_1_2_6 = 19-1.2.6
report-head-refused_other = Other ground
report-head-refused_at_intake = At intake
report-head-closed_unanswered = Closed unanswered
report-head-days_to_answer_average = Avg WD
report-head-days_to_answer_p90 = P90 WD

digest-forbidden = '{ $login }' may not read the digest of '{ $officer }': an officer reads their own; supervisors and auditors anyone's
digest-within-too-far = --within { $within } is too far ahead: at most { $max } working days; the queue shows the rest
digest-unknown-officer = no user has the login '{ $officer }'; 'merzim users list' shows them
digest-heading = Deadlines of { $name } ({ $officer }) on { $today }
digest-nothing = Nothing is overdue or due within { $within } working days, and no extension notice is owed.
digest-overdue = Overdue ({ $count }):
digest-due-today = Due today ({ $count }):
digest-due-soon = Due within { $within } working days ({ $count }):
digest-notices-owed = Extension notices owed ({ $count }):
digest-line = { $number }  { $what }, due { $date }, { $left } ({ $basis })
digest-about-extension = { $what } of { $date }
digest-about-follow-up = { $what }: { $task }
digest-today = due today
digest-left = { $days ->
    [one] { $days } working day left
   *[other] { $days } working days left
}
digest-late = { $days ->
    [one] { $days } working day late
   *[other] { $days } working days late
}
