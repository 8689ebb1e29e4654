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

## Broadcasts: what subscribers see, and the staff's status messages

news-link = 🔗 Подробнее
broadcast-unsubscribe = 🔕 Отписаться от новостей
broadcast-unsubscribed = Вы отписались от новостей. Подписаться снова: /subscribe
broadcast-pause = ⏸ Пауза
broadcast-resume = ▶️ Продолжить
broadcast-cancel = ✖️ Отменить
broadcast-open = Открыть рассылку
broadcast-state-awaiting = ждёт одобрения второго редактора
broadcast-state-scheduled = запланирована
broadcast-state-sending = идёт отправка
broadcast-state-paused = на паузе
broadcast-state-done = завершена
broadcast-state-cancelled = отменена
broadcast-state-rejected = отклонена
broadcast-status =
    <b>Рассылка №{ $id }</b>: { $state }
    Отправлено: { $sent } из { $total }
    Не доставлено: { $failed }
    Заблокировали бота (отписаны): { $blocked }
    Осталось: { $remaining }
broadcast-report-done =
    <b>Рассылка №{ $id } завершена.</b>
    Отправлено: { $sent }. Не доставлено: { $failed }. Заблокировали бота и отписаны: { $blocked }.{ $unsent ->
        [0] {""}
       *[other] {" "}Отписались до отправки: { $unsent }.
    }
broadcast-report-cancelled =
    <b>Рассылка №{ $id } отменена.</b>
    До отмены отправлено: { $sent }. Не доставлено: { $failed }. Заблокировали бота и отписаны: { $blocked }. Не отправлено: { $unsent }.
broadcast-approval-asked = Рассылка №{ $id } ждёт одобрения: её подготовил другой редактор. Откройте, чтобы посмотреть текст и получателей, и одобрите или отклоните.

## The news feed

menu-news = 📰 Новости организации
news-heading = 📰 <b>Новости</b> · { $date } · { $position } из { $total }
news-empty =
    <b>Новости организации</b>
    Новостей на русском пока нет. Подпишитесь, чтобы получить их, когда они появятся.
news-older = ◀️ Раньше
news-newer = Позже ▶️
news-subscription = 🔔 Подписка
broadcast-not-subscribed = Вы и так не подписаны на новости.
