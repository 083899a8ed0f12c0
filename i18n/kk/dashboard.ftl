# Басшының тақтасы және күнтізбені тексеру (10-міндет, 1, 5 және 6-тармақтар).

mode-dashboard = Тақта
action-dashboard = Тақтаны ашу: орындаушылар мен топтар бойынша істер
    .hint = тақта
action-move-left = Тақта курсорын бір бағанға солға жылжыту
    .hint = солға
action-move-right = Тақта курсорын бір бағанға оңға жылжыту
    .hint = баған
command-help-dashboard = басшының тақтасын ашу

dashboard-title = Тақта
dashboard-loading = Істер саналуда…
dashboard-officer = Орындаушы
dashboard-unassigned = (тағайындалмаған)
dashboard-total = Барлығы
dashboard-chart = Жұмыс күндері бойынша мерзімдер, екі апта: { $who }
dashboard-calendar-warning = Күнтізбе: { $text }

dashboard-bucket-open = Ашық
    .short = Ашық
dashboard-bucket-overdue = Мерзімі өткен
    .short = Өткен
dashboard-bucket-due-today = Мерзімі бүгін
    .short = Бүгін
dashboard-bucket-due-soon = 1 ЖК ішінде
    .short = 1 ЖК
dashboard-bucket-due-within = { $n } ЖК ішінде
    .short = { $n } ЖК
dashboard-bucket-extended = Ұзартылған
    .short = Ұзар
dashboard-bucket-notices = Хабарлама қарыз
    .short = Хаб
dashboard-bucket-answered-week = Жауап (апта)
    .short = Апта
dashboard-bucket-answered-month = Жауап (ай)
    .short = Ай
dashboard-bucket-answered-late = Кеш жауап
    .short = Кеш

queue-of-officer = { $queue } · { $who }

calendar-gap-not-covered = { $year } жылға деректер жоқ, ал алдағы { $days } жұмыс күні ({ $until } дейін) соған жетеді: сол жылдың күнтізбесін және демалыс күндерін ауыстыру туралы қаулыны қосыңыз
calendar-gap-provisional = { $year } жылғы күнтізбе алдағы { $days } жұмыс күні ішінде ({ $until } дейін) алдын ала ғана: жарияланған ауыстыру қаулысын қосыңыз
calendar-gap-estimated = { $name } ({ $date }) алдағы { $days } жұмыс күні ішінде ({ $until } дейін) тек болжамды күн: жарияланғанда нақтылаңыз
calendar-covered-until = күнтізбе { $date } дейін қамтиды (алдағы { $days } жұмыс күні { $until } аяқталады)
calendar-check-failed = күнтізбе алдағы { $days } жұмыс күнін қамтымайды: { $count } мәселе (жоғарыда көрсетілген)

config-bad-due-within = { $path }, { $line }-жол: due_within = '{ $value }'; 1-ден { $max }-ге дейінгі жұмыс күндерінің бүтін санын беріңіз
