## Report abuse: the form

menu-report = 📝 Сообщить о пытках
menu-mine = 📂 Мои сообщения

report-consent =
    <b>Прежде чем начать</b>
    • Ваше сообщение прочитают только сотрудники организации «{ $org }», которые работают с жалобами.
    • Мы сохраним то, что вы напишете и приложите. Текст, место, контакты и файлы хранятся в зашифрованном виде. Незаконченный черновик удаляется через 24 часа молчания. Отправленное сообщение хранится, пока вы его не отзовёте (это можно сделать в любой момент) или пока дело не закрыто.
    • Можно сообщить анонимно. Вы всё равно получите код дела и PIN, чтобы узнавать статус.
    • Бот — не экстренная служба. Если кому-то грозит опасность прямо сейчас, звоните: { $hotline }.
report-agree = ✅ Согласен(на), начать
report-cancel = ✖️ Отменить
report-skip = Пропустить
report-continue = Дальше ➡️
report-done = ✅ Готово
report-send = 📨 Отправить

report-ask-reporter = Кто сообщает?
report-reporter-victim = Я пострадавший(ая)
report-reporter-relative = Родственник
report-reporter-witness = Свидетель
report-reporter-lawyer = Адвокат
report-reporter-other = Другое

report-ask-place = Где это произошло?
report-place-police = Отдел милиции или ИВС
report-place-pretrial = СИЗО
report-place-colony = Исправительная колония
report-place-psychiatric = Психиатрическое учреждение
report-place-social-care = Дом социального обслуживания
report-place-children = Детское учреждение
report-place-military = Воинская часть
report-place-other = Улица или другое место

report-region = Регион
report-ask-region = В каком регионе?
report-region-bishkek = Бишкек
report-region-osh-city = Город Ош
report-region-chuy = Чуйская область
report-region-talas = Таласская область
report-region-issyk-kul = Иссык-Кульская область
report-region-naryn = Нарынская область
report-region-jalal-abad = Джалал-Абадская область
report-region-osh = Ошская область
report-region-batken = Баткенская область

report-ask-place-name = Как называется это место (например, какой отдел или учреждение)? Можно пропустить.

report-ask-when = Когда это произошло?
report-when-today = Сегодня
report-when-yesterday = Вчера
report-when-week = На этой неделе
report-when-earlier = Раньше
report-ask-when-text = Если помните дату, напишите её (например, 12 ноября). Можно пропустить.

report-ask-narrative =
    Опишите, что произошло: кто это сделал (имена, должности, приметы, если знаете), что именно делали, кто видел.
    Можно отправить несколько сообщений — я их соединю. Всего от { $min } до { $max } символов. Когда закончите, нажмите «Дальше».
report-narrative-added = Записал. Сейчас { $length } из { $max } символов. Напишите ещё или нажмите «Дальше».
report-rewrite = ✏️ Написать заново
report-rewrite-ok = Прежний текст убран. Напишите, что произошло.

report-ask-urgency = Человек всё ещё находится там или ему грозит опасность прямо сейчас?
report-urgency-yes = Да, сейчас
report-urgency-no = Нет
report-urgent-hotline = Отмечу сообщение как срочное. Если жизнь или здоровье под угрозой прямо сейчас, звоните: { $hotline }.

report-ask-evidence = Если есть фото, документы, голосовые сообщения или видео, отправьте их сюда (до { $max }). Когда закончите или если их нет, нажмите «Готово».
report-evidence-received = Получил. Можно отправить ещё (всего до { $max }) или нажать «Готово».

report-ask-contact = Как с вами связаться?
report-contact-anonymous = Анонимно, без контактов
report-contact-chat = Ответить мне в этом чате
report-contact-phone = По телефону
report-ask-phone = Нажмите кнопку «Поделиться номером» внизу или напишите номер, например +996 555 123 456.
report-share-phone = 📱 Поделиться номером
report-phone-saved = Номер записан.
report-phone-back = Хорошо, выберите другой способ связи.

report-summary = Проверьте, всё ли верно
report-part-who = Кто сообщает
report-part-place = Место
report-part-when = Когда
report-part-what = Что произошло
report-part-urgency = Срочно
report-part-evidence = Вложения
report-part-contact = Связь
report-attachments-count = { $count ->
    [0] нет
    [one] { $count } файл
    [few] { $count } файла
   *[other] { $count } файлов
}

report-hint-button = Пожалуйста, ответьте кнопкой:
report-hint-stale-button = Эта кнопка от предыдущего вопроса. Ответьте, пожалуйста, на этот:
report-hint-text = Пожалуйста, напишите ответ текстом или нажмите «Пропустить».
report-hint-too-long = Слишком длинно: не больше { $max } символов.
report-hint-narrative-text = Пожалуйста, опишите произошедшее текстом. Фото, файлы и голосовые можно будет приложить на следующем шаге.
report-hint-too-short = Пока слишком коротко: нужно хотя бы { $min } символов, добавьте ещё { $missing }.
report-hint-narrative-too-long = Это сообщение не поместилось: всего можно { $max } символов, уже записано { $length }. Отправьте часть покороче или нажмите «Дальше».
report-hint-evidence = Отправьте фото, документ, голосовое сообщение или видео, или нажмите «Готово».
report-hint-too-many = Больше { $max } вложений приложить нельзя, этот файл не сохранён. Нажмите «Готово».
report-hint-phone = Это не похоже на номер телефона. Напишите его так: +996 555 123 456 — или нажмите «Поделиться номером».
report-hint-summary = Нажмите «Отправить» или кнопку с карандашом, чтобы исправить часть.

report-send-failed = Не получилось сохранить сообщение из-за сбоя. Ваш черновик на месте — нажмите «Отправить» ещё раз.
report-sent =
    ✅ Ваше сообщение получено.
    Код дела: <code>{ $code }</code>
    PIN: <code>{ $pin }</code>
    Сохраните код и PIN в надёжном месте, отдельно от телефона, если его могут проверить. PIN показывается только сейчас. С ними можно узнать статус, дополнить или отозвать сообщение с любого аккаунта: /check.
    Сообщение прочитает сотрудник. Мы не можем обещать результат, но будем работать с вашим сообщением. Если нужно, вы можете сами обратиться в прокуратуру или к Акыйкатчы — см. /rights.

report-in-progress = У вас есть незаконченное сообщение: ответьте на последний вопрос выше или напишите /cancel, чтобы удалить черновик.
report-limit = С одного аккаунта можно отправить не больше { $max } сообщений в день. Если дело срочное, позвоните на горячую линию: /contacts.
report-expired = Ваш незаконченный черновик удалён, потому что 24 часа не было ответа. Так безопаснее. Начать заново можно в любой момент: /report.
report-nothing-to-cancel = Сейчас нечего отменять.
report-drop-confirm = Удалить черновик? Всё, что вы ввели, будет стёрто.
report-drop = Да, удалить
report-keep = Нет, продолжить
report-dropped = Черновик удалён.
report-kept = Продолжаем: ответьте на последний вопрос выше.

## Report abuse: follow-up

mine-title = Мои сообщения
mine-none = Здесь появятся ваши сообщения, отправленные не анонимно. Анонимное сообщение можно найти по коду и PIN.
mine-withdraw = 🗑 Отозвать { $code }
mine-check = 🔎 Проверить по коду

check-ask-code = Напишите код дела, например K7M-4QX-9TD.
check-hint-code = Это не похоже на код дела. Код состоит из 9 знаков, например K7M-4QX-9TD.
check-ask-pin = Теперь напишите PIN — 6 цифр. Я сразу удалю сообщение с ним из чата.
check-hint-pin = PIN — это 6 цифр. Напишите его ещё раз.
check-denied = Код или PIN не подходят. Проверьте их и попробуйте снова: /check.
check-limited =
    Слишком много неверных попыток с этим кодом или с этого аккаунта. Попробуйте снова через { $minutes } { $minutes ->
        [one] минуту
        [few] минуты
       *[other] минут
    }, после { $time } по времени Бишкека.
    Если вы отправляли сообщение не анонимно, его можно открыть и сейчас в разделе «Мои сообщения»: /status.
check-status =
    Дело <code>{ $code }</code>
    Статус: { $status }
    Отправлено: { $date }
check-add = ➕ Дополнить
check-withdraw = 🗑 Отозвать
check-ask-addition = Напишите, что хотите добавить, и/или отправьте файлы (до { $max }). Затем нажмите «Готово».
check-hint-addition = Напишите текст или отправьте фото, документ, голосовое или видео, затем нажмите «Готово».
check-added = Добавлено к делу.
check-bye = Хорошо. Проверить снова можно командой /check.
check-cancelled = Проверка отменена.

withdraw-confirm = Отозвать сообщение <code>{ $code }</code>? Текст, контакты и вложения будут удалены навсегда. Останется только обезличенная статистика: тип места, регион и дата.
withdraw-yes = Да, отозвать
withdraw-no = Нет
withdraw-done = Сообщение <code>{ $code }</code> отозвано, его содержание удалено.

case-status-new = новое
case-status-in-progress = в работе
case-status-closed = закрыто
case-status-withdrawn = отозвано

## Report abuse: staff

staff-alert-urgent = 🔴 СРОЧНО: человек может быть в опасности сейчас
staff-alert-new = Новое сообщение
staff-alert-time = Время
staff-alert-open = Открыть
case-title = Дело { $code }
case-status = Статус
case-consent = Согласие: версия { $version }, { $time }
case-addition = Дополнение от { $time }
case-withdrawn-content = Сообщение отозвано: содержание удалено.
case-not-found = Такого дела нет.
case-open-private-first = Откройте личный чат с ботом (нажмите Start), затем нажмите «Открыть» ещё раз.
case-sent-privately = Дело отправлено вам в личный чат.
case-open-failed = Не удалось отправить дело вам в личный чат. Попробуйте ещё раз через минуту.
case-attachments-failed = Не удалось отправить { $count ->
    [one] вложение
   *[other] вложения
} { $parts } из { $total }. Остальное дело отправлено. Нажмите «Открыть» ещё раз, чтобы повторить.
