# merzim: English catalogue.
# Every message here exists in kk/ and ru/ with the same attributes (tests/i18n.rs checks).
# Arguments: $n, $k numbers; $date an already formatted date; other $names are text.

## Application

app-title = merzim
app-tagline = complaints and applications, deadlines kept

## Modes (screen names, also the headings of the help overlay)

mode-global = Everywhere
mode-queue = Queue
mode-case = Case
mode-help = Help
mode-filter = Filter
mode-command = Command

## Key actions: the description is shown in the help overlay, .hint in the hint bar

action-quit = Quit merzim
    .hint = quit
action-help = Show or hide the list of keys
    .hint = help
action-move-up = Select the previous case
    .hint = up
action-move-down = Select the next case
    .hint = down
action-page-up = One page up
    .hint = page up
action-page-down = One page down
    .hint = page down
action-top = Go to the first case or the top of the text
    .hint = top
action-bottom = Go to the last case or the end of the text
    .hint = bottom
action-open = Open the selected case
    .hint = open
action-back = Go back: close the case or the help, clear the filter
    .hint = back
action-filter = Filter the queue as you type
    .hint = filter
action-command = Type a command
    .hint = command
action-toggle-closed = Show or hide closed cases
    .hint = closed
action-explain = Explain how the due date was counted
    .hint = why this date
action-scroll-up = Scroll the text up
    .hint = up
action-scroll-down = Scroll the text down
    .hint = down
action-next-section = Next section of the case
    .hint = next section
action-prev-section = Previous section of the case
    .hint = previous section
action-switch-language = Switch the language: Kazakh, Russian, English
    .hint = language
action-refresh = Reload the cases and redraw the screen
    .hint = refresh

## Help overlay

help-title = Keys
help-close = { $key } closes this help

## Queue columns: the header, and .long for the help overlay

column-number = No.
    .long = Registration number
column-type = Type
    .long = Complaint or application
    .short = T
column-addressee = Addressee
    .long = Body the case is addressed to
    .short = To
column-registered = Registered
    .long = Registration date
    .short = Reg.
column-due = Due
    .long = Last day of the term
    .short = Due
column-remaining = Left
    .long = Working days left until the next obligation (negative: overdue)
    .short = Left
column-badges = Flags
    .long = Extended, notice owed, provisional date
    .short = Flg
column-assignee = Assignee
    .long = Officer in charge
    .short = Officer
column-subject = Subject
    .long = What the case is about

## Kinds of case

kind-complaint = Complaint
kind-application = Application

## Addressees (Art. 25.2); .short fits the queue column

addressee-central-body = Central state body
    .short = Central body
    .tiny = Central
addressee-local-body = Local executive body (akimat)
    .short = Local body
    .tiny = Local
addressee-service-provider = Service provider
    .short = Provider
    .tiny = Provider
addressee-state-corporation = State Corporation "Government for Citizens"
    .short = State Corp.
    .tiny = GovCorp
addressee-quality-authority = Authorized body for assessment and control of the quality of state services
    .short = Quality body
    .tiny = Quality
addressee-superior-body = Superior body
    .short = Superior body
    .tiny = Superior

## How the complaint was filed (decides the form of the extension notice, Art. 25.4)

medium-paper = On paper
medium-electronic = Electronically

## Channels of a state service (Art. 18)

channel-provider = Directly through the service provider
    .short = Provider
    .tiny = Provider
channel-state-corporation = Through the State Corporation
    .short = State Corp.
    .tiny = GovCorp
channel-portal = Through the e-government portal
    .short = e-gov portal
    .tiny = e-gov
channel-device = Through a subscriber device
    .short = Device
    .tiny = Device
channel-other = Through another information system
    .short = Other system
    .tiny = Other IS

## Grounds for extending the term of a complaint (Art. 25.4)

ground-verification = Additional study or verification, including on site
ground-information = Obtaining additional information

## Form of a notice

form-written = In writing
form-electronic = Electronically

## Obligations

obligation-answer = Consider and answer
    .short = ANS
    .noun = answer
obligation-extension-notice = Notify the complainant of the extension
    .short = NTF
    .noun = extension notice
obligation-result = Inform of the result
    .short = RES
    .noun = result
obligation-result-to-state-corporation = Hand the result over to the State Corporation
    .short = SC
    .noun = result to the State Corporation
obligation-refusal-answer = Send a reasoned refusal
    .short = REF
    .noun = reasoned refusal
obligation-state-open = open
obligation-state-done = done on { $date }
obligation-state-overdue = overdue since { $date }
obligation-due = due { $date }
obligation-basis = basis: { $article }

## Urgency of a case, shown in words as well as in colour

urgency-overdue = overdue
urgency-due-today = due today
urgency-due-soon = due within 1 working day
urgency-ok = on time
urgency-closed = closed

## Badges: the label stays a Latin abbreviation, .ascii is for ASCII-only terminals

badge-extended = EXT
    .description = The term was extended
    .ascii = EXT
badge-notice = NTF
    .description = A notice of the extension is owed to the complainant
    .ascii = NTF
badge-provisional = ≈
    .description = Provisional date: the calendar for that year is not confirmed
    .ascii = ~

## Status of a case

status-registered = Registered
status-in-progress = In progress
status-extended = Extended
status-decided = Decided
status-answered = Answered
status-closed = Closed
status-refused-at-intake = Refused at intake

## Counts in the header

header-cases =
    { NUMBER($n) ->
        [one] { $n } case
       *[other] { $n } cases
    }
header-overdue = { $n } overdue
header-due-today = { $n } due today
header-due-soon = { $n } due within 1 working day
header-extended = { $n } extended
header-notices =
    { NUMBER($n) ->
        [one] { $n } notice owed
       *[other] { $n } notices owed
    }

## Working days

working-days =
    { NUMBER($n) ->
        [one] { $n } working day
       *[other] { $n } working days
    }
remaining-working-days =
    { NUMBER($n) ->
        [one] { $n } working day left
       *[other] { $n } working days left
    }
overdue-working-days =
    { NUMBER($n) ->
        [one] overdue by { $n } working day
       *[other] overdue by { $n } working days
    }

## Why this date: how a due date was counted

why-title = Why this date
why-registered = Registered on { $date }; the term runs from the next day
why-term-working-days =
    Term: { NUMBER($n) ->
        [one] { $n } working day
       *[other] { $n } working days
    } ({ $basis })
why-term-calendar-days =
    Term: { NUMBER($n) ->
        [one] { $n } calendar day
       *[other] { $n } calendar days
    } ({ $basis })
why-counted = { $date }: working day { $k }
why-skipped-weekend = { $date }: skipped, weekend
why-skipped-holiday = { $date }: skipped, holiday: { $name }
why-skipped-transfer = { $date }: skipped, day off by transfer order
why-worked-transfer = { $date }: working day { $k }, worked by transfer order
why-moved = { $date }: calendar day { $k }, not a working day; the term moves to the next working day
why-extended =
    { $date }: extended by { NUMBER($n) ->
        [one] { $n } working day
       *[other] { $n } working days
    } ({ $ground })
why-due = Due date: { $date }
why-provisional = Provisional: the calendar for { $year } is not confirmed

## Filter and command line

prompt-filter = Filter:
prompt-command = Command:
prompt-hint = Enter: apply   Esc: cancel
command-unknown = '{ $command }' is not a command

## Named queues

queue-mine = My cases
queue-unassigned = Unassigned
queue-overdue = Overdue
queue-due-today = Due today
queue-extended = Extended
queue-notices = Notices owed
queue-closed = Closed
queue-all = All cases

## Sections of the case view

section-parties = Parties
section-text = Text
section-obligations = Obligations
section-history = History
section-why = Why this date

## Messages

no-cases = No cases
no-cases-match = No cases match '{ $filter }'
unassigned = unassigned
terminal-too-small = The terminal is too small ({ $width }x{ $height }); merzim needs at least { $min_width }x{ $min_height }

## Languages

language-kk = Kazakh
language-ru = Russian
language-en = English
language-switched = Language: { $name }

## Problems in the user's keymap file ($line is the line in that file)

keymap-warnings-title = Problems in your keymap file { $path } (the shipped keys are used instead):
keymap-warning-syntax = line { $line }: the file is not valid TOML ({ $detail }); the whole file is ignored and the shipped keys stay
keymap-warning-unknown-mode = line { $line }: '[{ $name }]' is not a keymap table; use [global], [queue], [case] or [help]; that table is ignored
keymap-warning-not-a-table = line { $line }: '{ $name }' is outside any table; put it under [global], [queue], [case] or [help]; it is ignored
keymap-warning-bad-key = line { $line }: '{ $key }' is not a key merzim can read; write keys like 'j', 'G', 'ctrl-d', 'f10', 'pagedown'; it is ignored
keymap-warning-chord = line { $line }: '{ $key }' means several keys pressed together, which a terminal cannot report; it is ignored
keymap-warning-unknown-action = line { $line }: '{ $action }' (for '{ $key }') is not an action merzim knows ('noop' removes a key); it is ignored
keymap-warning-not-a-string = line { $line }: the action for '{ $key }' must be a quoted name such as "move-down"; it is ignored
keymap-warning-duplicate = line { $line }: '{ $key }' is the same key as '{ $other }' on line { $other_line }; the later one is used

## Case view, history and explanation (console)

queue-open = Open cases
label-kind = Kind
label-status = Status
label-channel = Channel
label-service = Service
label-term = Term
label-medium = Filed
label-applicant = Applicant
label-applicant-id = IIN/BIN
label-contact = Contact
label-original-due = Original due date
label-extended-by = Extended by
label-basis = Basis
label-linked = Linked case
event-registered = Registered
event-assigned = Assigned
event-extended = Term extended
event-notice-sent = Notice sent
event-answer-sent = Answer sent
event-note-added = Note
event-decided = Decided
event-closed = Closed
event-reopened = Reopened
event-due-set = Due date set
event-refused-at-intake = Refused at intake
event-linked = Linked
notice-extension-notice = Extension notice
notice-answer = Answer
notice-result = Result
notice-result-to-state-corporation = Result handed to the State Corporation
outcome-satisfied = Satisfied
outcome-partly = Partly satisfied
outcome-rejected = Rejected
outcome-rendered = Rendered
outcome-refused = Refused
why-none = No day-by-day count for this term: { $basis }
why-not-covered = The calendar has no data for { $year }: only weekends were skipped
why-estimated = { $name } on { $date } is an estimated date
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
help-type-to-filter = type to filter the list
basis-article = Art. { $number }
basis-service-act = the service's act

## What is due next, and the state after an answer (DESIGN 1.5)

column-next = Next
    .long = What is due next and when (or when the answer went out)
    .short = Next
header-row-of = row { $row } of { $total }
header-who = { $date } { $login } ({ $role })
role-supervisor = supervisor
role-officer = officer
no-cases-at-all = This database has no cases yet. Fill it with demo cases: merzim --db PATH demo; or load cases: merzim --db PATH import FILE. The first person to open a new database becomes its supervisor; officers are added with: merzim --db PATH users add LOGIN --role officer.
queue-answered = Answered
obligation-follow-up = Follow-up of the quality authority
    .short = FUP
    .noun = follow-up
answered-on-time-short = ok
title-next = next: { $what } { $date }, { $left }
answered-on-time = answered on { $date }, on time
answered-late =
    answered on { $date }, { NUMBER($n) ->
        [one] { $n } working day late
       *[other] { $n } working days late
    }
answered-late-day-off = answered on { $date }, late (on a day off after the due date)
obligation-state-done-late =
    done on { $date }, { NUMBER($n) ->
        [one] { $n } working day late
       *[other] { $n } working days late
    }
obligation-state-done-late-day-off = done on { $date }, late (on a day off after the due date)
obligation-state-wrong-form = not in the required form
obligation-state-missed-answered = missed: the answer went out on { $date } without it
obligation-state-missed-closed = missed: the case was closed on { $date } without it
concerns-extension =
    for the extension of { $date } by { NUMBER($n) ->
        [one] { $n } working day
       *[other] { $n } working days
    } ({ $ground })
calendar-days =
    { NUMBER($n) ->
        [one] { $n } calendar day
       *[other] { $n } calendar days
    }
hours =
    { NUMBER($n) ->
        [one] { $n } hour
       *[other] { $n } hours
    }
label-term-hours = Term runs
term-hours-from = from registration at { $at } to { $by }
due-set-by = Due date { $date } set by { $who } on { $when }
label-outgoing-reference = outgoing no. { $reference }
why-term-hours =
    Term: { NUMBER($n) ->
        [one] { $n } hour
       *[other] { $n } hours
    } ({ $basis }): the due date is the first working day on or after { $days } whole days from registration
why-original-due = Original due date: { $date }
why-extension =
    Extension decided on { $date }: { NUMBER($n) ->
        [one] { $n } working day
       *[other] { $n } working days
    } added to { $from } ({ $ground }; { $basis })
why-extended-due = Due date after this extension: { $date }
why-set-by-officer = This law sets no term for a superior body ({ $basis }); the body set the due date itself, so it is not computed and not provisional
why-reason-weekend = weekend
why-reason-transfer = day off by transfer order
why-reason-worked-transfer = worked by transfer order
why-calendar-day = { $date }: calendar day { $k }
why-skipped = { $date }: skipped, { $reason }

## Refusals by law and calendar errors (facts of the domain, in words)

list-or = { $init } or { $last }
refusal-may-not-extend = { $basis }: a complaint to '{ $addressee }' cannot be extended; only { $allowed } may extend
refusal-ground-not-allowed = { $basis }: '{ $ground }' is not a ground for extension; the grounds are { $allowed }
refusal-over-cap = { $basis }: extensions would total { $total } working days, over the cap of { $cap }
refusal-zero-days = { $basis }: an extension must add at least one working day
refusal-after-due = { $basis }: the extension of { $date } comes after the due date { $due }; it must be decided on or before it
refusal-before-registration = the extension of { $date } is before the registration date { $registered }
refusal-term-set-by-law = { $basis }: the term of a complaint to '{ $addressee }' is set by law; a due date cannot be set by hand
refusal-no-edition = no edition of the rules is in force on { $date }: the earliest takes effect on { $earliest }
refusal-calendar = the due date cannot be computed: { $reason }
calendar-out-of-range = the result would be outside the dates this program can represent
calendar-too-long-to-explain = a term of { $days } days is too long to explain day by day (at most { $max })

## Changes the case's state or kind does not allow, and the service's refusals

plain-text = { $text }
field-case-number = case number
field-subject = subject
field-registration-date = the registration date
field-due-date = the due date
field-assignee-login = assignee's login
field-extension-date = the extension date
field-extension-reason = reason for the extension (Art. 25.4 ¶2: the complainant is told the reasons)
field-notice-date = the date the notice was sent
field-answer-date = the date the answer was sent
field-note = note
field-decision-date = the decision date
field-closing-date = the closing date
field-reopening-date = the reopening date
field-reopening-reason = reason for reopening
field-intake-refusal-date = the refusal date
field-intake-refusal-reason = reason for the refusal at intake (Art. 20.2)
field-linked-number = linked case number
doing-assigning = assigning it
doing-extending = extending it
doing-recording-notice = recording a notice
doing-recording-answer = recording the answer
doing-deciding = deciding it
doing-closing = closing it
doing-setting-due = setting its due date
doing-refusing-at-intake = refusing it at intake
status-problem-reopen-first = reopen it before { $doing }
status-problem-no-term-started = no term started (Art. 20.2), so there is nothing to do ({ $doing }); register a new application
status-problem-term-not-running = an extension prolongs a term still running (Art. 25.4)
status-problem-never-extended = it was never extended, so no extension notice is owed (Art. 25.4 ¶2)
status-problem-already-decided = it was decided '{ $outcome }' on { $date }; reopen it to decide again
status-problem-decide-first = decide it before closing it
status-problem-not-closed = only a closed case is reopened
status-problem-being-considered = it is being considered; a refusal at intake comes first (Art. 20.2)
kind-problem-only-complaints-extended = only a complaint's term is extended (Art. 25.4)
kind-problem-handover-only-through-state-corporation = the result goes to the State Corporation only for applications filed through it (Art. 5.2.5)
kind-problem-notice-of-other-kind = '{ $notice }' belongs to the other kind of case
kind-problem-term-from-service-act = an application's term comes from its service's act
kind-problem-only-applications-refused-at-intake = only an application is refused at intake (Art. 20.2)
case-wrong-status = case '{ $number }' is '{ $status }': { $why }
case-wrong-kind = case '{ $number }' is '{ $kind }': { $why }
case-in-future = { $field } '{ $date }' is after today '{ $today }'
case-before-registration = { $field } '{ $date }' is before the registration date '{ $registered }'
case-empty = the { $field } is empty
case-outcome-does-not-fit = '{ $outcome }' does not decide '{ $kind }'; use { $expected }
case-refusal-without-ground = Art. 19-1.1: a refusal names its ground, e.g. 'Art. 19-1.2.1'
case-already-registered = a case is registered once; '{ $number }' is already registered
case-self-link = case '{ $number }' cannot be linked to itself
service-unknown-user = user id '{ $uid }' is not a merzim user; a supervisor adds users (or run 'merzim demo' for a demo database)
service-unknown-login = no user has the login '{ $login }'
service-not-found = no case has the number '{ $number }'
service-conflict = case '{ $number }' was changed meanwhile (now version { $current }, the change was based on version { $expected }); reload it and try again
service-no-number = '{ $what }' needs a case number
service-number-given = a new case gets its number from the register; do not pass one
service-unknown-service = service '{ $code }' is not in the register
