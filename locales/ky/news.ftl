## The organisation's news: the subscription

menu-subscription = 🔔 Уюмдун жаңылыктары
subscription-start = 🔔 Жазылуу
subscription-stop = 🔕 Баш тартуу
subscription-language-ky = кыргыз тилинде
subscription-language-ru = орус тилинде
subscription-off =
    <b>Уюмдун жаңылыктары</b>
    Уюмдун жаңылыктарын жана кабарларын ушул чатта алуу үчүн жазылыңыз. Каалаган убакта ушул жерден же /unsubscribe буйругу менен баш тарта аласыз.
subscription-on =
    <b>Уюмдун жаңылыктары</b>
    Сиз жазылгансыз: уюмдун жаңылыктары жана кабарлары ушул чатка { $language } келет. Боттун тилин алмаштырсаңыз, алар жаңы тилде келет. Ушул жерден же /unsubscribe буйругу менен баш тарта аласыз.
subscription-none =
    <b>Уюмдун жаңылыктары</b>
    Сиз жазылган эмес элеңиз. Төмөнкү баскыч же /subscribe буйругу менен жазыла аласыз.
