## Нақты мекеменің пайдаланушылары (issue 8, 5-бөлім): `merzim users ...`, тексеруші рөлі

role-auditor = тексеруші
users-error-disabled = '{ $login }' (uid { $uid }) бұл дерекқорда өшірілген; оны басшы қайта қоса алады: 'merzim users enable { $login }' (басшылар: { $supervisors })
users-error-disabled-alone = '{ $login }' (uid { $uid }) бұл дерекқорда өшірілген, ал дерекқорда басшы жоқ: басшыны дерекқор иесі қосады, ал басшы пайдаланушыны 'merzim users enable { $login }' пәрменімен қайта қосады
users-error-not-supervisor = '{ $who }' пайдаланушыларды басқара алмайды: мұны тек басшы істейді (басшылар: { $supervisors })
users-error-not-supervisor-alone = '{ $who }' пайдаланушыларды басқара алмайды: мұны тек басшы істейді, ал бұл дерекқорда әлі басшы жоқ: оны дерекқор иесі қосады
users-error-not-owner = '{ $path }' дерекқорында әлі басшы жоқ: бірінші пайдаланушыны оның иесі '{ $owner }' қосады; пәрменді '{ $owner }' атынан орындаңыз (мысалы, sudo -u { $owner } merzim ...)
users-error-exists = '{ $login }' бұл дерекқордың пайдаланушысы болып тұр ({ $role }); рөлін 'merzim users set-role { $login } РӨЛ' пәрменімен өзгертіңіз
users-error-not-a-user = '{ $login }' бұл дерекқордың пайдаланушысы емес; басшы оны 'merzim users add { $login } --role officer' пәрменімен қосады
users-error-last-supervisor = '{ $login }' — бұл дерекқордың соңғы белсенді басшысы: пайдаланушыларды басқаратын адам қалуы үшін алдымен басқа пайдаланушыны басшы етіңіз
users-error-login-taken = '{ $login }' логині бұл дерекқорда uid { $uid } иесіне тиесілі
users-error-empty-name = пайдаланушының аты бос болмауы керек; --name "..." беріңіз немесе атты есептік жазбадан алу үшін оны көрсетпеңіз
users-error-no-account = жүйенің пайдаланушылар дерекқорында '{ $login }' есептік жазбасы жоқ; жазылуын тексеріңіз немесе алдымен есептік жазбаны жасаңыз (useradd)
users-error-no-uid = uid { $uid } жүйенің пайдаланушылар дерекқорында жоқ; ол үшін есептік жазба жасаңыз
users-error-lookup = жүйенің пайдаланушылар дерекқорын оқу мүмкін емес: { $error }
users-added = '{ $login }' ({ $name }, uid { $uid }) '{ $path }' дерекқорына қосылды, рөлі: { $role }
users-role-set = '{ $login }' рөлі енді: { $role }
users-disabled = '{ $login }' өшірілді: басшы қайта қоспайынша merzim оны кіргізбейді ('merzim users enable { $login }')
users-enabled = '{ $login }' қайта қосылды
users-none = '{ $path }' дерекқорында әлі пайдаланушы жоқ; біріншісін оның иесі қосады: 'merzim --db { $path } users add ЛОГИН --role supervisor'
users-column-login = логин
users-column-name = аты
users-column-uid = uid
users-column-role = рөлі
users-column-state = күйі
users-state-enabled = белсенді
users-state-disabled = өшірілген
