## The console over the daemon: who the daemon acts for, and drafts kept on this machine while it was away.

live-caller-changed = A supervisor changed your account: you work as { $login }, { $role }, from now on; the queue is reloaded.
offline-draft-kept = A draft kept on this machine while the daemon was away could not be handed to it ({ $error }); it stays in '{ $path }' and is tried again at the next start.
