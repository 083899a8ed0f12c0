# Почему служба отказывает (src/service/barred.rs).
service-barred-acts-on-own = Дело '{ $number }' назначено '{ $owner }'; специалист работает со своими и неназначенными делами.
service-barred-sees-own = Дело '{ $number }' назначено '{ $owner }'; специалист видит свои и неназначенные дела.
service-barred-assigns-others = Назначить дело другому ('{ $to }') может только руководитель.
service-barred-auditor = Аудитор читает все дела и ничего не меняет.
service-barred-manages-users = Пользователями управляет только руководитель (руководители: { $supervisors }).
