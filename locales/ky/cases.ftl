## Case management: a caseworker moves a case and reads its history

case-panel = Иш <code>{ $code }</code>: { $status }. Эмне кылабыз?
case-move-in-review = 🔎 Кароого алуу
case-move-needs-information = ❓ Маалымат керек
case-move-referred = 📤 Өткөрүлүп берилди…
case-move-closed = ✅ Жабуу…
case-history = 🕓 Тарыхы
case-choose-referred = { $code } иши кайда өткөрүлүп берилди?
case-choose-closed = { $code } иши эмне үчүн жабылат?
case-referred-prosecutor = прокуратурага
case-referred-ombudsman = Акыйкатчыга (Омбудсменге)
case-closed-acted-on = чаралар көрүлдү
case-closed-referred-elsewhere = башка органга өткөрүлдү
case-closed-no-contact = арыз ээси менен байланыш жок
case-closed-outside-mandate = биздин милдетибизге кирбейт
case-closed-duplicate = башка иштин кайталанышы
case-move-refused = Иш өзгөрүп калды: азыр «{ $status }». Баскычтар жаңыртылды.
case-history-title = { $code } ишинин тарыхы
case-actor-reporter = арыз ээси
case-actor-staff = кызматкер { $id }
case-event-submitted = билдирүү жөнөтүлдү
case-event-added = толуктоо кошулду
case-event-withdrawn = кайтарылып алынды
case-event-opened = ачылды
