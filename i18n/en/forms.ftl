## Forms: the officer's actions on a case and the registration of a new one.

mode-form = Form
mode-confirm = Question

action-register = Register a new complaint or application
    .hint = new
action-take = Take the case, or give it back if it is yours
    .hint = take
action-assign = Give the case to an officer (supervisors)
    .hint = assign
action-extend = Extend the complaint's term (Art. 25.4)
    .hint = extend
action-record-notice = Record a notice sent (extension notice, result to the State Corporation)
    .hint = notice
action-record-answer = Record the answer or the result given
    .hint = answer
action-decide = Decide the case
    .hint = decide
action-close-case = Close the case
    .hint = close
action-reopen = Reopen a closed case, with a reason
    .hint = reopen
action-add-note = Add a note to the case
    .hint = note
action-set-due = Set the due date where the law sets none (Art. 25.1)
    .hint = due date
action-refuse-at-intake = Refuse an application at intake (Art. 20.2)
    .hint = refuse
action-link-case = Link the case to another one
    .hint = link
action-write-letter = Write a letter (extension notice, answer) to a file
    .hint = letter
action-save = Save the form
    .hint = save
action-next-field = Next field
    .hint = next
action-prev-field = Previous field
    .hint = previous
action-confirm = Yes, do it
    .hint = yes

form-title-register = New case
form-title-assign = Assign
form-title-extend = Extend the term
form-title-notice = Notice sent
form-title-answer = Answer given
form-title-decide = Decision
form-title-close = Close
form-title-reopen = Reopen
form-title-note = Note
form-title-set-due = Due date
form-title-refuse-at-intake = Refusal at intake
form-title-link = Link
form-title-letter = Letter

form-field-case-kind = Kind
form-field-name = Applicant
form-field-party-id = IIN or BIN
form-field-contact = Contact
form-field-medium = Filed
form-field-addressee = Addressee
form-field-service = Service
form-field-channel = Channel
form-field-registered = Registered on
form-field-subject = Subject
form-field-text = Text
form-field-external = External reg. no.
form-field-ground = Ground
form-field-days = Working days
form-field-reason = Reason
form-field-date = Date
form-field-notice-kind = Notice
form-field-notice-form = Form
form-field-reference = Outgoing no.
form-field-outcome = Outcome
form-field-refusal-ground = Refusal ground
form-field-due = Due date
form-field-number = Case number
form-field-relation = Relation
form-field-login = Officer's login
form-field-letter-kind = Letter
form-field-file = File

relation-reapplication = re-application after a refusal
relation-same-application = the same application (several services)
relation-related = related
letter-extension-notice = extension notice
letter-answer = answer

form-error-empty = fill this in
form-error-date = '{ $text }' is not a date; write it as YYYY-MM-DD
form-error-future = { $date } is after today ({ $today }); record what has happened
form-error-days = '{ $text }' is not a number of working days; write a whole number such as 5
form-error-before-registration = { $date } is before the registration date { $registered }
form-error-due-before = the due date { $due } is not after the registration date { $registered }
form-error-letter-format = the file name must end in .txt or .docx
form-error-id-shape = '{ $text }' is not an IIN or BIN: 12 digits are needed
form-error-id-check = '{ $text }' is not an IIN or BIN: the check digit does not match; check the number
form-error-id = '{ $text }' is not a valid IIN or BIN; check the number
form-error-channel = service '{ $code }' is not rendered through { $channel }; choose another channel
form-error-service-none = no service in the register matches '{ $text }'; type its code or part of its name
form-error-service-several = { $count } services match: { $codes }; type more of the name or the code

form-note-refusal-grounds = the service's act lists: { $grounds }
form-note-non-working = not a working day
form-note-iin = a valid IIN (an individual)
form-note-bin = a valid BIN (a legal entity)
form-note-registered-day-off = a non-working day: an appeal received that day is registered on { $next }
form-note-service = { $code }: { $name }

form-warning-form = Filed: { $medium }. The law asks for the notice '{ $want }'; this one is '{ $form }', and it will be recorded so.

form-preview-new-due = New due date: { $new } (now { $old })
form-preview-cap = Extended { $used } of { $cap } working days; { $left } left ({ $basis })
form-preview-notice = Extension notice owed by { $due }, form: { $form } ({ $basis })
form-preview-due = Due date: { $due } ({ $basis })
form-preview-no-term = No statutory term ({ $basis }): the superior body sets the due date
form-preview-owed = { $kind }: owed by { $due } ({ $basis })
form-preview-on-time = Sent on that date it is on time.
form-preview-late = Sent on that date it is late by { $days ->
    [one] { $days } working day
   *[other] { $days } working days
}; it is recorded, and stays marked late.
form-preview-obligation = { $kind }: by { $due } ({ $basis })

form-confirm-close = Close { $number } on { $date }? It leaves the open queue; reopening needs a reason.
form-confirm-decide = Decide { $number } as '{ $outcome }'? A decision cannot be changed.
form-confirm-refuse-at-intake = Refuse { $number } at intake? No term starts, and the refusal is recorded for good.
form-confirm-warning = { $warning } Save anyway?

form-refused = Cannot be saved:
form-ask-discard = Throw away what you typed?
form-ask-keys = [{ $yes } yes, { $no } no]
form-saving = Saving…

form-auditor = An auditor reads every case and changes none
form-not-complaint = Only a complaint's term is extended (Art. 25.4)
form-closed = The case is closed; reopen it first
form-no-extension = No extension was recorded: no extension notice is owed
form-no-handover = Not rendered through the State Corporation: nothing is handed over (Art. 5.2.5)
form-decided = The case is already decided
form-not-closed = The case is not closed
form-term-by-law = The law sets this case's term; only a superior body's due date is set by hand (Art. 25.1)
form-not-application = Only an application is refused at intake (Art. 20.2)
form-taken = The case is '{ $login }''s; an officer takes only unassigned cases
form-supervisor-only = Only a supervisor gives a case to someone else; take it yourself instead

form-done = { $what }: saved, case { $number }, version { $version }
form-registered = Registered as { $number }
form-registered-external = Registered as { $number }; external number { $external } is in its first note
form-letter-written = Letter written to '{ $path }'
form-letter-write-failed = Cannot write '{ $path }': { $error }; choose another file name
