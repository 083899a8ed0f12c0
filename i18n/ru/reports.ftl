## Отчёты и сводки (issue 10): `merzim report`, `merzim digest`

report-forbidden = '{ $login }' ({ $role }) не может составлять отчёты: отчёт охватывает дела всех сотрудников, поэтому он для руководителей и проверяющих
report-from-after-to = период начинается { $from }, позже своего конца { $to }; укажите --from не позже --to
report-from-after-today = период начинается { $from }, позже сегодняшнего дня ({ $today }): дел за него ещё не зарегистрировано
report-as-of-before-from = --as-of { $as_of } раньше начала периода ({ $from }): ни одного дела периода тогда ещё не было
report-as-of-after-today = --as-of { $as_of } позже сегодняшнего дня ({ $today }): что будет открыто тогда, ещё неизвестно
report-csv-one-table = CSV вмещает одну таблицу: укажите один --by или используйте --format xlsx (лист на каждую группировку)
report-xlsx-needs-out = книга Excel не выводится в терминал: укажите --out ФАЙЛ.xlsx
report-xlsx-failed = не удалось составить книгу Excel: { $error }
report-extension-clash = расширение '{ $path }' указывает на другой формат, чем --format; приведите его в соответствие (.csv, .xlsx)
report-written = отчёт записан в '{ $path }'
report-heading = Дела, зарегистрированные с { $from } по { $to }; открытые и просроченные на { $as_of }
report-total = итого
report-group-unassigned = (не назначены)
report-group-no-service = (без кода услуги)
report-group-complaints = (жалобы)
report-by-officer = По сотрудникам
report-by-addressee = По адресатам
report-by-service = По услугам
report-by-month = По месяцам
report-sheet-about = Об отчёте
report-about-from = Зарегистрированы с
report-about-to = Зарегистрированы по
report-about-as-of = Открытые и просроченные на
report-calendar-corrected = рассчитано по календарю с исправлением от { $corrected_on }: запись на { $date } изменена после { $as_of }
report-problem = дело '{ $number }' учтено как открытое и просроченное: { $reason }

report-column-group = Группа
report-column-name = ФИО сотрудника
report-column-received = Поступило
report-column-answered_on_time = Отвечено в срок
report-column-answered_late = Отвечено с нарушением срока
report-column-open = На рассмотрении
report-column-open_overdue = Из них просрочено
report-column-extended = Срок продлён
report-column-extension_notices_late = Уведомления о продлении направлены с опозданием
report-column-extension_notices_missed = Уведомления о продлении не направлены
report-column-extension_notices_overdue = Уведомления о продлении просрочены
report-column-extended_verification = Продлено: дополнительное изучение или проверка
report-column-extended_information = Продлено: получение дополнительной информации
report-column-refused = Отказано в услуге
report-column-refused_19_1_2_1 = Отказ по подпункту 1) пункта 2 статьи 19-1
report-column-refused_19_1_2_2 = Отказ по подпункту 2) пункта 2 статьи 19-1
report-column-refused_19_1_2_3 = Отказ по подпункту 3) пункта 2 статьи 19-1
report-column-refused_19_1_2_4 = Отказ по подпункту 4) пункта 2 статьи 19-1
report-column-refused_19_1_2_5 = Отказ по подпункту 5) пункта 2 статьи 19-1
report-column-refused_19_1_2_6 = Отказ по подпункту 6) пункта 2 статьи 19-1
report-column-refused_other = Отказ по иным основаниям
report-column-refused_at_intake = Отказ в приёме документов
report-column-closed_unanswered = Закрыто без ответа
report-column-days_to_answer_average = Средний срок ответа, рабочих дней
report-column-days_to_answer_p90 = Срок ответа, 90-й процентиль, рабочих дней

report-head-group = Группа
report-head-received = Поступило
report-head-answered_on_time = В срок
report-head-answered_late = С опозд.
report-head-open = Открыто
report-head-open_overdue = Просроч.
report-head-extended = Продлено
report-head-extension_notices_late = Увед. с опозд.
report-head-extension_notices_missed = Увед. не напр.
report-head-extension_notices_overdue = Увед. просроч.
report-head-extended_verification = Продл.: проверка
report-head-extended_information = Продл.: информация
report-head-refused = Отказ
report-head-refused_19_1_2_1 = 19-1.2.1
report-head-refused_19_1_2_2 = 19-1.2.2
report-head-refused_19_1_2_3 = 19-1.2.3
report-head-refused_19_1_2_4 = 19-1.2.4
report-head-refused_19_1_2_5 = 19-1.2.5
report-head-refused_19_1_2_6 = 19-1.2.6
report-head-refused_other = Иное основание
report-head-refused_at_intake = Отказ в приёме
report-head-closed_unanswered = Закрыто без ответа
report-head-days_to_answer_average = Ср. раб. дн.
report-head-days_to_answer_p90 = P90 раб. дн.

digest-forbidden = '{ $login }' не может читать сводку '{ $officer }': сотрудник читает свою, руководители и проверяющие — любую
digest-within-too-far = --within { $within } — слишком далеко: не более { $max } рабочих дней; остальное показывает очередь
digest-unknown-officer = пользователя с логином '{ $officer }' нет; список: 'merzim users list'
digest-heading = Сроки: { $name } ({ $officer }) на { $today }
digest-nothing = Просроченного нет, ничего не истекает в пределах { $within } рабочих дней, уведомлений о продлении не требуется.
digest-overdue = Просрочено ({ $count }):
digest-due-today = Истекает сегодня ({ $count }):
digest-due-soon = Истекает в пределах { $within } рабочих дней ({ $count }):
digest-notices-owed = Требуются уведомления о продлении ({ $count }):
digest-line = { $number }  { $what }, срок { $date }, { $left } ({ $basis })
digest-about-extension = { $what } от { $date }
digest-about-follow-up = { $what }: { $task }
digest-today = истекает сегодня
digest-left =
    { NUMBER($days) ->
        [one] остался { $days } рабочий день
        [few] осталось { $days } рабочих дня
       *[many] осталось { $days } рабочих дней
    }
digest-late =
    { NUMBER($days) ->
        [one] просрочено на { $days } рабочий день
        [few] просрочено на { $days } рабочих дня
       *[many] просрочено на { $days } рабочих дней
    }
