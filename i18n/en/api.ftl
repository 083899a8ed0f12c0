# The service's door (src/service/api.rs): answers a client cannot use.
api-unexpected-answer = the service gave an unexpected answer ('{ $answer }'); restart the console, and if it happens again tell the administrator
api-bad-form = '{ $form }' is not a form's name: write 1 to 32 lower-case Latin letters, digits or '-'
api-no-version = a change must say which version of the case it was based on; reload the case and try again
