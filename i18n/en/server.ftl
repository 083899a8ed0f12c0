## The daemon `merzim serve` (issue 9): its goodbyes to clients and its start-up errors

server-bye-shutdown = the merzim server is shutting down; your drafts are kept, and the console reconnects when it is back
server-bye-frame-too-long = the client sent a message longer than the limit of { $max } bytes; the connection is closed
server-bye-request-too-long = the client sent a request longer than the limit of { $max } bytes; send long work (an import) in several parts
server-bye-garbage = the client sent something that is not a merzim message; the connection is closed (is it a merzim console of this version?)
server-bye-busy = the merzim server already serves { $max } connections, its limit; try again in a moment, or ask the administrator to raise --max-connections
server-error-live = a merzim server already listens on '{ $path }'; stop it first, or give another --socket
server-error-not-a-socket = '{ $path }' exists and is not a socket; remove it or give another --socket
server-error-bind = cannot listen on '{ $path }': { $error }
server-error-permissions = cannot set the group and mode of '{ $path }': { $error }
server-error-no-group = there is no group '{ $group }' in this system's group database; create it (groupadd) or give another --group
server-error-activation = the socket handed over by systemd cannot be used: { $error }
server-error-log = cannot open the log file '{ $path }': { $error }
server-error-runtime = the merzim server cannot run: { $error }
