# merzim: қазақша каталог.
# Әр хабарлама ru/ және en/ каталогтарында да сол атрибуттарымен бар (tests/i18n.rs тексереді).
# Аргументтер: $n, $k — сандар; $date — пішімделген күн; қалғандары — мәтін.
# Сан есімнен кейін зат есім жекеше тұрады, сондықтан көпше түрлер қажет емес.

## Бағдарлама

app-title = merzim
app-tagline = шағымдар мен өтініштер: мерзімдер бақылауда

## Режимдер (экран атаулары, анықтамадағы тақырыптар)

mode-global = Барлық жерде
mode-queue = Кезек
mode-case = Іс
mode-help = Анықтама
mode-filter = Сүзгі
mode-command = Пәрмен

## Перне әрекеттері: сипаттамасы анықтамада, .hint — кеңес жолында

action-quit = merzim бағдарламасынан шығу
    .hint = шығу
action-help = Пернелер тізімін көрсету немесе жасыру
    .hint = анықтама
action-move-up = Алдыңғы істі таңдау
    .hint = жоғары
action-move-down = Келесі істі таңдау
    .hint = төмен
action-page-up = Бір бет жоғары
    .hint = бет жоғары
action-page-down = Бір бет төмен
    .hint = бет төмен
action-top = Бірінші іске немесе мәтіннің басына өту
    .hint = басына
action-bottom = Соңғы іске немесе мәтіннің соңына өту
    .hint = соңына
action-open = Таңдалған істі ашу
    .hint = ашу
action-back = Артқа: істі немесе анықтаманы жабу, сүзгіні тазарту
    .hint = артқа
action-filter = Кезекті теру барысында сүзу
    .hint = сүзгі
action-command = Пәрмен енгізу
    .hint = пәрмен
action-toggle-closed = Жабылған істерді көрсету немесе жасыру
    .hint = жабылғандар
action-explain = Мерзімнің қалай есептелгенін түсіндіру
    .hint = неге бұл күн
action-scroll-up = Мәтінді жоғары жылжыту
    .hint = жоғары
action-scroll-down = Мәтінді төмен жылжыту
    .hint = төмен
action-next-section = Істің келесі бөлімі
    .hint = келесі бөлім
action-prev-section = Істің алдыңғы бөлімі
    .hint = алдыңғы бөлім
action-switch-language = Тілді ауыстыру: қазақ, орыс, ағылшын
    .hint = тіл
action-refresh = Істерді қайта жүктеу және экранды қайта салу
    .hint = жаңарту

## Анықтама

help-title = Пернелер
help-close = { $key } — анықтаманы жабу

## Кезек бағандары: тақырып және анықтамаға арналған .long

column-number = №
    .long = Тіркеу нөмірі
column-type = Түрі
    .long = Шағым немесе өтініш
    .short = Т
column-addressee = Адресат
    .long = Іс жолданған орган
    .short = Адресат
column-registered = Тіркелді
    .long = Тіркелген күні
    .short = Тірк.
column-due = Мерзімі
    .long = Мерзімнің соңғы күні
    .short = Мерзім
column-remaining = Қалды
    .long = Келесі міндетке дейін қалған жұмыс күндері (минус — мерзімі өткен)
    .short = Қал.
column-badges = Белгілер
    .long = Ұзартылған, хабарлама қажет, болжамды күн
    .short = Бел
column-assignee = Орындаушы
    .long = Жауапты қызметкер
    .short = Орынд.
column-subject = Мәні
    .long = Өтініштің қысқаша мазмұны

## Іс түрлері

kind-complaint = Шағым
kind-application = Өтініш

## Адресаттар (25-баптың 2-тармағы); .short кезек бағанына сыяды

addressee-central-body = Орталық мемлекеттік орган
    .short = ОМО
    .tiny = ОМО
addressee-local-body = Жергілікті атқарушы орган (әкімдік)
    .short = ЖАО
    .tiny = ЖАО
addressee-service-provider = Көрсетілетін қызметті беруші
    .short = Қызмет беруші
    .tiny = Қызм.б.
addressee-state-corporation = «Азаматтарға арналған үкімет» Мемлекеттік корпорациясы
    .short = Мемкорпорация
    .tiny = Мемкорп.
addressee-quality-authority = Мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті орган
    .short = Уәкіл. орган
    .tiny = Уәкілет.
addressee-superior-body = Жоғары тұрған орган
    .short = Жоғары орган
    .tiny = Жоғары

## Шағымның берілу тәсілі (ұзарту туралы хабарламаның нысанын айқындайды, 25-баптың 4-тармағы)

medium-paper = Қағаз жеткізгіште
medium-electronic = Электрондық түрде

## Мемлекеттік қызмет көрсету тәсілдері (18-бап)

channel-provider = Тікелей көрсетілетін қызметті беруші арқылы
    .short = Қызмет беруші
    .tiny = Қызм.б.
channel-state-corporation = Мемлекеттік корпорация арқылы
    .short = Мемкорпорация
    .tiny = Мемкорп.
channel-portal = «Электрондық үкімет» веб-порталы арқылы
    .short = Портал
    .tiny = Портал
channel-device = Абоненттік құрылғы арқылы
    .short = Құрылғы
    .tiny = Құрылғы
channel-other = Өзге ақпараттық жүйе арқылы
    .short = Басқа АЖ
    .tiny = Басқа АЖ

## Шағымды қарау мерзімін ұзарту негіздері (25-баптың 4-тармағы)

ground-verification = Қосымша зерделеу немесе тексеру, оның ішінде жергілікті жерге барып тексеру
ground-information = Қосымша ақпарат алу

## Хабарлама нысаны

form-written = Жазбаша нысанда
form-electronic = Электрондық нысанда

## Міндеттер

obligation-answer = Қарау және жауап беру
    .short = ЖАУ
    .noun = жауап
obligation-extension-notice = Шағым берушіге мерзімнің ұзартылғаны туралы хабарлау
    .short = ХАБ
    .noun = ұзарту туралы хабарлама
obligation-result = Нәтиже туралы хабарлау
    .short = НӘТ
    .noun = нәтиже
obligation-result-to-state-corporation = Нәтижені Мемлекеттік корпорацияға жеткізу
    .short = МК
    .noun = нәтижені Мемлекеттік корпорацияға беру
obligation-refusal-answer = Бас тарту туралы дәлелді жауап жіберу
    .short = БАС
    .noun = дәлелді бас тарту
obligation-state-open = орындалмаған
obligation-state-done = { $date } күні орындалды
obligation-state-overdue = { $date } күннен бастап мерзімі өткен
obligation-due = мерзімі: { $date }
obligation-basis = негізі: { $article }

## Істің шұғылдығы — түспен ғана емес, сөзбен де

urgency-overdue = мерзімі өткен
urgency-due-today = мерзімі бүгін
urgency-due-soon = мерзімі 1 жұмыс күні ішінде
urgency-ok = мерзімінде
urgency-closed = жабылған

## Белгілер: белгінің өзі латынша қысқарту, .ascii — тек ASCII көрсететін терминалдарға

badge-extended = EXT
    .description = Қарау мерзімі ұзартылған
    .ascii = EXT
badge-notice = NTF
    .description = Шағым берушіге мерзімнің ұзартылғаны туралы хабарлама жіберілуі тиіс
    .ascii = NTF
badge-provisional = ≈
    .description = Болжамды күн: сол жылдың күнтізбесі бекітілмеген
    .ascii = ~

## Істің мәртебесі

status-registered = Тіркелді
status-in-progress = Қаралуда
status-extended = Мерзімі ұзартылды
status-decided = Шешім қабылданды
status-answered = Жауап жіберілді
status-closed = Жабылды
status-refused-at-intake = Қабылдаудан бас тартылды

## Тақырып жолындағы санауыштар

header-cases = { $n } іс
header-overdue = { $n } істің мерзімі өткен
header-due-today = { $n } істің мерзімі бүгін
header-due-soon = { $n } істің мерзімі 1 жұмыс күні ішінде
header-extended = { $n } істің мерзімі ұзартылған
header-notices = { $n } хабарлама жіберілмеген

## Жұмыс күндері

working-days = { $n } жұмыс күні
remaining-working-days = { $n } жұмыс күні қалды
overdue-working-days = мерзімінен { $n } жұмыс күні өтті

## Неге бұл күн: мерзім қалай есептелді

why-title = Неге бұл күн
why-registered = Тіркелген күні: { $date }; мерзім келесі күннен бастап есептеледі
why-term-working-days = Мерзім: { $n } жұмыс күні ({ $basis })
why-term-calendar-days = Мерзім: { $n } күнтізбелік күн ({ $basis })
why-counted = { $date }: { $k }-жұмыс күні
why-skipped-weekend = { $date }: есептелмейді, демалыс күні
why-skipped-holiday = { $date }: есептелмейді, мереке: { $name }
why-skipped-transfer = { $date }: есептелмейді, ауыстыру бойынша демалыс күні
why-worked-transfer = { $date }: { $k }-жұмыс күні, ауыстыру бойынша жұмыс күні
why-moved = { $date }: { $k }-күнтізбелік күн, жұмыс күні емес; мерзім келесі жұмыс күніне ауыстырылады
why-extended = { $date }: мерзім { $n } жұмыс күніне ұзартылды ({ $ground })
why-due = Мерзімнің соңғы күні: { $date }
why-provisional = Болжамды: { $year } жылға арналған күнтізбе бекітілмеген

## Сүзгі және пәрмен жолы

prompt-filter = Сүзгі:
prompt-command = Пәрмен:
prompt-hint = Enter: қолдану   Esc: болдырмау
command-unknown = '{ $command }' — белгісіз пәрмен

## Атаулы кезектер

queue-mine = Менің істерім
queue-unassigned = Орындаушысы жоқ
queue-overdue = Мерзімі өткендер
queue-due-today = Мерзімі бүгін
queue-extended = Мерзімі ұзартылғандар
queue-notices = Хабарлама қажет
queue-closed = Жабылғандар
queue-all = Барлық істер

## Іс карточкасының бөлімдері

section-parties = Тараптар
section-text = Мәтін
section-obligations = Міндеттер
section-history = Тарих
section-why = Неге бұл күн

## Хабарламалар

no-cases = Істер жоқ
no-cases-match = '{ $filter }' сүзгісіне сәйкес келетін іс жоқ
unassigned = тағайындалмаған
terminal-too-small = Терминал терезесі тым кіші ({ $width }x{ $height }); merzim үшін кемінде { $min_width }x{ $min_height } қажет

## Тілдер

language-kk = Қазақ тілі
language-ru = Орыс тілі
language-en = Ағылшын тілі
language-switched = Тіл: { $name }

## Пайдаланушының пернелер файлындағы қателер ($line — сол файлдағы жол)

keymap-warnings-title = Пернелер файлыңызда қателер бар: { $path } (олардың орнына стандартты пернелер қолданылады):
keymap-warning-syntax = { $line }-жол: файл дұрыс TOML емес ({ $detail }); файл толығымен еленбейді, стандартты пернелер сақталады
keymap-warning-unknown-mode = { $line }-жол: '[{ $name }]' — пернелер кестесі емес; [global], [queue], [case] немесе [help] жазыңыз; бұл кесте еленбейді
keymap-warning-not-a-table = { $line }-жол: '{ $name }' ешбір кестенің ішінде емес; оны [global], [queue], [case] немесе [help] астына жазыңыз; еленбейді
keymap-warning-bad-key = { $line }-жол: '{ $key }' — merzim түсінбейтін перне; пернелерді 'j', 'G', 'ctrl-d', 'f10', 'pagedown' сияқты жазыңыз; еленбейді
keymap-warning-chord = { $line }-жол: '{ $key }' бірнеше пернені қатар басуды білдіреді, терминал оны жеткізе алмайды; еленбейді
keymap-warning-unknown-action = { $line }-жол: '{ $action }' ('{ $key }' үшін) — белгісіз әрекет ('noop' пернені өшіреді); еленбейді
keymap-warning-not-a-string = { $line }-жол: '{ $key }' әрекеті тырнақшадағы атау болуы керек, мысалы "move-down"; еленбейді
keymap-warning-duplicate = { $line }-жол: '{ $key }' — { $other_line }-жолдағы '{ $other }' пернесімен бірдей; соңғысы қолданылады

## Іс карточкасы, тарихы және мерзім есебі (консоль)

queue-open = Ашық істер
label-kind = Түрі
label-status = Мәртебесі
label-channel = Арна
label-service = Қызмет
label-term = Мерзімі
label-medium = Берілу нысаны
label-applicant = Өтініш беруші
label-applicant-id = ЖСН/БСН
label-contact = Байланыс
label-original-due = Бастапқы мерзімі
label-extended-by = Ұзартылды
label-basis = Негізі
label-linked = Байланысты іс
event-registered = Тіркелді
event-assigned = Тағайындалды
event-extended = Мерзімі ұзартылды
event-notice-sent = Хабарлама жіберілді
event-answer-sent = Жауап жіберілді
event-note-added = Ескертпе
event-decided = Шешім қабылданды
event-closed = Жабылды
event-reopened = Қайта ашылды
event-due-set = Мерзім белгіленді
event-refused-at-intake = Қабылдаудан бас тартылды
event-linked = Байланыстырылды
notice-extension-notice = Ұзарту туралы хабарлама
notice-answer = Жауап
notice-result = Нәтиже
notice-result-to-state-corporation = Нәтиже Мемлекеттік корпорацияға берілді
outcome-satisfied = Қанағаттандырылды
outcome-partly = Ішінара қанағаттандырылды
outcome-rejected = Қанағаттандырудан бас тартылды
outcome-rendered = Қызмет көрсетілді
outcome-refused = Көрсетуден бас тартылды
why-none = Бұл мерзім үшін күндер бойынша есеп жоқ: { $basis }
why-not-covered = Күнтізбеде { $year } жылдың деректері жоқ: тек демалыс күндері ескерілді
why-estimated = { $name } { $date } — болжамды күн
weekday-1 = Дс
weekday-2 = Сс
weekday-3 = Ср
weekday-4 = Бс
weekday-5 = Жм
weekday-6 = Сб
weekday-7 = Жс
help-type-to-filter = мәтін теру тізімді сүзеді
basis-article = { $number }-бап
basis-service-act = қызмет туралы акт

## Келесі мерзім және жауаптан кейінгі күй (DESIGN 1.5)

column-next = Келесі
    .long = Келесі міндет және оның мерзімі (немесе жауап жіберілген күн)
    .short = Келесі
header-row-of = { $total } ішінен { $row }-жол
header-who = { $date } { $login } ({ $role })
role-supervisor = басшы
role-officer = орындаушы
no-cases-at-all = Бұл дерекқорда әзірге іс жоқ. Демо істермен толтыру: merzim --db ЖОЛ demo; істерді жүктеу: merzim --db ЖОЛ import ФАЙЛ. Жаңа дерекқорды бірінші ашқан адам оның басшысы болады; орындаушылар былай қосылады: merzim --db ЖОЛ users add ЛОГИН --role officer.
queue-answered = Жауап берілген
obligation-follow-up = Уәкілетті органның бақылау шарасы
    .short = БАҚ
    .noun = бақылау шарасы
answered-on-time-short = ок
title-next = келесі: { $what } { $date }, { $left }
answered-on-time = жауап { $date } жіберілді, мерзімінде
answered-late = жауап { $date } жіберілді, { $n } жұмыс күні кешігіп
answered-late-day-off = жауап { $date } жіберілді, кешігіп (мерзімнен кейінгі демалыс күні)
obligation-state-done-late = { $date } орындалды, { $n } жұмыс күні кешігіп
obligation-state-done-late-day-off = { $date } орындалды, кешігіп (мерзімнен кейінгі демалыс күні)
obligation-state-wrong-form = талап етілген нысанда емес
obligation-state-missed-answered = өткізіп алынды: жауап { $date } онсыз жіберілді
obligation-state-missed-closed = өткізіп алынды: іс { $date } онсыз жабылды
concerns-extension = { $date } күнгі { $n } жұмыс күнге ұзарту туралы ({ $ground })
calendar-days = { $n } күнтізбелік күн
hours = { $n } сағат
label-term-hours = Мерзім өтуі
term-hours-from = тіркеу сәтінен { $at } бастап { $by } дейін
due-set-by = { $date } мерзімін { $who } { $when } белгіледі
label-outgoing-reference = шығыс № { $reference }
why-term-hours = Мерзім: { $n } сағат ({ $basis }): соңғы күні — тіркелгеннен кейін { $days } толық тәуліктен ерте емес бірінші жұмыс күні
why-original-due = Бастапқы мерзім: { $date }
why-extension = { $date } күнгі ұзарту: { $from } мерзіміне { $n } жұмыс күні қосылды ({ $ground }; { $basis })
why-extended-due = Осы ұзартудан кейінгі мерзім: { $date }
why-set-by-officer = Бұл заң жоғары тұрған орган үшін мерзім белгілемейді ({ $basis }); мерзімді органның өзі белгіледі, сондықтан ол есептелмейді және болжамды емес
why-reason-weekend = демалыс күні
why-reason-transfer = ауыстыру бойынша демалыс күні
why-reason-worked-transfer = ауыстыру бойынша жұмыс күні
why-calendar-day = { $date }: { $k }-күнтізбелік күн
why-skipped = { $date }: есептелмейді, { $reason }

## Заң бойынша бас тартулар және күнтізбе қателері

list-or = { $init } немесе { $last }
refusal-may-not-extend = { $basis }: '{ $addressee }' органына шағымның мерзімін ұзартуға болмайды; тек { $allowed } ұзарта алады
refusal-ground-not-allowed = { $basis }: '{ $ground }' ұзартуға негіз емес; негіздер: { $allowed }
refusal-over-cap = { $basis }: ұзартулар барлығы { $total } жұмыс күні болар еді, шегі { $cap }
refusal-zero-days = { $basis }: ұзарту кемінде бір жұмыс күнін қосуы керек
refusal-after-due = { $basis }: { $date } күнгі ұзарту { $due } мерзімінен кейін; шешім мерзімнен кешіктірілмей қабылданады
refusal-before-registration = { $date } күнгі ұзарту тіркелген { $registered } күнінен бұрын
refusal-term-set-by-law = { $basis }: '{ $addressee }' органына шағымның мерзімін заң белгілейді; оны қолмен белгілеуге болмайды
refusal-no-edition = { $date } күні ережелердің бірде-бір редакциясы қолданылмайды: ең ертесі { $earliest } бастап қолданылады
refusal-calendar = мерзімді есептеу мүмкін емес: { $reason }
calendar-out-of-range = нәтиже бағдарлама жұмыс істейтін күндер ауқымынан тыс
calendar-too-long-to-explain = { $days } күндік мерзімді күн бойынша түсіндіру үшін тым ұзақ (ең көбі { $max })

## Істің күйі немесе түрі рұқсат етпейтін өзгерістер және қызметтің бас тартулары

plain-text = { $text }
field-case-number = іс нөмірі
field-subject = өтініштің мәні
field-registration-date = тіркелген күні
field-due-date = мерзімі
field-assignee-login = орындаушының логині
field-extension-date = ұзарту күні
field-extension-reason = ұзарту себебі (25.4-бап ¶2: шағым берушіге себептері хабарланады)
field-notice-date = хабарлама жіберілген күн
field-answer-date = жауап жіберілген күн
field-note = жазба
field-decision-date = шешім күні
field-closing-date = жабылған күні
field-reopening-date = қайта ашылған күні
field-reopening-reason = қайта ашу себебі
field-intake-refusal-date = бас тарту күні
field-intake-refusal-reason = қабылдаудан бас тарту себебі (20.2-бап)
field-linked-number = байланысты істің нөмірі
doing-assigning = орындаушы тағайындау
doing-extending = мерзімді ұзарту
doing-recording-notice = хабарламаны жазу
doing-recording-answer = жауапты жазу
doing-deciding = шешім қабылдау
doing-closing = істі жабу
doing-setting-due = мерзімді белгілеу
doing-refusing-at-intake = қабылдаудан бас тарту
status-problem-reopen-first = алдымен істі қайта ашыңыз: { $doing }
status-problem-no-term-started = мерзім басталмаған (20.2-бап), сондықтан мүмкін емес: { $doing }; жаңа өтінішті тіркеңіз
status-problem-term-not-running = тек өтіп жатқан мерзім ұзартылады (25.4-бап)
status-problem-never-extended = мерзім ұзартылмаған, сондықтан ұзарту туралы хабарлама қажет емес (25.4-бап ¶2)
status-problem-already-decided = { $date } күні '{ $outcome }' шешімі қабылданған; басқа шешім үшін істі қайта ашыңыз
status-problem-decide-first = жабудан бұрын шешім қабылдаңыз
status-problem-not-closed = тек жабылған іс қайта ашылады
status-problem-being-considered = іс қаралуда; қабылдаудан бас тарту тек басында болады (20.2-бап)
kind-problem-only-complaints-extended = тек шағымның мерзімі ұзартылады (25.4-бап)
kind-problem-handover-only-through-state-corporation = нәтиже Мемлекеттік корпорацияға тек ол арқылы берілген өтініштер бойынша жіберіледі (5.2.5-бап)
kind-problem-notice-of-other-kind = '{ $notice }' істің басқа түріне жатады
kind-problem-term-from-service-act = өтініштің мерзімін қызмет туралы акт белгілейді
kind-problem-only-applications-refused-at-intake = қабылдаудан тек өтініш бойынша бас тартуға болады (20.2-бап)
case-wrong-status = '{ $number }' ісінің мәртебесі '{ $status }': { $why }
case-wrong-kind = '{ $number }' ісі — '{ $kind }': { $why }
case-in-future = { $field } '{ $date }' бүгінгі '{ $today }' күнінен кейін
case-before-registration = { $field } '{ $date }' тіркелген '{ $registered }' күнінен бұрын
case-empty = толтырылмаған: { $field }
case-outcome-does-not-fit = '{ $outcome }' '{ $kind }' түріне сәйкес келмейді; мынаны көрсетіңіз: { $expected }
case-refusal-without-ground = 19-1.1-бап: бас тартуда негіз көрсетіледі, мысалы '19-1.2.1-бап'
case-already-registered = іс бір рет тіркеледі; '{ $number }' тіркелген
case-self-link = '{ $number }' ісін өзімен байланыстыруға болмайды
service-unknown-user = '{ $uid }' uid пайдаланушысы merzim-де тіркелмеген; пайдаланушыларды басшы қосады (немесе демо дерекқор үшін 'merzim demo' іске қосыңыз)
service-unknown-login = '{ $login }' логині бар пайдаланушы жоқ
service-not-found = '{ $number }' нөмірлі іс жоқ
service-conflict = '{ $number }' ісі осы уақытта өзгертілді (қазір { $current } нұсқа, өзгеріс { $expected } нұсқаға негізделген); жаңартып, қайталаңыз
service-no-number = '{ $what }' үшін іс нөмірі қажет
service-number-given = жаңа іс нөмірді тізілімнен алады; оны көрсетпеңіз
service-unknown-service = '{ $code }' қызметі тізілімде жоқ
