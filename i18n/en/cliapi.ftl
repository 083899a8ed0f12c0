# Exports, backups, imports and users through the service's door (src/service/transfer.rs,
# src/cli/session.rs): what the service refuses, and the database a daemon owns.
transfer-export-forbidden = '{ $login }' ({ $role }) may not export or back up the database: it holds every case, and only a supervisor or an auditor reads them all
transfer-import-forbidden = '{ $login }' ({ $role }) may not import cases: only a supervisor does
transfer-unknown-handle = transfer { $handle } is not open in this session (it ended, expired after 10 minutes unused, or belongs to another session); start again
transfer-wrong-handle = transfer { $handle } goes the other way (an export is read, an import is written); start again
transfer-chunk-too-big = a piece of { $bytes } bytes is too big: send at most { $max } bytes at a time
transfer-bad-offset = offset { $offset } is past the end of the export ({ $size } bytes)
transfer-too-many = { $max } transfers are open in this session already; finish one or wait 10 minutes
transfer-disk = the service cannot write its temporary copy of the transfer: { $error }; free some space and try again
cliapi-served = the database '{ $path }' is in use by merzim serve; use: merzim --connect '{ $socket }' COMMAND ...
