## The organisation's news: the subscription

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
    Отправлено: { $sent }. Не доставлено: { $failed }. Заблокировали бота (подписка снята): { $blocked }.{ $unsent ->
        [0] {""}
       *[other] {" "}Отписались до отправки: { $unsent }.
    }
broadcast-report-cancelled =
    <b>Рассылка №{ $id } отменена.</b>
    До отмены отправлено: { $sent }. Не доставлено: { $failed }. Заблокировали бота (подписка снята): { $blocked }. Не отправлено: { $unsent }.
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

## Staff: /publish

publish-not-allowed = У вас больше нет роли редактора: публикация прервана.
publish-language-ky = Кыргызский
publish-language-ru = Русский
publish-skip = Пропустить этот язык
publish-ask-text = <b>Текст новости { $in }</b>
    Отправьте текст одним сообщением, до { $max } символов. Если текста { $in } не будет, нажмите «Пропустить этот язык»: подписчики, читающие { $in }, новость не получат.
publish-hint-one-text = Нужен текст хотя бы на одном языке. Отправьте текст на русском или нажмите «Отменить».
publish-hint-text = Отправьте текст { $in } одним сообщением.
publish-hint-too-long = Текст слишком длинный: { $length } { $length ->
        [one] символ
        [few] символа
       *[many] символов
    }, можно не больше { $max }. Сократите его и отправьте снова.
publish-no-photo = Без фото
publish-ask-photo = <b>Фото</b>
    Отправьте одно фото к новости или нажмите «Без фото». С фото текст становится подписью к нему, поэтому каждый текст должен быть не длиннее { $max } символов.
publish-hint-photo = Отправьте фото (как фото, не как файл) или нажмите «Без фото».
publish-hint-caption = С фото текст — это подпись, а в ней не больше { $max } символов (сейчас { $length }). Нажмите «Без фото» или отмените и сократите текст.
publish-no-link = Без ссылки
publish-ask-link = <b>Ссылка</b>
    Отправьте ссылку, которая будет кнопкой «Подробнее» под новостью (начинается с https://), или нажмите «Без ссылки».
publish-hint-link = Ссылка должна начинаться с https://. Отправьте её ещё раз или нажмите «Без ссылки».
publish-preview-for = <b>Так новость увидят читающие { $in }:</b>
publish-preview-done = <b>Проверьте предпросмотр выше.</b> Опубликовать новость в ленте или опубликовать и разослать подписчикам?
publish-preview-missing = Текста { $in } нет: читающие { $in } не увидят её в ленте и не получат в рассылке.
publish-publish = 📰 Опубликовать
publish-and-broadcast = 📣 Опубликовать и разослать
publish-hint-button = Выберите вариант кнопкой под сообщением.
publish-done = Новость №{ $id } опубликована в ленте (/news). Изменить или снять её можно в /published.
publish-cancelled = Публикация отменена, ничего не сохранено.
publish-audience-all-languages = Все языки
publish-audience-all-regions = Все регионы
publish-ask-audience-language = <b>Кому разослать?</b> Сначала язык подписчиков.
publish-ask-audience-region = Выберите регион подписчиков. Подписчики, не указавшие регион, получат только рассылку для всех регионов.
publish-audience-count = Получателей: { $count }.
publish-audience-no-text = Ещё { $count } { $count ->
        [one] подписчик читает { $in }, но текста на этом языке нет: он ничего не получит.
        [few] подписчика читают { $in }, но текста на этом языке нет: они ничего не получат.
       *[many] подписчиков читают { $in }, но текста на этом языке нет: они ничего не получат.
    }
publish-ask-when = Когда отправить?
publish-now = Сейчас
publish-later = Выбрать время
publish-ask-time = Отправьте дату и время по Бишкеку, например: { $example }
publish-hint-time = Не удалось понять время. Напишите дату и время так: { $example }
publish-hint-time-range = Это время уже прошло. Отправьте время позже, чем сейчас.
publish-send = ✅ Опубликовать и разослать
publish-at = Отправка: { $time } (Бишкек).
publish-at-once = Отправка: сразу.
publish-approval-needed = Перед отправкой рассылку должен одобрить второй редактор или администратор.
publish-broadcast-awaiting = Новость №{ $news } опубликована. Рассылка №{ $id } ждёт одобрения: запрос отправлен другим редакторам и администраторам. Когда её одобрят, вы получите сообщение о ходе отправки. Все рассылки: /broadcasts
publish-broadcast-scheduled = Новость №{ $news } опубликована. Рассылка №{ $id } запланирована на { $time } (Бишкек). Все рассылки: /broadcasts
publish-broadcast-sending = Новость №{ $news } опубликована. Рассылка №{ $id } начинается: ниже появится сообщение о ходе отправки.

## Staff: published news

news-staff-heading = <b>Опубликованные новости</b>, сначала новые. Выберите, чтобы изменить или снять с ленты.
news-staff-empty = Опубликованных новостей нет. Новая: /publish
news-staff-item = <b>Новость №{ $id }</b> · { $date } · { $state }
news-staff-published = в ленте
news-staff-withdrawn = снята с ленты
news-staff-has-photo = С фото.
news-staff-edit = ✏️ Изменить текст
news-staff-unpublish = 🗑 Снять с ленты
news-staff-back = ⬅️ К списку
news-staff-unpublished = Новость снята с ленты.
news-staff-not-published = Новость уже не в ленте.
news-staff-missing = Новости №{ $id } нет.
news-edit-ask-language = На каком языке изменить текст новости №{ $id }?
news-edit-ask-text = Отправьте новый текст { $in }, до { $max } символов.
news-edit-remove = Убрать текст { $in }
news-edit-done = Новость №{ $id } изменена.

## Staff: broadcasts

broadcast-panel =
    <b>Рассылка №{ $id }</b>: { $state }
    Получатели: { $audience } — { $count }
    Время: { $time }
broadcast-own-awaiting = Это ваша рассылка: одобрить её должен другой редактор или администратор.
broadcast-approve = ✅ Одобрить
broadcast-reject = ❌ Отклонить
broadcast-list = ⬅️ Все рассылки
broadcast-list-heading = <b>Рассылки</b>, сначала новые:
broadcast-list-empty = Рассылок пока нет. Новая: /publish
broadcast-list-item = №{ $id } · { $state } · отправлено { $sent }
broadcast-missing = Такой рассылки нет.
broadcast-not-own = Свою рассылку одобрить или отклонить нельзя: это делает второй редактор.
broadcast-too-late = Уже нельзя: состояние рассылки — «{ $state }».
broadcast-done-approve = Одобрено.
broadcast-done-reject = Отклонено.
broadcast-done-pause = Пауза.
broadcast-done-resume = Продолжается.
broadcast-done-cancel = Отменено.
broadcast-approved = Рассылку №{ $id } одобрили. Отправка: { $time } (Бишкек); о ходе отправки придёт сообщение.
broadcast-rejected = Рассылку №{ $id } отклонил второй редактор. Новость осталась в ленте.
whoami-editor = Новости и рассылки: /publish — новая новость, /published — опубликованные, /broadcasts — рассылки.
publish-hint-time-far = Запланировать можно не дальше чем на { $days } дней вперёд. Отправьте время ближе.
publish-feed-now = Новость появится в ленте (/news) сразу, а рассылка { $later ->
        [yes] начнётся в указанное время
       *[no] начнётся сразу
    }{ $approval ->
        [yes] {" "}после одобрения
       *[no] {""}
    }.
publish-nobody = Разослать её некому: ни один подписчик не читает на языке, на котором есть текст. Можно только опубликовать новость в ленте.
publish-no-approver = Одобрить рассылку некому: кроме вас, в боте нет редакторов и администраторов. Администратор может выдать роль через /staff (или отключить одобрение: BROADCAST_APPROVAL=false). Пока можно только опубликовать новость в ленте.
publish-form-open = У вас открыта другая форма. Завершите её или отмените командой /cancel, затем начните снова.
broadcast-heading = 📰 <b>Новости организации</b>
broadcast-time = { $time } (Бишкек)
broadcast-time-on-approval = сразу после одобрения
news-staff-unpublish-ask = Снять новость №{ $id } с ленты? Читатели больше не увидят её в /news. Вернуть её можно будет только новой публикацией.
news-staff-unpublish-yes = 🗑 Да, снять
news-staff-unpublish-no = Нет
news-edit-cancelled = Изменение отменено, новость осталась как была.
publish-in-ky = по-кыргызски
publish-in-ru = по-русски
subscription-region-change = 📍 Изменить регион
broadcast-all-languages = все языки
broadcast-all-regions = все регионы
publish-nobody-here = В этой аудитории никто не получит текст: в ней нет подписчиков, читающих на языке текста. Можно только опубликовать новость в ленте или отменить.
broadcast-cancel-ask = Отменить рассылку №{ $id }? Те, кому она ещё не ушла, её не получат. Отмену нельзя вернуть.
broadcast-cancel-yes = ✖️ Да, отменить
broadcast-cancel-no = Нет
broadcast-cancelled-by-other = Рассылку №{ $id } отменил другой редактор или администратор. Новость осталась в ленте.
broadcast-approved-now = Рассылку №{ $id } одобрили, отправка начинается: о её ходе придёт сообщение.
broadcast-list-item-waiting = №{ $id } · { $state }
