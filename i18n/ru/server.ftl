## Служба `merzim serve` (issue 9): прощальные сообщения клиентам и ошибки запуска

server-bye-shutdown = сервер merzim останавливается; черновики сохранены, консоль подключится снова, когда он вернётся
server-bye-frame-too-long = клиент прислал сообщение длиннее предела в { $max } байт; соединение закрыто
server-bye-request-too-long = клиент прислал запрос длиннее предела в { $max } байт; большую работу (импорт) отправляйте частями
server-bye-garbage = клиент прислал данные, которые не являются сообщением merzim; соединение закрыто (это консоль merzim той же версии?)
server-bye-busy = сервер merzim уже обслуживает { $max } соединений, это его предел; повторите чуть позже или попросите администратора увеличить --max-connections
server-error-live = сервер merzim уже слушает '{ $path }'; сначала остановите его или укажите другой --socket
server-error-not-a-socket = '{ $path }' существует и не является сокетом; удалите его или укажите другой --socket
server-error-bind = не удалось слушать '{ $path }': { $error }
server-error-permissions = не удалось установить группу и права для '{ $path }': { $error }
server-error-no-group = в системной базе групп нет группы '{ $group }'; создайте её (groupadd) или укажите другую --group
server-error-activation = сокет, переданный systemd, нельзя использовать: { $error }
server-error-log = не удалось открыть файл журнала '{ $path }': { $error }
server-error-runtime = сервер merzim не может работать: { $error }
