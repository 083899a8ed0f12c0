# Letters: the words that go into them, and the messages of `merzim letter`.

## Words inside letters

letter-body-placeholder = [name of the state body]
letter-signer-title-placeholder = [position of the signatory]
letter-signer-name-placeholder = [initials and surname]
letter-ground-verification = the need for additional study or verification of the complaint, or for an on-site inspection
letter-ground-information = the need to obtain additional information
letter-ground-article-verification = Article 25(4)(1) of the Law
letter-ground-article-information = Article 25(4)(2) of the Law
letter-days = { $days ->
    [one] { $days } working day
   *[other] { $days } working days
}
letter-result-satisfied = the complaint is upheld
letter-result-partly = the complaint is partly upheld
letter-result-rejected = the complaint is rejected
letter-result-rendered = the state service has been rendered
letter-result-refused = the state service has been refused
letter-refusal-basis = Article 19-1(2)({ $point }) of the Law of the Republic of Kazakhstan "On state services"
letter-refusal-ground-1 = the documents submitted for the state service, or the data (information) in them, were found to be inaccurate
letter-refusal-ground-2 = the applicant, or the materials, objects, data and information submitted for the state service, do not meet the requirements of the regulatory legal acts of the Republic of Kazakhstan
letter-refusal-ground-3 = the authorised state body gave a negative answer to the request for the approval required for the state service, or an examination, study or inspection gave a negative conclusion
letter-refusal-ground-4 = a court decision (sentence) in force prohibits the applicant's activity, or the kinds of activity, that require the state service
letter-refusal-ground-5 = a court sentence in force deprives the applicant of a special right connected with the state service
letter-refusal-ground-6 = the applicant has not consented, as required by Article 8 of the Law "On personal data and their protection", to access to restricted personal data needed for the state service
letter-refusal-other = { $ground }

## Messages of `merzim letter`

letter-written = letter written to '{ $path }'
letter-no-extension = case '{ $number }' has no recorded extension: an extension notice tells the complainant of one (Art. 25.4); record the extension first
letter-not-decided = case '{ $number }' is not decided yet: the answer states the decision (Art. 5.2.7, Art. 19-1); record the decision first
letter-refused-at-intake = case '{ $number }' was refused at intake (Art. 20.2): no term started and there is no answer letter for it
letter-no-dates = the due dates of case '{ $number }' cannot be computed ({ $reason }), so the letter cannot state them
letter-template = template '{ $path }', line { $line }: { $detail }; fix the template, or remove it to use the shipped one
letter-template-no-line = template '{ $path }': { $detail }; fix the template, or remove it to use the shipped one
letter-unknown-file = '{ $path }' is not a letter template; name them KIND.LANG.txt ('extension-notice.kk.txt', 'answer.ru.txt') or 'office.toml'
letter-not-utf8 = '{ $path }' is not UTF-8 text (at byte { $at }); save it as UTF-8
letter-office = office details '{ $path }': { $detail }
letter-format = '{ $path }' has no letter format; end the file name with '.txt' or '.docx'
letter-docx = the .docx could not be made: { $detail }
