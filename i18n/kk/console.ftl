# The console's own behaviour: prompts, feedback, confirmations.

## Баптау файлындағы (config.toml) қателер: жасырылғанша төменгі жолда тұрады.
problem-counter = [{ $n }/{ $total }, { $key } — жасыру]
problem-counter-no-key = [{ $n }/{ $total }]
config-unreadable-permission = '{ $path }' баптау файлы оқылмады (оқуға рұқсат жоқ); әдепкі баптаулар қолданылады
config-unreadable-directory = '{ $path }' баптау файлы оқылмады (бұл — каталог); әдепкі баптаулар қолданылады
config-unreadable-not-utf8 = '{ $path }' баптау файлы оқылмады (бұл UTF-8 мәтіні емес); әдепкі баптаулар қолданылады
config-unreadable = '{ $path }' баптау файлы оқылмады (файл оқылмайды); әдепкі баптаулар қолданылады
config-syntax = { $path }:{ $line }: файл дұрыс TOML емес ({ $detail }); әдепкі баптаулар қолданылады
config-unknown-key = { $path }:{ $line }: '{ $key }' деген баптау жоқ; баптаулар: { $valid }
config-bad-lang = { $path }:{ $line }: '{ $value }' деген тіл жоқ; { $valid } деп жазыңыз
config-bad-keymap = { $path }:{ $line }: '{ $value }' деген пернелер картасы жоқ; { $valid } деп жазыңыз
config-not-a-switch = { $path }:{ $line }: '{ $key }' мәні — true не false, '{ $value }' емес
keymap-unknown-option = '{ $name }' деген пернелер картасы жоқ; { $valid } деп жазыңыз; стандартты пернелер қолданылады
