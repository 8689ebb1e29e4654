## The organisation's news: the subscription

menu-subscription = 🔔 Новости организации
subscription-start = 🔔 Подписаться
subscription-stop = 🔕 Отписаться
subscription-language-ky = по-кыргызски
subscription-language-ru = по-русски
subscription-off =
    <b>Новости организации</b>
    Подпишитесь, чтобы получать в этот чат новости и сообщения организации. Отписаться можно в любой момент — здесь или командой /unsubscribe.
subscription-on =
    <b>Новости организации</b>
    Вы подписаны: новости и сообщения организации будут приходить в этот чат { $language }. Если смените язык бота, они будут приходить на новом языке. Отписаться можно здесь или командой /unsubscribe.
subscription-none =
    <b>Новости организации</b>
    Вы не были подписаны. Подписаться можно кнопкой ниже или командой /subscribe.
subscription-stopped =
    <b>Новости организации</b>
    Вы отписались — новости больше не будут приходить. Подписаться снова можно кнопкой ниже или командой /subscribe.
subscription-region = Регион: { $region }.
subscription-region-none = Регион не указан: будут приходить только общие новости.
subscription-region-choose = 📍 Указать регион
subscription-region-clear = Не указывать регион
subscription-back = ⬅️ Назад
subscription-region-ask =
    <b>Ваш регион</b>
    Если укажете регион, будут приходить и новости, касающиеся только этого региона. Это необязательно.
