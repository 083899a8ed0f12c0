## The console over the daemon's socket (merzim --connect): the link and live updates.

client-unreachable = Cannot reach the daemon at '{ $path }': { $error }; is 'merzim serve' running there?
client-incompatible = The daemon at '{ $path }' speaks protocol { $theirs }, this merzim { $ours }: use the merzim that came with the daemon.
client-broken = The daemon at '{ $path }' broke the handshake: { $detail }
client-reconnecting = The daemon at { $socket } is not answering; reconnecting...
client-reference = The daemon's calendar or register could not be read: { $error }
link-offline = Offline ({ $socket }): { $why }
link-back = Connected to { $socket } again: the queue is reloaded.
header-socket = via { $socket }
header-offline = OFFLINE
live-form-changed = Case { $number } was changed meanwhile by someone else: saving will show what changed.
config-bad-socket = { $path }, line { $line }: 'socket' is the path of the daemon's socket, e.g. "/run/merzim/merzim.sock", not { $value }.
