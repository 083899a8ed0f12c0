## `merzim serve` қызметі (issue 9): клиенттерге қоштасу хабарлары және іске қосу қателері

server-bye-shutdown = merzim сервері тоқтап жатыр; жобаларыңыз сақталған, сервер қайта қосылғанда консоль өзі қосылады
server-bye-frame-too-long = клиент { $max } байт шегінен ұзын хабар жіберді; байланыс жабылды
server-bye-request-too-long = клиент { $max } байт шегінен ұзын сұрау жіберді; үлкен жұмысты (импортты) бірнеше бөлікпен жіберіңіз
server-bye-garbage = клиент merzim хабары емес деректер жіберді; байланыс жабылды (бұл осы нұсқадағы merzim консолі ме?)
server-bye-busy = merzim сервері { $max } байланысқа қызмет көрсетіп тұр, бұл оның шегі; сәлден кейін қайталаңыз немесе әкімшіден --max-connections мәнін арттыруды сұраңыз
server-error-live = '{ $path }' сокетін merzim сервері тыңдап тұр; алдымен оны тоқтатыңыз немесе басқа --socket беріңіз
server-error-not-a-socket = '{ $path }' бар, бірақ ол сокет емес; оны өшіріңіз немесе басқа --socket беріңіз
server-error-bind = '{ $path }' сокетін тыңдау мүмкін емес: { $error }
server-error-permissions = '{ $path }' үшін топ пен рұқсаттарды орнату мүмкін емес: { $error }
server-error-no-group = жүйенің топтар дерекқорында '{ $group }' тобы жоқ; оны жасаңыз (groupadd) немесе басқа --group беріңіз
server-error-activation = systemd берген сокетті пайдалану мүмкін емес: { $error }
server-error-log = '{ $path }' журнал файлын ашу мүмкін емес: { $error }
server-error-runtime = merzim сервері жұмыс істей алмайды: { $error }
