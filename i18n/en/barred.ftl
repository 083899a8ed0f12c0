# Why the service refuses a caller (src/service/barred.rs).
service-barred-acts-on-own = Case '{ $number }' is assigned to '{ $owner }'; an officer acts on own and unassigned cases.
service-barred-sees-own = Case '{ $number }' is assigned to '{ $owner }'; an officer sees own and unassigned cases.
service-barred-assigns-others = Only a supervisor assigns a case to someone else ('{ $to }').
service-barred-auditor = An auditor reads every case and changes none.
service-barred-manages-users = Only a supervisor manages users (supervisors: { $supervisors }).
