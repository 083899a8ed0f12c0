# Сохранение, которое сервис не принял (src/app/unsaved.rs, src/ui/unsaved.rs): по закону или
# потому что дело изменилось, пока форма была открыта.
save-refused = Сохранить нельзя: { $why }
save-refused-article = Сохранить нельзя ({ $article }): { $why }
conflict-fetching = Дело изменено, пока форма была открыта (сейчас версия { $current }, форма открыта на версии { $expected }); загружается, что изменилось…
conflict-title = Дело изменено, пока форма была открыта (версия { $expected } → { $current }):
conflict-more = … и еще { $n ->
        [one] { $n } более раннее изменение
        [few] { $n } более ранних изменения
       *[many] { $n } более ранних изменений
    }
conflict-keep = Введенное сохранено. { $save } сохраняет его на версии { $current }, { $back } отменяет.
conflict-registered = { $who } зарегистрировал(а) его в { $when }
conflict-assigned = { $who } передал(а) его '{ $to }' в { $when }
conflict-unassigned = { $who } снял(а) исполнителя в { $when }
conflict-extended = { $who } продлил(а) срок на { NUMBER($days) ->
        [one] { $days } рабочий день
        [few] { $days } рабочих дня
       *[many] { $days } рабочих дней
    } в { $when }
conflict-notice-sent = { $who } отметил(а) уведомление от { $sent } ({ $kind }) в { $when }
conflict-answer-sent = { $who } отметил(а) ответ от { $sent } в { $when }
conflict-note-added = { $who } добавил(а) заметку в { $when }: '{ $text }'
conflict-decided = { $who } принял(а) решение ({ $outcome }) в { $when }
conflict-closed = { $who } закрыл(а) его в { $when }
conflict-reopened = { $who } возобновил(а) его в { $when }: '{ $reason }'
conflict-due-set = { $who } установил(а) срок { $due } в { $when }
conflict-refused-at-intake = { $who } отказал(а) в приеме в { $when }
conflict-linked = { $who } связал(а) его с { $number } в { $when }
