# Пәрмен жолы: қателер және адамға арналған шығыс.

## Дерекқорлар

cli-no-database = '{ $path }' жолында дерекқор жоқ; оны 'merzim --db { $path } demo', 'merzim --db { $path } import ФАЙЛ' немесе 'merzim --db { $path } restore КӨШІРМЕ' пәрменімен жасаңыз
cli-office-data = { $error }; файлды түзетіңіз немесе оны мекеменің деректер каталогынан '{ $dir }' алып тастаңыз
cli-the-database = дерекқорды
cli-standard-output = стандартты шығысқа
cli-disk-full = диск толы: { $target } жазу мүмкін емес; орын босатып, пәрменді қайта орындаңыз
cli-cannot-write = { $target } жазу мүмкін емес: { $reason }
cli-damaged = '{ $tree }' ішіндегі '{ $key }' зақымдалған жазбасы өткізіліп жіберілді: { $reason }
cli-damaged-case = '{ $tree }' ішіндегі '{ $key }' зақымдалған жазбасы ('{ $number }' ісі) өткізіліп жіберілді: { $reason }
cli-export-skipped = { $count } зақымдалған жазба экспортқа енбеді; оларды 'merzim check' көрсетеді
cli-backup-skipped = { $count } зақымдалған жазба сақтық көшірмеге енбеді; оларды 'merzim check' көрсетеді
cli-check-ok = '{ $path }' дерекқоры дұрыс: { $count } іс, зақымдалған жазба жоқ
cli-check-found = '{ $path }' дерекқорында { $count } зақымдалған жазба бар немесе қалпына келтіру аяқталмаған; оны сақтық көшірмеден қалпына келтіріңіз немесе оқылатынын экспорттап, жаңа дерекқорға импорттаңыз
cli-exported = { $count } іс '{ $path }' файлына экспортталды
cli-imported = '{ $path }' файлынан { $added } жаңа іс импортталды ({ $unchanged } іс бұрыннан бар, өзгермеген)
cli-import-more = ... тағы { $count }
cli-import-wrong = '{ $path }' файлының { $count } жолы қате; ештеңе импортталған жоқ
cli-backup-done = { $count } істің сақтық көшірмесі ({ $bytes } байт) '{ $path }' файлына жазылды және қалпына келтіру арқылы тексерілді
cli-restored = '{ $file }' файлынан '{ $db }' дерекқорына { $cases } іс және { $users } пайдаланушы қалпына келтірілді
cli-restore-unfinished = '{ $file }' көшірмесін '{ $db }' дерекқорына бұрынғы қалпына келтіру аяқталмаған; аяқтау үшін 'merzim --db { $db } restore { $file }' пәрменін қайта орындаңыз
cli-demo-done = '{ $path }' ішінде { $today } күнгі { $count } демо іс ({ $seconds } с); сіз ('{ $login }', uid { $uid }) — басшысыз; орындаушылар: { $officers }

## Күнтізбе

cli-explain-working-days = { $from } + { $n } жұмыс күні = { $result }  ({ $from } есептелмейді)
cli-explain-calendar-days = { $from } + { $n } күнтізбелік күн = { $result }  ({ $from } есептелмейді)
cli-note-working-day = жұмыс күні
cli-weekend = демалыс күні
cli-note-estimated = , болжамды күн
cli-note-calendar-end = мерзім жұмыс емес күнге түседі: келесі жұмыс күніне ауыстырылады
cli-entry-public-holiday = мереке
cli-entry-moved-day-off = демалыс күнге түскен мерекеден ауыстырылған демалыс
cli-entry-religious-day-off = діни мереке
cli-entry-transferred-day-off = ауыстыру бойынша демалыс күні
cli-entry-transferred-working-day = ауыстыру бойынша жұмыс күні
cli-ordinary-working-day = қарапайым жұмыс күні
cli-state-working = жұмыс күні
cli-state-day-off = демалыс
cli-provisional-mark = (болжамды: { $why })
cli-provisional-line = болжамды: { $why }
cli-uncertain-not-covered = күнтізбеде { $year } жылға дерек жоқ: тек демалыс күндері өткізілді
cli-uncertain-provisional = { $year } жылдың күнтізбесі түпкілікті емес
cli-uncertain-estimated = { $name } ({ $date }) — болжамды күн
cli-year-final = { $year } түпкілікті
cli-year-provisional = { $year } болжамды
cli-year-estimated = , { $count } болжамды күн
cli-warning = назар аударыңыз: { $text }
cli-coverage-no-this-year = күнтізбеде биылғы жылға ({ $year }) дерек жоқ: мерзімдер тек демалыс күндерін өткізеді және болжамды
cli-coverage-no-next-year = күнтізбеде { $year } жылға дерек жоқ: оған өтетін мерзімдер болжамды; келесі жылдың күнтізбесін қосыңыз

## Мерзімдер

cli-due-head = { $kind }, тіркелген күні { $registered }, мерзімі { $term } ({ $basis })
cli-term-none = белгіленбеген
cli-due-extended = мерзімі { $due } (бастапқыда { $original }, { $days } жұмыс күніне ұзартылды)
cli-due-date = мерзімі { $due }
cli-due-none = мерзімі: белгіленбеген ({ $basis })
cli-due-word = мерзімі
cli-no-date = күні жоқ
cli-obligation-open = орындалмаған
cli-obligation-done = { $date } орындалды
cli-obligation-late = , { $n } жұмыс күні кешіктіріліп
cli-obligation-missed-answered = ӨТКІЗІП АЛЫНДЫ: жауап { $date } онсыз жіберілді
cli-obligation-missed-closed = ӨТКІЗІП АЛЫНДЫ: іс { $date } онсыз жабылды
cli-obligation-wrong-form = , талап етілген нысанда емес
cli-obligation-overdue = { $date } бастап МЕРЗІМІ ӨТКЕН
cli-as-of = ({ $date } күнгі жағдай)
cli-no-service = '{ $register }' тізілімінде '{ $code }' қызметі жоқ
cli-service-not-offered = '{ $code }' қызметі '{ $channel }' арқылы көрсетілмейді; ол мына арналар арқылы көрсетіледі: { $offered }
cli-give-service-or-term = --service КОД немесе --term көрсетіңіз, мысалы --term 10wd
