# The console's own behaviour: prompts, feedback, confirmations.
