## Формы: действия сотрудника по делу и регистрация нового дела.

mode-form = Форма
mode-confirm = Вопрос

action-register = Зарегистрировать жалобу или заявление
    .hint = новое
action-take = Взять дело себе или вернуть, если оно ваше
    .hint = взять
action-assign = Передать дело сотруднику (руководитель)
    .hint = передать
action-extend = Продлить срок рассмотрения жалобы (ст. 25 п. 4)
    .hint = продлить
action-record-notice = Отметить отправленное уведомление (о продлении, результат в Госкорпорацию)
    .hint = уведомление
action-record-answer = Отметить данный ответ или результат
    .hint = ответ
action-decide = Принять решение по делу
    .hint = решение
action-close-case = Закрыть дело
    .hint = закрыть
action-reopen = Возобновить закрытое дело с указанием причины
    .hint = возобновить
action-add-note = Добавить заметку к делу
    .hint = заметка
action-set-due = Установить срок, если закон его не устанавливает (ст. 25 п. 1)
    .hint = срок
action-refuse-at-intake = Отказать в приеме заявления (ст. 20 п. 2)
    .hint = отказ
action-link-case = Связать дело с другим
    .hint = связь
action-write-letter = Написать письмо (уведомление о продлении, ответ) в файл
    .hint = письмо
action-save = Сохранить форму
    .hint = сохранить
action-next-field = Следующее поле
    .hint = далее
action-prev-field = Предыдущее поле
    .hint = пред. поле
action-confirm = Да, выполнить
    .hint = да

form-title-register = Новое дело
form-title-assign = Передача дела
form-title-extend = Продление срока
form-title-notice = Отправленное уведомление
form-title-answer = Данный ответ
form-title-decide = Решение
form-title-close = Закрытие
form-title-reopen = Возобновление
form-title-note = Заметка
form-title-set-due = Срок рассмотрения
form-title-refuse-at-intake = Отказ в приеме
form-title-link = Связь
form-title-letter = Письмо

form-field-case-kind = Вид
form-field-name = Заявитель
form-field-party-id = ИИН или БИН
form-field-contact = Контакт
form-field-medium = Подано
form-field-addressee = Адресат
form-field-service = Услуга
form-field-channel = Канал
form-field-registered = Дата регистрации
form-field-subject = Тема
form-field-text = Текст
form-field-external = Внешний рег. №
form-field-ground = Основание
form-field-days = Рабочих дней
form-field-reason = Причина
form-field-date = Дата
form-field-notice-kind = Уведомление
form-field-notice-form = Форма
form-field-reference = Исходящий №
form-field-outcome = Итог
form-field-refusal-ground = Основание отказа
form-field-due = Срок
form-field-number = Номер дела
form-field-relation = Связь
form-field-login = Логин сотрудника
form-field-letter-kind = Письмо
form-field-file = Файл

relation-reapplication = повторное обращение после отказа
relation-same-application = то же заявление (несколько услуг)
relation-related = связанное
letter-extension-notice = уведомление о продлении
letter-answer = ответ

form-error-empty = заполните это поле
form-error-date = '{ $text }' — не дата; пишите ГГГГ-ММ-ДД
form-error-future = { $date } позже сегодняшнего дня ({ $today }); отмечайте то, что уже произошло
form-error-days = '{ $text }' — не число рабочих дней; введите целое число, например 5
form-error-before-registration = { $date } раньше даты регистрации { $registered }
form-error-due-before = срок { $due } не позже даты регистрации { $registered }
form-error-letter-format = имя файла должно оканчиваться на .txt или .docx
form-error-id-shape = '{ $text }' — не ИИН и не БИН: нужно 12 цифр
form-error-id-check = '{ $text }' — не ИИН и не БИН: контрольная цифра не сходится; проверьте номер
form-error-id = '{ $text }' — недействительный ИИН или БИН; проверьте номер
form-error-channel = услуга '{ $code }' не оказывается через канал «{ $channel }»; выберите другой канал
form-error-service-none = в реестре нет услуги, подходящей под '{ $text }'; введите код или часть названия
form-error-service-several = подходит услуг: { $count } ({ $codes }); уточните название или введите код

form-note-refusal-grounds = по акту услуги: { $grounds }
form-note-non-working = нерабочий день
form-note-iin = действительный ИИН (физическое лицо)
form-note-bin = действительный БИН (юридическое лицо)
form-note-registered-day-off = нерабочий день: обращение, поступившее в этот день, регистрируется { $next }
form-note-service = { $code }: { $name }

form-warning-form = Подано: { $medium }; закон требует уведомление в форме «{ $want }», а это — «{ $form }». Так и будет записано.

form-preview-new-due = Новый срок: { $new } (сейчас { $old })
form-preview-cap = Продлено на { $used } из { $cap } рабочих дней; осталось { $left } ({ $basis })
form-preview-notice = Уведомление о продлении — до { $due }, в форме «{ $form }» ({ $basis })
form-preview-due = Срок: { $due } ({ $basis })
form-preview-no-term = Срок законом не установлен ({ $basis }): его устанавливает вышестоящий орган
form-preview-owed = { $kind }: срок — { $due } ({ $basis })
form-preview-on-time = При этой дате отправки срок соблюден.
form-preview-late = При этой дате отправки просрочка { $days ->
    [one] { $days } рабочий день
    [few] { $days } рабочих дня
   *[other] { $days } рабочих дней
}; это записывается и остается отмеченным.
form-preview-obligation = { $kind }: до { $due } ({ $basis })

form-confirm-close = Закрыть { $number } датой { $date }? Дело уйдет из открытой очереди; для возобновления нужна причина.
form-confirm-decide = Решение по { $number }: «{ $outcome }»? Решение нельзя изменить.
form-confirm-refuse-at-intake = Отказать в приеме { $number }? Срок не начнется, отказ будет записан окончательно.
form-confirm-warning = { $warning } Сохранить все равно?

form-refused = Сохранить нельзя:
form-ask-discard = Отбросить введенное?
form-ask-keys = [{ $yes } да, { $no } нет]
form-saving = Сохранение…

form-auditor = Аудитор читает все дела и ничего не меняет
form-not-complaint = Продлевается только срок рассмотрения жалобы (ст. 25 п. 4)
form-closed = Дело закрыто; сначала возобновите его
form-no-extension = Продления не было: уведомление о продлении не требуется
form-no-handover = Услуга оказана не через Госкорпорацию: передавать нечего (ст. 5 п. 2 пп. 5)
form-decided = Решение по делу уже принято
form-not-closed = Дело не закрыто
form-term-by-law = Срок этого дела установлен законом; вручную устанавливается только срок вышестоящего органа (ст. 25 п. 1)
form-not-application = В приеме отказывают только по заявлению (ст. 20 п. 2)
form-taken = Дело у '{ $login }'; сотрудник берет только неназначенные дела
form-supervisor-only = Передать дело другому может только руководитель; возьмите его себе

form-done = { $what }: сохранено, дело { $number }, версия { $version }
form-registered = Зарегистрировано под номером { $number }
form-registered-external = Зарегистрировано под номером { $number }; внешний номер { $external } записан в первой заметке
form-letter-written = Письмо записано в '{ $path }'
form-letter-write-failed = Не удалось записать '{ $path }': { $error }; выберите другое имя файла
