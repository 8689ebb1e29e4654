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
    Вы подписаны: новости и сообщения организации приходят в этот чат { $language }. Если смените язык бота, они будут приходить на новом языке. Отписаться можно здесь или командой /unsubscribe.
subscription-none =
    <b>Новости организации</b>
    Вы не были подписаны. Подписаться можно кнопкой ниже или командой /subscribe.
