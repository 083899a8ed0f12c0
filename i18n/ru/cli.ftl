# Командная строка: ошибки и вывод для человека.

## Базы данных

cli-no-database = по пути '{ $path }' нет базы данных; создайте её командой 'merzim --db { $path } demo', 'merzim --db { $path } import ФАЙЛ' или 'merzim --db { $path } restore КОПИЯ'
cli-office-data = { $error }; исправьте файл или уберите его из каталога данных учреждения '{ $dir }'
cli-the-database = базу данных
cli-standard-output = стандартный вывод
cli-disk-full = диск заполнен: не удаётся записать { $target }; освободите место и повторите команду
cli-cannot-write = не удаётся записать { $target }: { $reason }
cli-damaged = повреждённая запись '{ $key }' в '{ $tree }' пропущена: { $reason }
cli-damaged-case = повреждённая запись '{ $key }' в '{ $tree }' (дело '{ $number }') пропущена: { $reason }
cli-export-skipped =
    { NUMBER($count) ->
        [one] { $count } повреждённая запись не попала в выгрузку; её покажет 'merzim check'
        [few] { $count } повреждённые записи не попали в выгрузку; их покажет 'merzim check'
       *[many] { $count } повреждённых записей не попали в выгрузку; их покажет 'merzim check'
    }
cli-backup-skipped =
    { NUMBER($count) ->
        [one] { $count } повреждённая запись не попала в резервную копию; её покажет 'merzim check'
        [few] { $count } повреждённые записи не попали в резервную копию; их покажет 'merzim check'
       *[many] { $count } повреждённых записей не попали в резервную копию; их покажет 'merzim check'
    }
cli-check-ok = база данных '{ $path }' исправна: дел — { $count }, повреждённых записей нет
cli-check-found = в базе данных '{ $path }' повреждённых записей: { $count }, или восстановление не завершено; восстановите её из резервной копии либо выгрузите читаемое и загрузите в новую базу
cli-exported = выгружено дел: { $count }, в '{ $path }'
cli-imported = загружено новых дел: { $added }, из '{ $path }' (уже были и не изменились: { $unchanged })
cli-import-more = ... и ещё { $count }
cli-import-wrong = ошибочных строк в '{ $path }': { $count }; ничего не загружено
cli-backup-done = резервная копия ({ $count } дел, { $bytes } байт) записана в '{ $path }' и проверена восстановлением
cli-restored = восстановлено дел: { $cases }, пользователей: { $users }, из '{ $file }' в '{ $db }'
cli-restore-unfinished = прежнее восстановление '{ $file }' в '{ $db }' не завершилось; чтобы завершить его, снова выполните 'merzim --db { $db } restore { $file }'
cli-demo-done = демонстрационных дел: { $count } на { $today } в '{ $path }' ({ $seconds } с); вы ('{ $login }', uid { $uid }) — руководитель; исполнители: { $officers }

## Календарь

cli-explain-working-days =
    { $from } + { NUMBER($n) ->
        [one] { $n } рабочий день
        [few] { $n } рабочих дня
       *[many] { $n } рабочих дней
    } = { $result }  ({ $from } не считается)
cli-explain-calendar-days =
    { $from } + { NUMBER($n) ->
        [one] { $n } календарный день
        [few] { $n } календарных дня
       *[many] { $n } календарных дней
    } = { $result }  ({ $from } не считается)
cli-note-working-day = рабочий день
cli-weekend = выходной
cli-note-estimated = , дата предварительная
cli-note-calendar-end = срок оканчивается в нерабочий день: переносится на следующий рабочий день
cli-entry-public-holiday = праздник
cli-entry-moved-day-off = выходной, перенесённый с праздника в выходной день
cli-entry-religious-day-off = религиозный праздник
cli-entry-transferred-day-off = выходной по переносу
cli-entry-transferred-working-day = рабочий день по переносу
cli-ordinary-working-day = обычный рабочий день
cli-state-working = рабочий
cli-state-day-off = нерабочий
cli-provisional-mark = (предварительно: { $why })
cli-provisional-line = предварительно: { $why }
cli-uncertain-not-covered = в календаре нет данных за { $year } год: пропущены только выходные
cli-uncertain-provisional = календарь на { $year } год не окончательный
cli-uncertain-estimated = { $name } { $date } — дата предварительная
cli-year-final = { $year } окончательный
cli-year-provisional = { $year } предварительный
cli-year-estimated = , предварительных дат: { $count }
cli-warning = внимание: { $text }
cli-coverage-no-this-year = в календаре нет данных за текущий год ({ $year }): сроки учитывают только выходные и предварительны
cli-coverage-no-next-year = в календаре нет данных за { $year } год: сроки, заходящие в него, предварительны; добавьте календарь следующего года

## Сроки

cli-due-head = { $kind }, зарегистрировано { $registered }, срок { $term } ({ $basis })
cli-term-none = не установлен
cli-due-extended = срок { $due } (первоначально { $original }, продлён на { $days } раб. дн.)
cli-due-date = срок { $due }
cli-due-none = срок: не установлен ({ $basis })
cli-due-word = срок
cli-no-date = без даты
cli-obligation-open = не исполнено
cli-obligation-done = исполнено { $date }
cli-obligation-late =
    , с опозданием на { NUMBER($n) ->
        [one] { $n } рабочий день
        [few] { $n } рабочих дня
       *[many] { $n } рабочих дней
    }
cli-obligation-missed-answered = УПУЩЕНО: ответ направлен { $date } без этого
cli-obligation-missed-closed = УПУЩЕНО: дело закрыто { $date } без этого
cli-obligation-wrong-form = , не в требуемой форме
cli-obligation-overdue = ПРОСРОЧЕНО с { $date }
cli-as-of = (на { $date })
cli-no-service = услуги '{ $code }' нет в реестре '{ $register }'
cli-service-not-offered = услуга '{ $code }' не оказывается через '{ $channel }'; она оказывается через: { $offered }
cli-give-service-or-term = укажите --service КОД или --term, например --term 10wd
