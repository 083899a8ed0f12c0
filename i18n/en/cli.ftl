# The command line: errors and human-readable output.
