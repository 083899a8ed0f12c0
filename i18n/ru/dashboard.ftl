# Панель руководителя и проверка календаря (задача 10, пункты 1, 5 и 6).

mode-dashboard = Панель
action-dashboard = Открыть панель: дела по исполнителям и группам
    .hint = панель
action-move-left = Сдвинуть курсор панели на столбец влево
    .hint = влево
action-move-right = Сдвинуть курсор панели на столбец вправо
    .hint = столбец
command-help-dashboard = открыть панель руководителя

dashboard-title = Панель
dashboard-loading = Подсчёт дел…
dashboard-officer = Исполнитель
dashboard-unassigned = (не назначены)
dashboard-total = Итого
dashboard-chart = Сроки по рабочим дням, две недели: { $who }
dashboard-calendar-warning = Календарь: { $text }

dashboard-bucket-open = Открыто
    .short = Откр
dashboard-bucket-overdue = Просрочено
    .short = Проср
dashboard-bucket-due-today = Срок сегодня
    .short = Сегод
dashboard-bucket-due-soon = Срок за 1 РД
    .short = 1 РД
dashboard-bucket-due-within = Срок за { $n } РД
    .short = { $n } РД
dashboard-bucket-extended = Продлено
    .short = Прод
dashboard-bucket-notices = Долг уведомл.
    .short = Увед
dashboard-bucket-answered-week = Отвечено (нед.)
    .short = Нед
dashboard-bucket-answered-month = Отвечено (мес.)
    .short = Мес
dashboard-bucket-answered-late = Ответ с опозд.
    .short = Позд

queue-of-officer = { $queue } · { $who }

calendar-gap-not-covered = нет данных за { $year } год, а ближайшие { $days } рабочих дней (до { $until }) его затрагивают: добавьте календарь этого года и постановление о переносе
calendar-gap-provisional = календарь { $year } года предварительный в пределах ближайших { $days } рабочих дней (до { $until }): добавьте опубликованное постановление о переносе
calendar-gap-estimated = { $name } { $date } — лишь предполагаемая дата в пределах ближайших { $days } рабочих дней (до { $until }): уточните её после объявления
calendar-covered-until = календарь охватывает период до { $date } (ближайшие { $days } рабочих дней заканчиваются { $until })
calendar-check-failed = календарь не охватывает ближайшие { $days } рабочих дней: { $count ->
        [one] { $count } проблема
        [few] { $count } проблемы
       *[other] { $count } проблем
    } (перечислены выше)

config-bad-due-within = { $path }, строка { $line }: due_within = '{ $value }'; укажите целое число рабочих дней от 1 до { $max }
