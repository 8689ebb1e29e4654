## Case management: a caseworker moves a case and reads its history

case-panel = Иш <code>{ $code }</code>: { $status }. Жооптуу: { $assignee }.
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
case-history-hours = Арыз ээсинин аракеттеринин убактысы саатка чейинки тактык менен гана сакталат.
case-actor-reporter = арыз ээси
case-actor-staff = кызматкер { $id }
case-event-submitted = билдирүү жөнөтүлдү
case-event-added = толуктоо кошулду
case-event-withdrawn = кайтарылып алынды
case-event-opened = каралды
case-event-times = (×{ $times })
case-list-title = { $total } иштин { $from }–{ $to }, адегенде жаңылары
case-list-empty = Мындай иштер жок.
case-list-newer = ⬅️ Жаңыраак
case-list-older = Эскирээк ➡️
case-filter-all = баары
case-filter-status = Абалы
case-filter-region = Аймак
case-filter-place = Жер
case-filter-urgent-on = ☑️ Шашылыштар гана
case-filter-urgent-off = ☐ Шашылыштар гана
case-age = { $days } күн
case-take = 👤 Өзүмө алуу
case-give = 👥 Башкага берүү…
case-unassigned = дайындала элек
case-choose-assignee = { $code } ишин кимге беребиз?
case-not-caseworker = Бул адам мындан ары иштер менен иштебейт.
case-assigned-to-you = Сизге <code>{ $code }</code> иши берилди.
case-assignee-not-told = Иш берилди, бирок бул тууралуу билдирүү мүмкүн болгон жок: кызматкер бот менен жеке чатты ачсын.
case-event-assigned = дайындалды: { $assignee }
case-filter-mine-on = ☑️ Менин иштерим
case-filter-mine-off = ☐ Менин иштерим
case-note = 📝 Эскертме
case-note-ask = { $code } ишине эскертме: аны ушул кабарга жооп катары жазыңыз. Арыз ээси аны көрбөйт.
case-note-placeholder = Кызматкерлер үчүн эскертме
case-note-saved = Эскертме { $code } ишинин тарыхына сакталды.
case-note-too-long = Өтө узун: эскертме { $max } белгиден ашпашы керек.
case-event-note = эскертме
export-choose = Бардык иштерди CSV түрүндө жүктөө. Эмнелерди кошобуз?
export-plain = 📄 Жалпы талаалар гана (жеке маалыматсыз)
export-content = 🔓 Чечмеленген тексттер менен…
export-cancel = Жокко чыгаруу
export-content-confirm = Файлда арыз ээлеринин аттары, байланыштары жана баяндары ачык түрдө болот. Аны бөтөн адамдар окуй албаган жерде гана сактаңыз. Жүктөө журналга жазылат. Улантабызбы?
export-content-yes = Ооба, тексттер менен жүктөө
export-cancelled = Жүктөө жокко чыгарылды.
export-preparing = Файлды даярдап жатам…
export-done-plain = Иштер: жалпы талаалар. Убакыт — Бишкек убактысы.
export-done-content = Чечмеленген тексттери менен иштер. Убакыт — Бишкек убактысы. Бул файлды башкаларга жибербеңиз.

## Replies to the reporter, consent to share, files, deadlines and retention

case-reply = 💬 Арыз ээсине жооп берүү
case-reply-ask = { $code } иши боюнча арыз ээсине жооп: аны ушул кабарга жооп катары жазыңыз. Жооп сиздин атыңыздан эмес, уюмдун атынан жөнөтүлөт.
case-reply-placeholder = Арыз ээсине жооп
case-reply-too-long = Жооп жөнөтүлгөн жок: анда { $length } белги бар, { $max } белгиден ашпашы керек. Кыскартып, кайра жазыңыз.
case-reply-how = Жооп жөнөтүлгөн жок. Арыз ээсине жооп «💬 { $code } иши боюнча арыз ээсине жооп» кабарына жооп катары жазылганда гана жөнөтүлөт: ошол кабарды басып, «Жооп берүү» дегенди тандаңыз да, текстти кайра жөнөтүңүз.
case-reply-sent = { $code } иши боюнча жооп сакталды жана арыз ээсинин чатына жөнөтүлүүдө.
case-reply-kept = { $code } иши боюнча жооп сакталды. Арыз ээси чатта жооп сураган эмес: ал кайрылуусун код жана PIN менен текшергенде жоопту окуйт.
case-reply-refused = Жооп берүүгө болбойт: { $code } иши кайтарылып алынган, маалыматтары өчүрүлгөн же мындай иш жок.
case-ask-consent = 🤝 Өткөрүп берүүгө макулдугун суроо
case-consent-asked = Арыз ээсинен өз чатында суралды. Жообу иштин тарыхында көрүнөт.
case-consent-already = { $state ->
    [yes] Арыз ээси байланыш маалыматтарын өткөрүп берүүгө макулдугун берген.
    [no] Арыз ээси байланыш маалыматтарын өткөрүп берүүдөн баш тарткан. Андан кайра суралбайт.
   *[asked] Арыз ээсинен суралган; жооп азырынча жок.
}
case-consent-unreachable = Арыз ээси жооп үчүн чат калтырган эмес, андыктан бот аркылуу суроого болбойт. Анын макулдугусуз байланыш маалыматтары берилбейт.
case-consent-refused = Суроого болбойт: иш кайтарылып алынган, маалыматтары өчүрүлгөн же мындай иш жок.
case-share-consent = Байланыш маалыматтарын өткөрүп берүүгө макулдук: { $state ->
    [asked] суралды, жооп азырынча жок
    [yes] берилди
    [no] берилген жок
   *[none] суралган эмес
}
case-contact-withheld = берилбейт (арыз ээси макулдук берген жок)
case-referral-title = Өткөрүп берүү үчүн { $code } иши
case-evidence = 📎 Файлдарды көрсөтүү
case-evidence-header = <b><code>{ $code }</code> ишинин файлдары</b> ({ $count }):
case-already-assigned = Иш буга чейин эле ушул кызматкерде.
case-evidence-none = Иште файлдар жок.
case-extend = 🗄 Узагыраак сактоо
case-extend-none = { $code } иши үчүн өчүрүү мөөнөтү белгиленген эмес: ал жабыла элек же маалыматтары өчүрүлүп калган.
case-extended = { $code } ишинин маалыматтары { $date } датасына чейин сакталат (дагы { $days } күн).
case-retain-until = Жеке маалыматтар { $date } өткөндөн кийин өчүрүлөт.
case-purged = Жеке маалыматтар { $date } күнү өчүрүлгөн; статистика үчүн маалыматтар гана калды.
case-purged-content = Бул иштин жеке маалыматтары сактоо мөөнөтү бүткөндө өчүрүлгөн.
case-event-reply = арыз ээсине жооп
case-event-answer = арыз ээсинин жообу
case-event-consent-asked = маалыматтарды өткөрүп берүүгө макулдук суралды
case-event-consent = өткөрүп берүүгө макулдук: { $detail ->
    [yes] ооба
   *[no] жок
}
case-event-evidence = файлдар каралды
case-event-retention-extended = сактоо { $detail } күнгө узартылды
case-event-purged = жеке маалыматтар сактоо мөөнөтү бүткөндө өчүрүлдү
case-event-text-deleted = (текст жеке маалыматтар менен кошо өчүрүлдү)
case-filter-overdue-on = ☑️ Мөөнөтү өткөндөр
case-filter-overdue-off = ☐ Мөөнөтү өткөндөр
case-filter-reset = ✖️ Чыпкаларды алып салуу
case-reporter-wrote = { $kind ->
    [answer] Арыз ээси <code>{ $code }</code> иши боюнча жооп берди.
    [consent-yes] Арыз ээси <code>{ $code }</code> иши боюнча маалыматтарды өткөрүп берүүгө макул болду.
    [consent-no] Арыз ээси <code>{ $code }</code> иши боюнча маалыматтарды өткөрүп берүүгө макул болгон жок.
   *[added] Арыз ээси <code>{ $code }</code> ишин толуктады.
}
digest =
    <b>{ $date } күнкү кыскача маалымат</b>
    Жаңы, али ишке алына элек: { $fresh }
    Шашылыш жана ачык: { $urgent }
    Мөөнөтү өткөн: { $overdue }
retention-warning = Жабылган иштердин ({ $count }) жеке маалыматтары 14 күндөн кечиктирбей өчүрүлөт. Узагыраак сактоо үчүн иштин астындагы баскычты басыңыз.
case-actor-system = бот (сактоо мөөнөтү)
