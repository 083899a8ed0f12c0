# Қызмет қабылдамаған сақтау (src/app/unsaved.rs, src/ui/unsaved.rs): заң бойынша немесе
# форма ашық тұрғанда іс өзгергендіктен.
save-refused = Сақтауға болмайды: { $why }
save-refused-article = Сақтауға болмайды ({ $article }): { $why }
conflict-fetching = Форма ашық тұрғанда іс өзгертілді (қазір { $current } нұсқа, форма { $expected } нұсқада ашылған); не өзгергені жүктелуде…
conflict-title = Форма ашық тұрғанда іс өзгертілді ({ $expected } → { $current } нұсқа):
conflict-more = … және тағы { $n } ертерек өзгеріс
conflict-keep = Енгізілген мәтін сақталды. { $save } оны { $current } нұсқада сақтайды, { $back } бас тартады.
conflict-registered = { $who } оны { $when } тіркеді
conflict-assigned = { $who } оны { $when } '{ $to }' қызметкеріне берді
conflict-unassigned = { $who } { $when } орындаушыны алып тастады
conflict-extended = { $who } мерзімді { $when } { $days } жұмыс күніне ұзартты
conflict-notice-sent = { $who } { $when } { $sent } күнгі хабарламаны белгіледі ({ $kind })
conflict-answer-sent = { $who } { $when } { $sent } күнгі жауапты белгіледі
conflict-note-added = { $who } { $when } жазба қосты: '{ $text }'
conflict-decided = { $who } { $when } шешім қабылдады ({ $outcome })
conflict-closed = { $who } оны { $when } жапты
conflict-reopened = { $who } оны { $when } қайта ашты: '{ $reason }'
conflict-due-set = { $who } { $when } мерзімді { $due } етіп белгіледі
conflict-refused-at-intake = { $who } { $when } қабылдаудан бас тартты
conflict-linked = { $who } оны { $when } { $number } ісімен байланыстырды
