# A save the service refused (src/app/unsaved.rs, src/ui/unsaved.rs): by law, or because the
# case changed while the form was open.
save-refused = Cannot be saved: { $why }
save-refused-article = Cannot be saved ({ $article }): { $why }
conflict-fetching = The case was changed while this form was open (now version { $current }, the form was opened on version { $expected }); fetching what changed…
conflict-title = The case was changed while this form was open (version { $expected } → { $current }):
conflict-more = … and { $n } earlier { $n ->
        [one] change
       *[other] changes
    }
conflict-keep = Your text is kept. { $save } saves it on version { $current }, { $back } cancels.
conflict-registered = { $who } registered it at { $when }
conflict-assigned = { $who } gave it to '{ $to }' at { $when }
conflict-unassigned = { $who } left it unassigned at { $when }
conflict-extended = { $who } extended it by { NUMBER($days) ->
        [one] { $days } working day
       *[other] { $days } working days
    } at { $when }
conflict-notice-sent = { $who } recorded a notice sent on { $sent } ({ $kind }) at { $when }
conflict-answer-sent = { $who } recorded the answer sent on { $sent } at { $when }
conflict-note-added = { $who } added a note at { $when }: '{ $text }'
conflict-decided = { $who } decided it ({ $outcome }) at { $when }
conflict-closed = { $who } closed it at { $when }
conflict-reopened = { $who } reopened it at { $when }: '{ $reason }'
conflict-due-set = { $who } set the due date to { $due } at { $when }
conflict-refused-at-intake = { $who } refused it at intake at { $when }
conflict-linked = { $who } linked it to { $number } at { $when }
