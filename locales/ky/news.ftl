## The organisation's news: the subscription

menu-subscription = 🔔 Уюмдун жаңылыктары
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
    Сиз жазылган эмес элеңиз. Төмөнкү баскыч же /subscribe буйругу менен жазыла аласыз.
subscription-stopped =
    <b>Уюмдун жаңылыктары</b>
    Жазылууңуз токтотулду — жаңылыктар мындан ары келбейт. Кайра жазылуу үчүн төмөнкү баскычты басыңыз же /subscribe буйругун колдонуңуз.
subscription-region = Аймак: { $region }.
subscription-region-none = Аймак көрсөтүлгөн эмес: жалпы жаңылыктар гана келет.
subscription-region-choose = 📍 Аймакты көрсөтүү
subscription-region-clear = Аймакты көрсөтпөө
subscription-back = ⬅️ Артка
subscription-region-ask =
    <b>Аймагыңыз</b>
    Аймагыңызды көрсөтсөңүз, ошол аймакка гана тиешелүү жаңылыктар да келет. Бул милдеттүү эмес.

## Broadcasts: what subscribers see, and the staff's status messages

news-link = 🔗 Кененирээк
broadcast-unsubscribe = 🔕 Жаңылыктарга жазылууну токтотуу
broadcast-unsubscribed = Жаңылыктарга жазылууңуз токтотулду. Кайра жазылуу: /subscribe
broadcast-pause = ⏸ Тыныгуу
broadcast-resume = ▶️ Улантуу
broadcast-cancel = ✖️ Жокко чыгаруу
broadcast-open = Таратууну ачуу
broadcast-state-awaiting = экинчи редактордун макулдугун күтүүдө
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
    Жөнөтүлдү: { $sent }. Жеткирилген жок: { $failed }. Ботту бөгөттөп, жазылуусу токтотулгандар: { $blocked }.{ $unsent ->
        [0] {""}
       *[other] {" "}Жөнөтүлгөнгө чейин жазылуусун токтоткондор: { $unsent }.
    }
broadcast-report-cancelled =
    <b>№{ $id } таратуу жокко чыгарылды.</b>
    Жокко чыгарылганга чейин жөнөтүлдү: { $sent }. Жеткирилген жок: { $failed }. Ботту бөгөттөп, жазылуусу токтотулгандар: { $blocked }. Жөнөтүлгөн жок: { $unsent }.
broadcast-approval-asked = №{ $id } таратуу макулдукту күтүүдө: аны башка редактор даярдаган. Текстти жана алуучуларды көрүү үчүн ачып, макулдук бериңиз же четке кагыңыз.

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
