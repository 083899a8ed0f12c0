## Отметки и массовые действия (задача 10): отметить дела в очереди, затем передать их сотруднику или взять себе.

action-toggle-mark = Отметить дело для массового действия или снять отметку
    .hint = отметить
action-mark-down = Отметить дело и перейти вниз (диапазон отмечается проходом по нему)
    .hint = отм. вниз
action-mark-up = Отметить дело и перейти вверх
    .hint = отм. вверх
action-mark-all = Отметить все показанные дела (очередь с фильтром)
    .hint = отм. все
action-clear-marks = Снять все отметки
    .hint = снять
action-bulk-assign = Передать отмеченные дела сотруднику (руководитель)
    .hint = передать отм.
action-bulk-take = Взять отмеченные дела себе
    .hint = взять отм.

bulk-header-marked = отмечено: { $n }
bulk-marked =
    { NUMBER($n) ->
        [one] Отмечено { $n } дело.
        [few] Отмечено { $n } дела.
       *[other] Отмечено { $n } дел.
    }
bulk-cleared = Отметки сняты.
bulk-none-marked = Нет отмеченных дел: сначала отметьте дела (пробел отмечает одно, * — все показанные).
bulk-all-theirs = Все отмеченные дела уже у '{ $login }': делать нечего.
bulk-no-officers = Некому передать дела: руководитель добавляет пользователей командой 'merzim users add'.
bulk-not-bulk = '{ $what }' нельзя выполнить сразу для многих дел; массово можно только передавать (и брать) дела.
bulk-too-many = Массовое действие охватывает не больше { $max } дел, а отмечено { $given }. Отметьте меньше дел.
bulk-loading-users = Загружается список сотрудников…
bulk-pick-title =
    { NUMBER($count) ->
        [one] Передать { $count } отмеченное дело:
        [few] Передать { $count } отмеченных дела:
       *[other] Передать { $count } отмеченных дел:
    }
bulk-pick-keys = [{ $choose } выбрать, { $cancel } отмена]
bulk-confirm-assign =
    { NUMBER($count) ->
        [one] Передать { $count } дело сотруднику '{ $login }'?
        [few] Передать { $count } дела сотруднику '{ $login }'?
       *[other] Передать { $count } дел сотруднику '{ $login }'?
    }
bulk-confirm-take =
    { NUMBER($count) ->
        [one] Взять себе { $count } дело?
        [few] Взять себе { $count } дела?
       *[other] Взять себе { $count } дел?
    }
bulk-confirm-already = (Уже у '{ $login }', пропускается: { $n }.)
bulk-running =
    { NUMBER($count) ->
        [one] { $count } дело передаётся сотруднику '{ $login }'…
        [few] { $count } дела передаются сотруднику '{ $login }'…
       *[other] { $count } дел передаются сотруднику '{ $login }'…
    }
bulk-assigned =
    { NUMBER($count) ->
        [one] { $count } дело передано сотруднику '{ $login }'.
        [few] { $count } дела переданы сотруднику '{ $login }'.
       *[other] { $count } дел передано сотруднику '{ $login }'.
    }
bulk-taken =
    { NUMBER($count) ->
        [one] Вы взяли { $count } дело.
        [few] Вы взяли { $count } дела.
       *[other] Вы взяли { $count } дел.
    }
bulk-report-title = Передано сотруднику '{ $login }': { $done } из { $total }. Не изменено: { $failed } (отметка сохранена):
bulk-report-keys = [{ $close } закрыть, { $move } прокрутка]
