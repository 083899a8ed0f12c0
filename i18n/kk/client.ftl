## Демон сокеті арқылы жұмыс істейтін консоль (merzim --connect): байланыс және жаңартулар.

client-unreachable = '{ $path }' мекенжайындағы демонға қосылу мүмкін емес: { $error }; онда 'merzim serve' іске қосылған ба?
client-incompatible = '{ $path }' мекенжайындағы демон { $theirs } хаттамасын қолданады, ал бұл merzim — { $ours }: демонмен бірге келген merzim-ді пайдаланыңыз.
client-broken = '{ $path }' мекенжайындағы демон байланыс орнатуды үзді: { $detail }
client-reconnecting = { $socket } демоны жауап бермей тұр; қайта қосылуда...
client-reference = Демонның күнтізбесін немесе қызметтер тізілімін оқу мүмкін болмады: { $error }
link-offline = Байланыс жоқ ({ $socket }): { $why }
link-back = { $socket } қайта қосылды: тізім жаңартылды.
header-socket = { $socket } арқылы
header-offline = БАЙЛАНЫС ЖОҚ
live-form-changed = { $number } ісін осы уақытта басқа біреу өзгертті: сақтағанда не өзгергені көрсетіледі.
config-bad-socket = { $path }, { $line }-жол: 'socket' — демон сокетінің жолы, мысалы "/run/merzim/merzim.sock", { $value } емес.
