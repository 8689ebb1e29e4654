## The organisation's news: the subscription

subscription-start = 🔔 Жазылуу
subscription-stop = 🔕 Жазылууну токтотуу
subscription-language-ky = кыргыз тилинде
subscription-language-ru = орус тилинде
subscription-off =
    <b>Уюмдун жаңылыктары</b>
    Уюмдун жаңылыктарын жана кабарларын ушул чатта алуу үчүн жазылыңыз. Жазылууну каалаган убакта ушул жерден же /unsubscribe буйругу менен токтото аласыз.
subscription-on =
    <b>Уюмдун жаңылыктары</b>
    Сиз жазылгансыз: уюмдун жаңылыктары жана кабарлары ушул чатка { $language } келет. Боттун тилин өзгөртсөңүз, алар жаңы тилде келет. Жазылууну ушул жерден же /unsubscribe буйругу менен токтото аласыз.
subscription-none =
    <b>Уюмдун жаңылыктары</b>
    Сиз жазылган эмессиз. Төмөнкү баскыч же /subscribe буйругу менен жазыла аласыз.
subscription-stopped =
    <b>Уюмдун жаңылыктары</b>
    Жазылууңуз токтотулду — жаңылыктар мындан ары келбейт. Кайра жазылуу үчүн төмөнкү баскычты басыңыз же /subscribe буйругун колдонуңуз.
subscription-region = Аймак: { $region }.
subscription-region-none = Аймак көрсөтүлгөн жок: жалпы жаңылыктар гана келет.
subscription-region-choose = 📍 Аймакты көрсөтүү
subscription-region-clear = Аймакты көрсөтпөө
subscription-back = ⬅️ Артка
subscription-region-ask =
    <b>Аймагыңыз</b>
    Аймагыңызды көрсөтсөңүз, ошол аймакка гана тиешелүү жаңылыктар да келет. Бул милдеттүү эмес.

## Broadcasts: what subscribers see, and the staff's status messages

news-link = 🔗 Толугураак
broadcast-unsubscribe = 🔕 Жаңылыктарга жазылууну токтотуу
broadcast-unsubscribed = Жаңылыктарга жазылууңуз токтотулду. Кайра жазылуу: /subscribe
broadcast-pause = ⏸ Токтото туруу
broadcast-resume = ▶️ Улантуу
broadcast-cancel = ✖️ Жокко чыгаруу
broadcast-open = Таратууну ачуу
broadcast-state-awaiting = экинчи редактордун жактыруусун күтүүдө
broadcast-state-scheduled = пландалган
broadcast-state-sending = жөнөтүлүүдө
broadcast-state-paused = тыныгууда
broadcast-state-done = аяктады
broadcast-state-cancelled = жокко чыгарылды
broadcast-state-rejected = четке кагылды
broadcast-status =
    <b>№{ $id } таратуу</b>: { $state }
    Жөнөтүлдү: { $total } ичинен { $sent }
    Жеткирилген жок: { $failed }
    Ботту бөгөттөгөндөр (жазылуусу токтотулду): { $blocked }
    Калды: { $remaining }
broadcast-report-done =
    <b>№{ $id } таратуу аяктады.</b>
    Жөнөтүлдү: { $sent }. Жеткирилген жок: { $failed }. Ботту бөгөттөгөндөр (жазылуусу токтотулду): { $blocked }.{ $unsent ->
        [0] {""}
       *[other] {" "}Жөнөтүлгөнгө чейин жазылуусун токтоткондор: { $unsent }.
    }
broadcast-report-cancelled =
    <b>№{ $id } таратуу жокко чыгарылды.</b>
    Жокко чыгарылганга чейин жөнөтүлдү: { $sent }. Жеткирилген жок: { $failed }. Ботту бөгөттөгөндөр (жазылуусу токтотулду): { $blocked }. Жөнөтүлгөн жок: { $unsent }.
broadcast-approval-asked = №{ $id } таратуу жактырууну күтүүдө: аны башка редактор даярдаган. Текстти жана алуучуларды көрүү үчүн ачып, жактырыңыз же четке кагыңыз.

## The news feed

menu-news = 📰 Уюмдун жаңылыктары
news-heading = 📰 <b>Жаңылыктар</b> · { $date } · { $total } ичинен { $position }
news-empty =
    <b>Уюмдун жаңылыктары</b>
    Кыргыз тилинде азырынча жаңылык жок. Алар чыкканда алуу үчүн жазылыңыз.
news-older = ◀️ Мурунку
news-newer = Кийинки ▶️
news-subscription = 🔔 Жазылуу
broadcast-not-subscribed = Сиз жаңылыктарга жазылган эмессиз.

## Staff: /publish

publish-not-allowed = Сизде мындан ары редактордун ролу жок: жарыялоо токтотулду.
publish-language-ky = Кыргызча
publish-language-ru = Орусча
publish-skip = Бул тилди өткөрүп жиберүү
publish-ask-text = <b>Жаңылыктын { $in } тексти</b>
    Текстти бир билдирүү менен жөнөтүңүз, { $max } белгиге чейин. Эгер { $in } текст болбосо, «Бул тилди өткөрүп жиберүү» баскычын басыңыз: { $in } окуган жазылуучулар жаңылыкты алышпайт.
publish-hint-one-text = Жок дегенде бир тилде текст керек. Орусча текстти жөнөтүңүз же «Жокко чыгаруу» баскычын басыңыз.
publish-hint-text = Текстти { $in } бир билдирүү менен жөнөтүңүз.
publish-hint-too-long = Текст өтө узун: { $length } белги, { $max } белгиден ашпашы керек. Кыскартып, кайра жөнөтүңүз.
publish-no-photo = Сүрөтсүз
publish-ask-photo = <b>Сүрөт</b>
    Жаңылыкка бир сүрөт жөнөтүңүз же «Сүрөтсүз» баскычын басыңыз. Сүрөт кошсоңуз, текст сүрөттүн астындагы жазуу болуп калат, ошондуктан ар бир текст { $max } белгиден ашпашы керек.
publish-hint-photo = Сүрөттү (файл катары эмес, сүрөт катары) жөнөтүңүз же «Сүрөтсүз» баскычын басыңыз.
publish-hint-caption = Сүрөт кошсоңуз, текст сүрөттүн астындагы жазуу болот, ал { $max } белгиден ашпашы керек (азыр { $length }). «Сүрөтсүз» баскычын басыңыз же жокко чыгарып, текстти кыскартыңыз.
publish-no-link = Шилтемесиз
publish-ask-link = <b>Шилтеме</b>
    Жаңылыктын астында «Толугураак» баскычы боло турган шилтемени (https:// менен башталат) жөнөтүңүз же «Шилтемесиз» баскычын басыңыз.
publish-hint-link = Шилтеме https:// менен башталышы керек. Аны кайра жөнөтүңүз же «Шилтемесиз» баскычын басыңыз.
publish-preview-for = <b>Жаңылыкты { $in } окугандар мындай көрүшөт:</b>
publish-preview-done = <b>Жогорудагы алдын ала көрүүнү текшериңиз.</b> Жаңылыкты «Жаңылыктар» бөлүмүнө гана жарыялайсызбы же жарыялап, жазылуучуларга да таратасызбы?
publish-preview-missing = Жаңылыктын { $in } тексти жок: { $in } окугандар аны «Жаңылыктар» бөлүмүнөн көрүшпөйт жана таратуудан алышпайт.
publish-publish = 📰 Жарыялоо
publish-and-broadcast = 📣 Жарыялоо жана таратуу
publish-hint-button = Билдирүүнүн астындагы баскыч менен тандаңыз.
publish-done = №{ $id } жаңылык «Жаңылыктар» бөлүмүнө жарыяланды (/news). Аны /published аркылуу өзгөртүп же алып салсаңыз болот.
publish-cancelled = Жарыялоо жокко чыгарылды, эч нерсе сакталган жок.
publish-audience-all-languages = Бардык тилдер
publish-audience-all-regions = Бардык аймактар
publish-ask-audience-language = <b>Кимге таратуу керек?</b> Адегенде жазылуучулардын тили.
publish-ask-audience-region = Кайсы аймактагы жазылуучуларга? Аймагын көрсөтпөгөн жазылуучулар бардык аймактар үчүн таратууну гана алышат.
publish-audience-count = Алуучулар: { $count }.
publish-audience-no-text = Дагы { $count } жазылуучу { $in } окуйт, бирок ал тилде текст жок: алар эч нерсе алышпайт.
publish-ask-when = Качан жөнөтүү керек?
publish-now = Азыр
publish-later = Убакытын белгилөө
publish-ask-time = Бишкек убактысы боюнча күндү жана саатты жөнөтүңүз, мисалы: { $example }
publish-hint-time = Убакытты түшүнө албадым. Күндү жана саатты мындай жазыңыз: { $example }
publish-hint-time-range = Бул убакыт өтүп кеткен. Азыркыдан кийинки убакытты жөнөтүңүз.
publish-send = ✅ Жарыялоо жана таратуу
publish-at = Жөнөтүү: { $time } (Бишкек).
publish-at-once = Жөнөтүү: дароо.
publish-approval-needed = Жөнөтүүдөн мурун таратууну экинчи редактор же администратор жактырышы керек.
publish-broadcast-awaiting = №{ $news } жаңылык жарыяланды. №{ $id } таратуу жактырууну күтүүдө: сурам башка редакторлорго жана администраторлорго жөнөтүлдү. Жактырылганда, жөнөтүүнүн жүрүшү тууралуу билдирүү аласыз. Бардык таратуулар: /broadcasts
publish-broadcast-scheduled = №{ $news } жаңылык жарыяланды. №{ $id } таратуу { $time } (Бишкек) убактысына пландалды. Бардык таратуулар: /broadcasts
publish-broadcast-sending = №{ $news } жаңылык жарыяланды. №{ $id } таратуу башталды: төмөндө жөнөтүүнүн жүрүшү тууралуу билдирүү чыгат.

## Staff: published news

news-staff-heading = <b>Жарыяланган жаңылыктар</b>, жаңылары биринчи. Өзгөртүү же алып салуу үчүн тандаңыз.
news-staff-empty = Жарыяланган жаңылыктар жок. Жаңысы: /publish
news-staff-item = <b>№{ $id } жаңылык</b> · { $date } · { $state }
news-staff-published = «Жаңылыктар» бөлүмүндө
news-staff-withdrawn = алынып салынган
news-staff-has-photo = Сүрөтү бар.
news-staff-edit = ✏️ Текстти өзгөртүү
news-staff-unpublish = 🗑 Алып салуу
news-staff-back = ⬅️ Тизмеге
news-staff-unpublished = Жаңылык «Жаңылыктар» бөлүмүнөн алынды.
news-staff-not-published = Бул жаңылык «Жаңылыктар» бөлүмүндө жок.
news-staff-missing = №{ $id } жаңылык жок.
news-edit-ask-language = №{ $id } жаңылыктын кайсы тилдеги текстин өзгөртөсүз?
news-edit-ask-text = Жаңы { $in } текстти жөнөтүңүз, { $max } белгиге чейин.
news-edit-remove = Текстти өчүрүү ({ $in })
news-edit-done = №{ $id } жаңылык өзгөртүлдү.

## Staff: broadcasts

broadcast-panel =
    <b>№{ $id } таратуу</b>: { $state }
    Алуучулар: { $audience } — { $count }
    Убакыт: { $time }
broadcast-own-awaiting = Бул сиздин таратууңуз: аны башка редактор же администратор жактырышы керек.
broadcast-approve = ✅ Жактыруу
broadcast-reject = ❌ Четке кагуу
broadcast-list = ⬅️ Бардык таратуулар
broadcast-list-heading = <b>Таратуулар</b>, жаңылары биринчи:
broadcast-list-empty = Азырынча таратуу жок. Жаңысы: /publish
broadcast-list-item = №{ $id } · { $state } · жөнөтүлдү { $sent }
broadcast-missing = Мындай таратуу жок.
broadcast-not-own = Өз таратууңузду жактырууга же четке кагууга болбойт: аны экинчи редактор кылат.
broadcast-too-late = Эми болбойт: таратуунун абалы — «{ $state }».
broadcast-done-approve = Жактырылды.
broadcast-done-reject = Четке кагылды.
broadcast-done-pause = Убактылуу токтотулду.
broadcast-done-resume = Уланууда.
broadcast-done-cancel = Жокко чыгарылды.
broadcast-approved = №{ $id } таратуу жактырылды. Жөнөтүү: { $time } (Бишкек); жөнөтүүнүн жүрүшү тууралуу билдирүү келет.
broadcast-rejected = №{ $id } таратууну экинчи редактор четке какты. Жаңылык «Жаңылыктар» бөлүмүндө калды.
whoami-editor = Жаңылыктар жана таратуулар: /publish — жаңы жаңылык, /published — жарыялангандар, /broadcasts — таратуулар.
publish-hint-time-far = { $days } күндөн ашык алдыга пландоого болбойт. Жакыныраак убакытты жөнөтүңүз.
publish-feed-now = Жаңылык «Жаңылыктар» бөлүмүнө (/news) дароо чыгат, ал эми таратуу { $later ->
        [yes] белгиленген убакта
       *[no] дароо
    }{ $approval ->
        [yes] {" "}(жактырылгандан кийин)
       *[no] {""}
    } башталат.
publish-nobody = Таратууга эч ким жок: бир да жазылуучу тексти бар тилде окубайт. Жаңылыкты «Жаңылыктар» бөлүмүнө гана жарыялоого болот.
publish-no-approver = Таратууну жактыра турган эч ким жок: сизден башка ботто редактор же администратор жок. Администратор /staff аркылуу роль бере алат (же жактырууну өчүрүү: BROADCAST_APPROVAL=false). Азырынча жаңылыкты «Жаңылыктар» бөлүмүнө гана жарыялоого болот.
publish-form-open = Сизде башка форма ачык турат. Аны аягына чыгарыңыз же /cancel буйругу менен жокко чыгарып, кайра баштаңыз.
broadcast-heading = 📰 <b>Уюмдун жаңылыктары</b>
broadcast-time = { $time } (Бишкек)
broadcast-time-on-approval = жактырылгандан кийин дароо
news-staff-unpublish-ask = №{ $id } жаңылыкты алып салуу керекпи? Окурмандар аны /news ичинен мындан ары көрүшпөйт. Кайтаруу үчүн аны кайра жарыялоо керек болот.
news-staff-unpublish-yes = 🗑 Ооба, алып салуу
news-staff-unpublish-no = Жок
news-edit-cancelled = Өзгөртүү жокко чыгарылды, жаңылык мурункудай калды.
publish-in-ky = кыргызча
publish-in-ru = орусча
subscription-region-change = 📍 Аймакты өзгөртүү
broadcast-all-languages = бардык тилдер
broadcast-all-regions = бардык аймактар
publish-nobody-here = Бул аудиториядагы эч ким текстти албайт: анда тексттин тилинде окуган жазылуучу жок. Жаңылыкты «Жаңылыктар» бөлүмүнө гана жарыялоого же жокко чыгарууга болот.
broadcast-cancel-ask = №{ $id } таратууну жокко чыгаруу керекпи? Ал али жете электерге жөнөтүлбөйт. Жокко чыгарууну кайтарууга болбойт.
broadcast-cancel-yes = ✖️ Ооба, жокко чыгаруу
broadcast-cancel-no = Жок
broadcast-cancelled-by-other = №{ $id } таратууну башка редактор же администратор жокко чыгарды. Жаңылык «Жаңылыктар» бөлүмүндө калды.
broadcast-approved-now = №{ $id } таратуу жактырылды, жөнөтүү башталууда: анын жүрүшү тууралуу билдирүү келет.
broadcast-list-item-waiting = №{ $id } · { $state }
