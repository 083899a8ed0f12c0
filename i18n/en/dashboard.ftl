# The supervisor's dashboard and the calendar check (issue 10, items 1, 5 and 6).

mode-dashboard = Dashboard
action-dashboard = Open the dashboard: cases per officer and bucket
    .hint = dashboard
action-move-left = Move the dashboard's cursor one column left
    .hint = left
action-move-right = Move the dashboard's cursor one column right
    .hint = column
command-help-dashboard = open the dashboard

dashboard-title = Dashboard
dashboard-loading = Counting the cases…
dashboard-officer = Officer
dashboard-unassigned = (unassigned)
dashboard-total = Total
dashboard-chart = Due per working day, next two weeks: { $who }
dashboard-calendar-warning = Calendar: { $text }

dashboard-bucket-open = Open
    .short = Open
dashboard-bucket-overdue = Overdue
    .short = Ovd
dashboard-bucket-due-today = Due today
    .short = Today
dashboard-bucket-due-soon = Due in 1 WD
    .short = 1 WD
dashboard-bucket-due-within = Due in { $n } WD
    .short = { $n } WD
dashboard-bucket-extended = Extended
    .short = Ext
dashboard-bucket-notices = Notices owed
    .short = Ntc
dashboard-bucket-answered-week = Answered (week)
    .short = Week
dashboard-bucket-answered-month = Answered (month)
    .short = Month
dashboard-bucket-answered-late = Answered late
    .short = Late

queue-of-officer = { $queue } · { $who }

calendar-gap-not-covered = no data for { $year }, which the next { $days } working days reach (until { $until }): add that year's calendar and transfer order
calendar-gap-provisional = the calendar of { $year } is provisional within the next { $days } working days (until { $until }): add the published transfer order
calendar-gap-estimated = { $name } on { $date } is only an estimated date, within the next { $days } working days (until { $until }): confirm it when it is announced
calendar-covered-until = covered until { $date } (the next { $days } working days end on { $until })
calendar-check-failed = the calendar does not cover the next { $days } working days: { $count ->
        [one] one problem
       *[other] { $count } problems
    } (listed above)

config-bad-due-within = { $path }, line { $line }: due_within is '{ $value }'; give a whole number of working days from 1 to { $max }
