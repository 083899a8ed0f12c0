## Нысандар: қызметкердің іс бойынша әрекеттері және жаңа істі тіркеу.

mode-form = Нысан
mode-confirm = Сұрақ

action-register = Шағымды немесе өтінішті тіркеу
    .hint = жаңа
action-take = Істі өзіне алу немесе өзіңдікі болса қайтару
    .hint = алу
action-assign = Істі қызметкерге беру (басшы)
    .hint = беру
action-extend = Шағымды қарау мерзімін ұзарту (25-бап 4-т.)
    .hint = ұзарту
action-record-notice = Жіберілген хабарламаны белгілеу (ұзарту туралы, Мемлекеттік корпорацияға нәтиже)
    .hint = хабарлама
action-record-answer = Берілген жауапты немесе нәтижені белгілеу
    .hint = жауап
action-decide = Іс бойынша шешім қабылдау
    .hint = шешім
action-close-case = Істі жабу
    .hint = жабу
action-reopen = Жабылған істі себебін көрсетіп қайта ашу
    .hint = қайта ашу
action-add-note = Іске жазба қосу
    .hint = жазба
action-set-due = Заң мерзім белгілемеген жағдайда мерзімді белгілеу (25-бап 1-т.)
    .hint = мерзім
action-refuse-at-intake = Өтінішті қабылдаудан бас тарту (20-бап 2-т.)
    .hint = бас тарту
action-link-case = Істі басқа іспен байланыстыру
    .hint = байланыс
action-write-letter = Хатты (ұзарту туралы хабарлама, жауап) файлға жазу
    .hint = хат
action-save = Нысанды сақтау
    .hint = сақтау
action-next-field = Келесі өріс
    .hint = келесі
action-prev-field = Алдыңғы өріс
    .hint = алдыңғы
action-confirm = Иә, орындау
    .hint = иә

form-title-register = Жаңа іс
form-title-assign = Істі беру
form-title-extend = Мерзімді ұзарту
form-title-notice = Жіберілген хабарлама
form-title-answer = Берілген жауап
form-title-decide = Шешім
form-title-close = Жабу
form-title-reopen = Қайта ашу
form-title-note = Жазба
form-title-set-due = Қарау мерзімі
form-title-refuse-at-intake = Қабылдаудан бас тарту
form-title-link = Байланыс
form-title-letter = Хат

form-field-case-kind = Түрі
form-field-name = Өтініш беруші
form-field-party-id = ЖСН немесе БСН
form-field-contact = Байланыс деректері
form-field-medium = Берілу тәсілі
form-field-addressee = Адресат
form-field-service = Қызмет
form-field-channel = Арна
form-field-registered = Тіркелген күні
form-field-subject = Тақырыбы
form-field-text = Мәтіні
form-field-external = Сыртқы тіркеу нөмірі
form-field-ground = Негіз
form-field-days = Жұмыс күндері
form-field-reason = Себебі
form-field-date = Күні
form-field-notice-kind = Хабарлама
form-field-notice-form = Нысаны
form-field-reference = Шығыс нөмірі
form-field-outcome = Нәтижесі
form-field-refusal-ground = Бас тарту негізі
form-field-due = Мерзім
form-field-number = Іс нөмірі
form-field-relation = Байланыс түрі
form-field-login = Қызметкердің логині
form-field-letter-kind = Хат
form-field-file = Файл

relation-reapplication = бас тартудан кейінгі қайта өтініш
relation-same-application = сол өтініш (бірнеше қызмет)
relation-related = байланысты
letter-extension-notice = ұзарту туралы хабарлама
letter-answer = жауап

form-error-empty = бұл өрісті толтырыңыз
form-error-date = '{ $text }' күн емес; ЖЖЖЖ-АА-КК түрінде жазыңыз
form-error-future = { $date } бүгіннен ({ $today }) кейін; болған нәрсені ғана белгілеңіз
form-error-days = '{ $text }' жұмыс күндерінің саны емес; бүтін сан енгізіңіз, мысалы 5
form-error-due-before = { $due } мерзімі тіркелген күннен ({ $registered }) кейін емес
form-error-letter-format = файл атауы .txt немесе .docx деп аяқталуы керек
form-error-id-shape = '{ $text }' ЖСН да, БСН да емес: 12 цифр қажет
form-error-id-check = '{ $text }' ЖСН да, БСН да емес: бақылау цифры сәйкес келмейді; нөмірді тексеріңіз
form-error-id = '{ $text }' жарамсыз ЖСН немесе БСН; нөмірді тексеріңіз
form-error-channel = '{ $code }' қызметі «{ $channel }» арнасы арқылы көрсетілмейді; басқа арнаны таңдаңыз
form-error-service-none = тізілімде '{ $text }' сәйкес келетін қызмет жоқ; кодын немесе атауының бір бөлігін енгізіңіз
form-error-service-several = { $count } қызмет сәйкес келеді ({ $codes }); атауын нақтылаңыз немесе кодын енгізіңіз

form-note-non-working = жұмыс күні емес
form-note-iin = жарамды ЖСН (жеке тұлға)
form-note-bin = жарамды БСН (заңды тұлға)
form-note-registered-day-off = жұмыс күні емес: бүгін түскен өтініш { $next } күні тіркеледі
form-note-service = { $code }: { $name }

form-warning-form = Берілу тәсілі: { $medium }; заң «{ $want }» нысанындағы хабарламаны талап етеді, ал бұл — «{ $form }». Солай жазылады.

form-preview-new-due = Жаңа мерзім: { $new } (қазір { $old })
form-preview-cap = { $cap } жұмыс күнінің { $used } күні ұзартылды; { $left } күн қалды ({ $basis })
form-preview-notice = Ұзарту туралы хабарлама { $due } дейін, «{ $form }» нысанында ({ $basis })
form-preview-due = Мерзім: { $due } ({ $basis })
form-preview-no-term = Заңда мерзім белгіленбеген ({ $basis }): мерзімді жоғары тұрған орган белгілейді
form-preview-owed = { $kind }: { $due } дейін ({ $basis })
form-preview-on-time = Осы күні жіберілсе, мерзім сақталады.
form-preview-late = Осы күні жіберілсе, { $days } жұмыс күні кешіктірілген; бұл жазылады және кешіккен деп белгіленіп қалады.
form-preview-obligation = { $kind }: { $due } дейін ({ $basis })

form-confirm-close = { $number } ісін { $date } күнімен жабу керек пе? Іс ашық кезектен шығады; қайта ашу үшін себеп қажет.
form-confirm-decide = { $number } ісі бойынша шешім: «{ $outcome }»? Шешімді өзгертуге болмайды.
form-confirm-refuse-at-intake = { $number } өтінішін қабылдаудан бас тарту керек пе? Мерзім басталмайды, бас тарту біржола жазылады.
form-confirm-warning = { $warning } Бәрібір сақтау керек пе?

form-refused = Сақтауға болмайды:
form-ask-discard = Енгізілгенді өшіру керек пе?
form-ask-keys = [{ $yes } иә, { $no } жоқ]
form-saving = Сақталуда…

form-auditor = Аудитор барлық істерді оқиды, бірақ ештеңені өзгертпейді
form-not-complaint = Тек шағымды қарау мерзімі ұзартылады (25-бап 4-т.)
form-closed = Іс жабылған; алдымен оны қайта ашыңыз
form-no-extension = Ұзарту болған жоқ: ұзарту туралы хабарлама қажет емес
form-no-handover = Қызмет Мемлекеттік корпорация арқылы көрсетілмеген: беретін ештеңе жоқ (5-бап 2-т. 5-тт.)
form-decided = Іс бойынша шешім қабылданып қойған
form-not-closed = Іс жабылмаған
form-term-by-law = Бұл істің мерзімін заң белгілейді; қолмен тек жоғары тұрған органның мерзімі белгіленеді (25-бап 1-т.)
form-not-application = Қабылдаудан тек өтініш бойынша бас тартылады (20-бап 2-т.)
form-taken = Іс '{ $login }' қызметкерінде; қызметкер тек тағайындалмаған істерді алады
form-supervisor-only = Істі басқа қызметкерге тек басшы береді; оны өзіңізге алыңыз

form-done = { $what }: сақталды, іс { $number }, { $version } нұсқа
form-registered = { $number } нөмірімен тіркелді
form-registered-external = { $number } нөмірімен тіркелді; { $external } сыртқы нөмірі бірінші жазбада
form-letter-written = Хат '{ $path }' файлына жазылды
form-letter-write-failed = '{ $path }' жазылмады: { $error }; басқа файл атауын таңдаңыз
