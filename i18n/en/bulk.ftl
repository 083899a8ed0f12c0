## Marks and bulk actions (issue 10): mark cases in the queue, then give them to an officer or take them.

action-toggle-mark = Mark the case for a bulk action, or unmark it
    .hint = mark
action-mark-down = Mark the case and move down (mark a range by moving over it)
    .hint = mark down
action-mark-up = Mark the case and move up
    .hint = mark up
action-mark-all = Mark every case shown (the queue as filtered)
    .hint = mark all
action-clear-marks = Unmark every case
    .hint = unmark
action-bulk-assign = Give the marked cases to an officer (supervisors)
    .hint = give marked
action-bulk-take = Take the marked cases
    .hint = take marked

bulk-header-marked = { $n } marked
bulk-marked =
    { NUMBER($n) ->
        [one] { $n } case marked.
       *[other] { $n } cases marked.
    }
bulk-cleared = No case is marked now.
bulk-none-marked = No case is marked: mark cases first (Space marks one, * marks all shown).
bulk-all-theirs = Every marked case is assigned to '{ $login }' already: nothing to do.
bulk-no-officers = There is no officer to give the cases to: a supervisor adds users with 'merzim users add'.
bulk-not-bulk = '{ $what }' cannot be done on many cases at once; only assigning (and taking) can.
bulk-too-many = A bulk change may name at most { $max } cases; { $given } are marked. Mark fewer cases.
bulk-loading-users = Loading the officers…
bulk-pick-title =
    { NUMBER($count) ->
        [one] Give { $count } marked case to:
       *[other] Give { $count } marked cases to:
    }
bulk-pick-keys = [{ $choose } choose, { $cancel } cancel]
bulk-confirm-assign =
    { NUMBER($count) ->
        [one] Reassign { $count } case to '{ $login }'?
       *[other] Reassign { $count } cases to '{ $login }'?
    }
bulk-confirm-take =
    { NUMBER($count) ->
        [one] Take { $count } case?
       *[other] Take { $count } cases?
    }
bulk-confirm-already =
    { NUMBER($n) ->
        [one] ({ $n } marked case already belongs to '{ $login }' and is left out.)
       *[other] ({ $n } marked cases already belong to '{ $login }' and are left out.)
    }
bulk-running =
    { NUMBER($count) ->
        [one] Giving { $count } case to '{ $login }'…
       *[other] Giving { $count } cases to '{ $login }'…
    }
bulk-assigned =
    { NUMBER($count) ->
        [one] { $count } case reassigned to '{ $login }'.
       *[other] { $count } cases reassigned to '{ $login }'.
    }
bulk-taken =
    { NUMBER($count) ->
        [one] { $count } case taken.
       *[other] { $count } cases taken.
    }
bulk-report-title = Given to '{ $login }': { $done } of { $total }. Not changed: { $failed } (still marked):
bulk-report-keys = [{ $close } close, { $move } scroll]
