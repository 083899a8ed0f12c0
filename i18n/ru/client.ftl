## Консоль через сокет демона (merzim --connect): связь и обновления на лету.

client-unreachable = Не удаётся связаться с демоном по адресу '{ $path }': { $error }; запущен ли там 'merzim serve'?
client-incompatible = Демон по адресу '{ $path }' говорит на протоколе { $theirs }, этот merzim — на { $ours }: используйте merzim, поставляемый вместе с демоном.
client-broken = Демон по адресу '{ $path }' прервал установление связи: { $detail }
client-reconnecting = Демон { $socket } не отвечает; переподключение...
client-reference = Не удалось прочитать календарь или реестр услуг демона: { $error }
link-offline = Нет связи ({ $socket }): { $why }
link-back = Связь с { $socket } восстановлена: очередь обновлена.
header-socket = через { $socket }
header-offline = НЕТ СВЯЗИ
live-form-changed = Дело { $number } тем временем изменил кто-то другой: при сохранении будет показано, что изменилось.
config-bad-socket = { $path }, строка { $line }: 'socket' — это путь к сокету демона, например "/run/merzim/merzim.sock", а не { $value }.
