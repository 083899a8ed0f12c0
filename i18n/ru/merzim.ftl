# merzim: русский каталог.
# Каждое сообщение есть также в kk/ и en/ с теми же атрибутами (проверяет tests/i18n.rs).
# Аргументы: $n, $k — числа; $date — уже отформатированная дата; остальные — текст.

## Приложение

app-title = merzim
app-tagline = жалобы и заявления: сроки под контролем

## Режимы (названия экранов, они же заголовки справки)

mode-global = Везде
mode-queue = Очередь
mode-case = Дело
mode-help = Справка
mode-filter = Фильтр
mode-command = Команда

## Действия клавиш: описание — в справке, .hint — в строке подсказок

action-quit = Выйти из merzim
    .hint = выход
action-help = Показать или скрыть список клавиш
    .hint = справка
action-move-up = Выбрать предыдущее дело
    .hint = вверх
action-move-down = Выбрать следующее дело
    .hint = вниз
action-page-up = На страницу вверх
    .hint = стр. вверх
action-page-down = На страницу вниз
    .hint = стр. вниз
action-top = К первому делу или к началу текста
    .hint = в начало
action-bottom = К последнему делу или к концу текста
    .hint = в конец
action-open = Открыть выбранное дело
    .hint = открыть
action-back = Назад: закрыть дело или справку, сбросить фильтр
    .hint = назад
action-filter = Фильтровать очередь по мере ввода
    .hint = фильтр
action-command = Ввести команду
    .hint = команда
action-toggle-closed = Показать или скрыть закрытые дела
    .hint = закрытые
action-explain = Объяснить, как исчислен срок
    .hint = почему эта дата
action-scroll-up = Прокрутить текст вверх
    .hint = вверх
action-scroll-down = Прокрутить текст вниз
    .hint = вниз
action-next-section = Следующий раздел дела
    .hint = след. раздел
action-prev-section = Предыдущий раздел дела
    .hint = пред. раздел
action-switch-language = Сменить язык: казахский, русский, английский
    .hint = язык
action-refresh = Перезагрузить дела и перерисовать экран
    .hint = обновить

## Справка

help-title = Клавиши
help-close = { $key } — закрыть справку

## Столбцы очереди: заголовок и .long для справки

column-number = №
    .long = Регистрационный номер
column-type = Вид
    .long = Жалоба или заявление
    .short = В
column-addressee = Адресат
    .long = Орган, которому адресовано обращение
    .short = Адресат
column-registered = Зарег.
    .long = Дата регистрации
    .short = Рег.
column-due = Срок
    .long = Последний день срока
    .short = Срок
column-remaining = Ост.
    .long = Рабочих дней до следующей обязанности (минус — просрочено)
    .short = Ост.
column-badges = Отметки
    .long = Продлено, нужно уведомление, предварительная дата
    .short = Отм
column-assignee = Исполнитель
    .long = Ответственный сотрудник
    .short = Исполн.
column-subject = Суть
    .long = Краткое содержание обращения

## Виды дел

kind-complaint = Жалоба
kind-application = Заявление

## Адресаты (п. 2 ст. 25); .short помещается в столбец очереди

addressee-central-body = Центральный государственный орган
    .short = ЦГО
    .tiny = ЦГО
addressee-local-body = Местный исполнительный орган (акимат)
    .short = МИО
    .tiny = МИО
addressee-service-provider = Услугодатель
    .short = Услугодатель
    .tiny = Услугод.
addressee-state-corporation = Государственная корпорация «Правительство для граждан»
    .short = Госкорпорация
    .tiny = Госкорп.
addressee-quality-authority = Уполномоченный орган по оценке и контролю за качеством оказания государственных услуг
    .short = Уполн. орган
    .tiny = Уполн.
addressee-superior-body = Вышестоящий орган
    .short = Вышестоящий
    .tiny = Вышест.

## Как подана жалоба (определяет форму уведомления о продлении, п. 4 ст. 25)

medium-paper = На бумажном носителе
medium-electronic = В электронном виде

## Способы оказания государственной услуги (ст. 18)

channel-provider = Непосредственно через услугодателя
    .short = Услугодатель
    .tiny = Услугод.
channel-state-corporation = Через Государственную корпорацию
    .short = Госкорпорация
    .tiny = Госкорп.
channel-portal = Через веб-портал «электронного правительства»
    .short = Портал
    .tiny = Портал
channel-device = Через абонентское устройство
    .short = Устройство
    .tiny = Устр-во
channel-other = Через иную информационную систему
    .short = Иная ИС
    .tiny = Иная ИС

## Основания продления срока рассмотрения жалобы (п. 4 ст. 25)

ground-verification = Дополнительное изучение или проверка, в том числе с выездом на место
ground-information = Получение дополнительной информации

## Форма уведомления

form-written = В письменной форме
form-electronic = В электронной форме

## Обязанности

obligation-answer = Рассмотреть и дать ответ
    .short = ОТВ
    .noun = ответ
obligation-extension-notice = Уведомить заявителя о продлении срока
    .short = УВД
    .noun = уведомление о продлении
obligation-result = Сообщить о результате
    .short = РЕЗ
    .noun = результат
obligation-result-to-state-corporation = Передать результат в Государственную корпорацию
    .short = ГК
    .noun = передача результата в Госкорпорацию
obligation-refusal-answer = Направить мотивированный отказ
    .short = ОТК
    .noun = мотивированный отказ
obligation-state-open = не исполнено
obligation-state-done = исполнено { $date }
obligation-state-overdue = просрочено с { $date }
obligation-due = срок { $date }
obligation-basis = основание: { $article }

## Срочность дела — словами, не только цветом

urgency-overdue = просрочено
urgency-due-today = срок сегодня
urgency-due-soon = срок в течение 1 рабочего дня
urgency-ok = в срок
urgency-closed = закрыто

## Отметки: сама отметка — латинское сокращение, .ascii — для терминалов только с ASCII

badge-extended = EXT
    .description = Срок рассмотрения продлён
    .ascii = EXT
badge-notice = NTF
    .description = Заявителю нужно направить уведомление о продлении
    .ascii = NTF
badge-provisional = ≈
    .description = Предварительная дата: календарь на этот год не утверждён
    .ascii = ~

## Статус дела

status-registered = Зарегистрировано
status-in-progress = На рассмотрении
status-extended = Срок продлён
status-decided = Решение принято
status-answered = Ответ направлен
status-closed = Закрыто
status-refused-at-intake = Отказано в приёме

## Счётчики в заголовке

header-cases =
    { NUMBER($n) ->
        [one] { $n } дело
        [few] { $n } дела
       *[many] { $n } дел
    }
header-overdue =
    { NUMBER($n) ->
        [one] { $n } дело просрочено
        [few] { $n } дела просрочено
       *[many] { $n } дел просрочено
    }
header-due-today =
    { NUMBER($n) ->
        [one] { $n } дело со сроком сегодня
        [few] { $n } дела со сроком сегодня
       *[many] { $n } дел со сроком сегодня
    }
header-due-soon =
    { NUMBER($n) ->
        [one] { $n } дело со сроком в течение 1 рабочего дня
        [few] { $n } дела со сроком в течение 1 рабочего дня
       *[many] { $n } дел со сроком в течение 1 рабочего дня
    }
header-extended =
    { NUMBER($n) ->
        [one] { $n } дело с продлённым сроком
        [few] { $n } дела с продлённым сроком
       *[many] { $n } дел с продлённым сроком
    }
header-notices =
    { NUMBER($n) ->
        [one] { $n } уведомление не направлено
        [few] { $n } уведомления не направлено
       *[many] { $n } уведомлений не направлено
    }

## Рабочие дни

working-days =
    { NUMBER($n) ->
        [one] { $n } рабочий день
        [few] { $n } рабочих дня
       *[many] { $n } рабочих дней
    }
remaining-working-days =
    { NUMBER($n) ->
        [one] остался { $n } рабочий день
        [few] осталось { $n } рабочих дня
       *[many] осталось { $n } рабочих дней
    }
overdue-working-days =
    { NUMBER($n) ->
        [one] просрочено на { $n } рабочий день
        [few] просрочено на { $n } рабочих дня
       *[many] просрочено на { $n } рабочих дней
    }

## Почему эта дата: как исчислен срок

why-title = Почему эта дата
why-registered = Зарегистрировано { $date }; срок исчисляется со следующего дня
why-term-working-days =
    Срок: { NUMBER($n) ->
        [one] { $n } рабочий день
        [few] { $n } рабочих дня
       *[many] { $n } рабочих дней
    } ({ $basis })
why-term-calendar-days =
    Срок: { NUMBER($n) ->
        [one] { $n } календарный день
        [few] { $n } календарных дня
       *[many] { $n } календарных дней
    } ({ $basis })
why-counted = { $date }: { $k }-й рабочий день
why-skipped-weekend = { $date }: пропущен, выходной день
why-skipped-holiday = { $date }: пропущен, праздник: { $name }
why-skipped-transfer = { $date }: пропущен, выходной по переносу
why-worked-transfer = { $date }: { $k }-й рабочий день, рабочий по переносу
why-moved = { $date }: { $k }-й календарный день, нерабочий; срок переносится на следующий рабочий день
why-extended =
    { $date }: продлено на { NUMBER($n) ->
        [one] { $n } рабочий день
        [few] { $n } рабочих дня
       *[many] { $n } рабочих дней
    } ({ $ground })
why-due = Последний день срока: { $date }
why-provisional = Предварительно: календарь на { $year } год не утверждён

## Фильтр и командная строка

prompt-filter = Фильтр:
prompt-command = Команда:
prompt-hint = Enter: применить   Esc: отменить
command-unknown = '{ $command }' — неизвестная команда

## Именованные очереди

queue-mine = Мои дела
queue-unassigned = Без исполнителя
queue-overdue = Просроченные
queue-due-today = Срок сегодня
queue-extended = С продлённым сроком
queue-notices = Нужно уведомить
queue-closed = Закрытые
queue-all = Все дела

## Разделы карточки дела

section-parties = Стороны
section-text = Текст
section-obligations = Обязанности
section-history = История
section-why = Почему эта дата

## Сообщения

no-cases = Дел нет
no-cases-match = Нет дел, подходящих под '{ $filter }'
unassigned = не назначен
terminal-too-small = Окно терминала слишком мало ({ $width }x{ $height }); merzim нужно не меньше { $min_width }x{ $min_height }

## Языки

language-kk = Казахский
language-ru = Русский
language-en = Английский
language-switched = Язык: { $name }

## Ошибки в файле клавиш пользователя ($line — строка в этом файле)

keymap-warnings-title = Ошибки в вашем файле клавиш { $path } (вместо них действуют стандартные клавиши):
keymap-warning-syntax = строка { $line }: файл не является правильным TOML ({ $detail }); весь файл пропущен, действуют стандартные клавиши
keymap-warning-unknown-mode = строка { $line }: '[{ $name }]' — не таблица клавиш; используйте [global], [queue], [case] или [help]; таблица пропущена
keymap-warning-not-a-table = строка { $line }: '{ $name }' стоит вне таблицы; поместите под [global], [queue], [case] или [help]; пропущено
keymap-warning-bad-key = строка { $line }: '{ $key }' — клавиша, которую merzim не понимает; пишите клавиши так: 'j', 'G', 'ctrl-d', 'f10', 'pagedown'; пропущено
keymap-warning-chord = строка { $line }: '{ $key }' — одновременное нажатие нескольких клавиш, терминал его не передаёт; пропущено
keymap-warning-unknown-action = строка { $line }: '{ $action }' (для '{ $key }') — неизвестное действие ('noop' отключает клавишу); пропущено
keymap-warning-not-a-string = строка { $line }: действие для '{ $key }' должно быть названием в кавычках, например "move-down"; пропущено
keymap-warning-duplicate = строка { $line }: '{ $key }' — та же клавиша, что '{ $other }' в строке { $other_line }; действует последняя

## Карточка дела, история и расчёт срока (консоль)

queue-open = Открытые дела
label-kind = Вид
label-status = Статус
label-channel = Канал
label-service = Услуга
label-term = Срок
label-medium = Форма подачи
label-applicant = Заявитель
label-applicant-id = ИИН/БИН
label-contact = Контакты
label-original-due = Первоначальный срок
label-extended-by = Продлено на
label-basis = Основание
label-linked = Связанное дело
event-registered = Зарегистрировано
event-assigned = Назначено
event-extended = Срок продлён
event-notice-sent = Уведомление направлено
event-answer-sent = Ответ направлен
event-note-added = Заметка
event-decided = Принято решение
event-closed = Закрыто
event-reopened = Возобновлено
event-due-set = Срок установлен
event-refused-at-intake = Отказано в приёме
event-linked = Связано
notice-extension-notice = Уведомление о продлении
notice-answer = Ответ
notice-result = Результат
notice-result-to-state-corporation = Результат передан в Госкорпорацию
outcome-satisfied = Удовлетворена
outcome-partly = Удовлетворена частично
outcome-rejected = Отказано в удовлетворении
outcome-rendered = Услуга оказана
outcome-refused = Отказано в оказании
why-none = Для этого срока нет подневного расчёта: { $basis }
why-not-covered = В календаре нет данных за { $year } год: пропущены только выходные
why-estimated = { $name } { $date } — предполагаемая дата
weekday-1 = Пн
weekday-2 = Вт
weekday-3 = Ср
weekday-4 = Чт
weekday-5 = Пт
weekday-6 = Сб
weekday-7 = Вс
help-type-to-filter = набор текста фильтрует список
basis-article = ст. { $number }
basis-service-act = акт об услуге

## Что дальше по сроку и состояние после ответа (DESIGN 1.5)

column-next = Далее
    .long = Что следующее по сроку и когда (или когда направлен ответ)
    .short = Далее
header-row-of = строка { $row } из { $total }
header-who = { $date } { $login } ({ $role })
role-supervisor = руководитель
role-officer = исполнитель
no-cases-at-all = В этой базе ещё нет дел. Заполнить её демонстрационными делами: merzim --db ПУТЬ demo; загрузить дела: merzim --db ПУТЬ import ФАЙЛ. Первый, кто открывает новую базу, становится её руководителем; исполнители добавляются так: merzim --db ПУТЬ users add ЛОГИН --role officer.
queue-answered = С ответом
obligation-follow-up = Контрольное мероприятие уполномоченного органа
    .short = КОН
    .noun = контрольное мероприятие
answered-on-time-short = ок
title-next = далее: { $what } { $date }, { $left }
answered-on-time = ответ направлен { $date }, в срок
answered-late =
    ответ направлен { $date }, с опозданием на { NUMBER($n) ->
        [one] { $n } рабочий день
        [few] { $n } рабочих дня
       *[many] { $n } рабочих дней
    }
answered-late-day-off = ответ направлен { $date }, с опозданием (в выходной после срока)
obligation-state-done-late =
    исполнено { $date }, с опозданием на { NUMBER($n) ->
        [one] { $n } рабочий день
        [few] { $n } рабочих дня
       *[many] { $n } рабочих дней
    }
obligation-state-done-late-day-off = исполнено { $date }, с опозданием (в выходной после срока)
obligation-state-wrong-form = не в требуемой форме
obligation-state-missed-answered = упущено: ответ направлен { $date } без этого
obligation-state-missed-closed = упущено: дело закрыто { $date } без этого
concerns-extension =
    о продлении от { $date } на { NUMBER($n) ->
        [one] { $n } рабочий день
        [few] { $n } рабочих дня
       *[many] { $n } рабочих дней
    } ({ $ground })
calendar-days =
    { NUMBER($n) ->
        [one] { $n } календарный день
        [few] { $n } календарных дня
       *[many] { $n } календарных дней
    }
hours =
    { NUMBER($n) ->
        [one] { $n } час
        [few] { $n } часа
       *[many] { $n } часов
    }
label-term-hours = Срок течёт
term-hours-from = с регистрации в { $at } до { $by }
due-set-by = Срок { $date } установил(а) { $who } { $when }
label-outgoing-reference = исх. № { $reference }
why-term-hours =
    Срок: { NUMBER($n) ->
        [one] { $n } час
        [few] { $n } часа
       *[many] { $n } часов
    } ({ $basis }): последний день — первый рабочий день не ранее чем через { $days } полных суток после регистрации
why-original-due = Первоначальный срок: { $date }
why-extension =
    Продление от { $date }: { NUMBER($n) ->
        [one] { $n } рабочий день
        [few] { $n } рабочих дня
       *[many] { $n } рабочих дней
    } к сроку { $from } ({ $ground }; { $basis })
why-extended-due = Срок после этого продления: { $date }
why-set-by-officer = Этот закон не устанавливает срок для вышестоящего органа ({ $basis }); срок установил сам орган, поэтому он не вычисляется и не предварительный
why-reason-weekend = выходной день
why-reason-transfer = выходной по переносу
why-reason-worked-transfer = рабочий по переносу
why-calendar-day = { $date }: { $k }-й календарный день
why-skipped = { $date }: пропущен, { $reason }

## Отказы по закону и ошибки календаря

list-or = { $init } или { $last }
refusal-may-not-extend = { $basis }: срок жалобы в '{ $addressee }' продлить нельзя; продлевать может только { $allowed }
refusal-ground-not-allowed = { $basis }: '{ $ground }' — не основание для продления; основания: { $allowed }
refusal-over-cap = { $basis }: продления составили бы { $total } рабочих дней при пределе { $cap }
refusal-zero-days = { $basis }: продление должно добавлять хотя бы один рабочий день
refusal-after-due = { $basis }: продление от { $date } позже срока { $due }; решение принимается не позднее срока
refusal-before-registration = продление от { $date } раньше даты регистрации { $registered }
refusal-term-set-by-law = { $basis }: срок жалобы в '{ $addressee }' установлен законом; задать его вручную нельзя
refusal-no-edition = на { $date } не действует ни одна редакция правил: самая ранняя действует с { $earliest }
refusal-calendar = срок нельзя вычислить: { $reason }
calendar-out-of-range = результат вне диапазона дат, с которыми работает программа
calendar-too-long-to-explain = срок в { $days } дней слишком длинный для подневного расчёта (не более { $max })

## Изменения, которые не допускает состояние или вид дела, и отказы сервиса

plain-text = { $text }
field-case-number = номер дела
field-subject = суть обращения
field-registration-date = дата регистрации
field-due-date = срок
field-assignee-login = логин исполнителя
field-extension-date = дата продления
field-extension-reason = причина продления (ст. 25.4 ¶2: заявителю сообщаются причины)
field-notice-date = дата отправки уведомления
field-answer-date = дата отправки ответа
field-note = заметка
field-decision-date = дата решения
field-closing-date = дата закрытия
field-reopening-date = дата возобновления
field-reopening-reason = причина возобновления
field-intake-refusal-date = дата отказа
field-intake-refusal-reason = причина отказа в приёме (ст. 20.2)
field-linked-number = номер связанного дела
doing-assigning = назначить исполнителя
doing-extending = продлить срок
doing-recording-notice = записать уведомление
doing-recording-answer = записать ответ
doing-deciding = принять решение
doing-closing = закрыть дело
doing-setting-due = установить срок
doing-refusing-at-intake = отказать в приёме
status-problem-reopen-first = сначала возобновите дело, чтобы { $doing }
status-problem-no-term-started = срок не начинался (ст. 20.2), поэтому нельзя { $doing }; зарегистрируйте новое заявление
status-problem-term-not-running = продлевается только текущий срок (ст. 25.4)
status-problem-never-extended = срок не продлевался, уведомление о продлении не требуется (ст. 25.4 ¶2)
status-problem-already-decided = решение '{ $outcome }' принято { $date }; чтобы принять другое, возобновите дело
status-problem-decide-first = перед закрытием примите решение
status-problem-not-closed = возобновить можно только закрытое дело
status-problem-being-considered = дело уже рассматривается; отказ в приёме возможен только в начале (ст. 20.2)
kind-problem-only-complaints-extended = продлевается только срок жалобы (ст. 25.4)
kind-problem-handover-only-through-state-corporation = результат передаётся в Госкорпорацию только по заявлениям, поданным через неё (ст. 5.2.5)
kind-problem-notice-of-other-kind = '{ $notice }' относится к другому виду дел
kind-problem-term-from-service-act = срок заявления определяется актом об услуге
kind-problem-only-applications-refused-at-intake = отказать в приёме можно только по заявлению (ст. 20.2)
case-wrong-status = дело '{ $number }' в статусе '{ $status }': { $why }
case-wrong-kind = дело '{ $number }' — это '{ $kind }': { $why }
case-in-future = { $field } '{ $date }' позже сегодняшнего дня '{ $today }'
case-before-registration = { $field } '{ $date }' раньше даты регистрации '{ $registered }'
case-empty = не заполнено: { $field }
case-outcome-does-not-fit = '{ $outcome }' не подходит для вида '{ $kind }'; укажите { $expected }
case-refusal-without-ground = ст. 19-1.1: в отказе указывается основание, например 'ст. 19-1.2.1'
case-already-registered = дело регистрируется один раз; '{ $number }' уже зарегистрировано
case-self-link = дело '{ $number }' нельзя связать с самим собой
service-unknown-user = пользователь с uid '{ $uid }' не зарегистрирован в merzim; пользователей добавляет руководитель (или запустите 'merzim demo' для демонстрационной базы)
service-unknown-login = нет пользователя с логином '{ $login }'
service-not-found = нет дела с номером '{ $number }'
service-conflict = дело '{ $number }' тем временем изменено (сейчас версия { $current }, изменение основано на версии { $expected }); обновите его и повторите
service-no-number = для '{ $what }' нужен номер дела
service-number-given = новое дело получает номер из реестра; не указывайте его
service-unknown-service = услуги '{ $code }' нет в реестре
