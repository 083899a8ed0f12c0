## Drafts: what was typed into a form, saved as typed and offered back on the next start.

draft-offer = Draft "{ $form }" of { $number } from { $time }: reopen it?
draft-offer-new = Draft "{ $form }" from { $time }: reopen it?
draft-kept = The draft is kept: it is offered again at the next start.
draft-reopened = The draft is reopened: check the fields and save.
draft-case-changed = The case changed after this draft was typed (version { $then }, now { $now }): check the fields against the case before saving.
draft-not-saved = The draft could not be saved:
