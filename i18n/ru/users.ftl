## Пользователи настоящего ведомства (issue 8, раздел 5): `merzim users ...`, роль аудитора

role-auditor = аудитор
users-error-disabled = '{ $login }' (uid { $uid }) отключён в этой базе; снова включить его может руководитель: 'merzim users enable { $login }' (руководители: { $supervisors })
users-error-disabled-alone = '{ $login }' (uid { $uid }) отключён в этой базе, а руководителя в ней нет: его добавляет владелец базы, и руководитель включает пользователя снова командой 'merzim users enable { $login }'
users-error-not-supervisor = '{ $who }' не может управлять пользователями: это делает только руководитель (руководители: { $supervisors })
users-error-not-supervisor-alone = '{ $who }' не может управлять пользователями: это делает только руководитель, а в этой базе его ещё нет: его добавляет владелец базы
users-error-not-owner = в базе '{ $path }' ещё нет руководителя: первого пользователя добавляет её владелец, '{ $owner }'; выполните команду от имени '{ $owner }' (например, sudo -u { $owner } merzim ...)
users-error-exists = '{ $login }' уже пользователь этой базы ({ $role }); роль меняется командой 'merzim users set-role { $login } РОЛЬ'
users-error-not-a-user = '{ $login }' не пользователь этой базы; руководитель добавляет его командой 'merzim users add { $login } --role officer'
users-error-last-supervisor = '{ $login }' — последний действующий руководитель этой базы: сначала назначьте руководителем другого пользователя, чтобы было кому управлять пользователями
users-error-login-taken = логин '{ $login }' в этой базе принадлежит uid { $uid }
users-error-empty-name = имя пользователя не может быть пустым; укажите --name "..." или не указывайте его, и имя будет взято из учётной записи
users-error-no-account = в системной базе пользователей нет учётной записи '{ $login }'; проверьте написание или сначала создайте учётную запись (useradd)
users-error-no-uid = у uid { $uid } нет записи в системной базе пользователей; создайте для него учётную запись
users-error-lookup = системная база пользователей не читается: { $error }
users-added = '{ $login }' ({ $name }, uid { $uid }) добавлен в базу '{ $path }', роль: { $role }
users-role-set = роль '{ $login }' теперь: { $role }
users-disabled = '{ $login }' отключён: merzim не пускает его, пока руководитель не включит его снова ('merzim users enable { $login }')
users-enabled = '{ $login }' снова включён
users-none = в базе '{ $path }' пока нет пользователей; первого добавляет её владелец: 'merzim --db { $path } users add ЛОГИН --role supervisor'
users-column-login = логин
users-column-name = имя
users-column-uid = uid
users-column-role = роль
users-column-state = состояние
users-state-enabled = действует
users-state-disabled = отключён
