## Users of a real office (issue 8, section 5): `merzim users ...`, the auditor role

role-auditor = auditor
users-error-disabled = '{ $login }' (uid { $uid }) is disabled in this database; a supervisor enables them again with 'merzim users enable { $login }' (supervisors: { $supervisors })
users-error-disabled-alone = '{ $login }' (uid { $uid }) is disabled in this database, which has no supervisor: the account that owns the database adds one, who enables them again with 'merzim users enable { $login }'
users-error-not-supervisor = '{ $who }' may not manage users: only a supervisor does (supervisors: { $supervisors })
users-error-not-supervisor-alone = '{ $who }' may not manage users: only a supervisor does, and this database has none yet: the account that owns it adds one
users-error-not-owner = the database '{ $path }' has no supervisor yet: its first user is added by the account that owns it, '{ $owner }'; run the command as '{ $owner }' (e.g. sudo -u { $owner } merzim ...)
users-error-exists = '{ $login }' is already a user of this database ({ $role }); change the role with 'merzim users set-role { $login } ROLE'
users-error-not-a-user = '{ $login }' is not a user of this database; a supervisor adds them with 'merzim users add { $login } --role officer'
users-error-last-supervisor = '{ $login }' is the last enabled supervisor of this database: make another user a supervisor first, so that someone can still manage users
users-error-login-taken = the login '{ $login }' belongs to uid { $uid } in this database
users-error-empty-name = a user's name cannot be empty; give --name "..." or leave it out to take the name from the account
users-error-no-account = there is no account '{ $login }' in this system's user database; check the spelling, or create the account first (useradd)
users-error-no-uid = uid { $uid } has no entry in this system's user database; create an account for it
users-error-lookup = the system's user database cannot be read: { $error }
users-added = added '{ $login }' ({ $name }, uid { $uid }) to '{ $path }', role: { $role }
users-role-set = the role of '{ $login }' is now: { $role }
users-disabled = '{ $login }' is disabled: merzim refuses them until a supervisor enables them again ('merzim users enable { $login }')
users-enabled = '{ $login }' is enabled again
users-none = the database '{ $path }' has no users yet; the account that owns it adds the first: 'merzim --db { $path } users add LOGIN --role supervisor'
users-column-login = login
users-column-name = name
users-column-uid = uid
users-column-role = role
users-column-state = state
users-state-enabled = active
users-state-disabled = disabled
