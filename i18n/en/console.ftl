# The console's own behaviour: prompts, feedback, confirmations.

## Problems in the officer's settings files (config.toml), shown on the bottom line until dismissed.
problem-counter = [{ $n }/{ $total }, { $key } hides]
problem-counter-no-key = [{ $n }/{ $total }]
config-unreadable-permission = Cannot read your settings file '{ $path }' (permission denied); the defaults are used
config-unreadable-directory = Cannot read your settings file '{ $path }' (it is a directory); the defaults are used
config-unreadable-not-utf8 = Cannot read your settings file '{ $path }' (it is not UTF-8 text); the defaults are used
config-unreadable = Cannot read your settings file '{ $path }' (it cannot be read); the defaults are used
config-syntax = { $path }:{ $line }: not valid TOML ({ $detail }); the defaults are used
config-unknown-key = { $path }:{ $line }: no setting '{ $key }'; the settings are { $valid }
config-bad-lang = { $path }:{ $line }: no language '{ $value }'; use { $valid }
config-bad-keymap = { $path }:{ $line }: no keymap '{ $value }'; use { $valid }
config-not-a-switch = { $path }:{ $line }: '{ $key }' is true or false, not '{ $value }'
keymap-unknown-option = no keymap '{ $name }'; use { $valid }; the default keys are used
