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
