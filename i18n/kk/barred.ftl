# Қызмет неге бас тартады (src/service/barred.rs).
service-barred-acts-on-own = '{ $number }' ісі '{ $owner }' маманына берілген; маман өз істерімен және ешкімге берілмеген істермен жұмыс істейді.
service-barred-sees-own = '{ $number }' ісі '{ $owner }' маманына берілген; маман өз істерін және ешкімге берілмеген істерді көреді.
service-barred-assigns-others = Істі басқа маманға ('{ $to }') тек басшы бере алады.
service-barred-auditor = Аудитор барлық істі оқиды, бірақ ештеңені өзгертпейді.
service-barred-manages-users = Пайдаланушыларды тек басшы басқарады (басшылар: { $supervisors }).
