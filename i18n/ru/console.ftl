# The console's own behaviour: prompts, feedback, confirmations.

## Ошибки в файлах настроек (config.toml): видны в нижней строке, пока их не скроют.
problem-counter = [{ $n }/{ $total }, { $key } — скрыть]
problem-counter-no-key = [{ $n }/{ $total }]
config-unreadable-permission = Не удаётся прочитать файл настроек '{ $path }' (нет прав доступа); действуют настройки по умолчанию
config-unreadable-directory = Не удаётся прочитать файл настроек '{ $path }' (это каталог); действуют настройки по умолчанию
config-unreadable-not-utf8 = Не удаётся прочитать файл настроек '{ $path }' (это не текст в UTF-8); действуют настройки по умолчанию
config-unreadable = Не удаётся прочитать файл настроек '{ $path }' (файл не читается); действуют настройки по умолчанию
config-syntax = { $path }:{ $line }: это не TOML ({ $detail }); действуют настройки по умолчанию
config-unknown-key = { $path }:{ $line }: настройки '{ $key }' нет; есть { $valid }
config-bad-lang = { $path }:{ $line }: языка '{ $value }' нет; укажите { $valid }
config-bad-keymap = { $path }:{ $line }: раскладки клавиш '{ $value }' нет; укажите { $valid }
config-not-a-switch = { $path }:{ $line }: '{ $key }' — это true или false, а не '{ $value }'
keymap-unknown-option = раскладки клавиш '{ $name }' нет; укажите { $valid }; действуют стандартные клавиши
