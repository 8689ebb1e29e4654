## Case management: a caseworker moves a case and reads its history

case-panel = Дело <code>{ $code }</code>: { $status }. Ответственный: { $assignee }.
case-move-in-review = 🔎 На рассмотрение
case-move-needs-information = ❓ Нужны сведения
case-move-referred = 📤 Передано…
case-move-closed = ✅ Закрыть…
case-history = 🕓 История
case-choose-referred = Куда передано дело { $code }?
case-choose-closed = Почему дело { $code } закрывается?
case-referred-prosecutor = в прокуратуру
case-referred-ombudsman = к Акыйкатчы (Омбудсмену)
case-closed-acted-on = меры приняты
case-closed-referred-elsewhere = передано другому органу
case-closed-no-contact = нет связи с заявителем
case-closed-outside-mandate = вне нашей компетенции
case-closed-duplicate = повтор другого дела
case-move-refused = Дело уже изменилось: сейчас «{ $status }». Кнопки обновлены.
case-history-title = История дела { $code }
case-history-hours = Время действий заявителя хранится с точностью до часа.
case-actor-reporter = заявитель
case-actor-staff = сотрудник { $id }
case-event-submitted = сообщение отправлено
case-event-added = дополнение
case-event-withdrawn = отозвано
case-event-opened = просмотрено
case-event-times = (×{ $times })
case-list-title = Дела { $from }–{ $to } из { $total }, сначала новые
case-list-empty = Таких дел нет.
case-list-newer = ⬅️ Новее
case-list-older = Старше ➡️
case-filter-all = все
case-filter-status = Статус
case-filter-region = Регион
case-filter-place = Место
case-filter-urgent-on = ☑️ Только срочные
case-filter-urgent-off = ☐ Только срочные
case-age = { $days } дн.
case-take = 👤 Взять себе
case-give = 👥 Передать…
case-unassigned = не назначен
case-choose-assignee = Кому передать дело { $code }?
case-not-caseworker = Этот человек больше не работает с делами.
case-assigned-to-you = Вам передано дело <code>{ $code }</code>.
case-assignee-not-told = Дело передано, но сообщить об этом не удалось: пусть сотрудник откроет личный чат с ботом.
case-event-assigned = назначено: { $assignee }
case-filter-mine-on = ☑️ Мои дела
case-filter-mine-off = ☐ Мои дела
case-note = 📝 Заметка
case-note-ask = Заметка к делу { $code }: напишите её ответом на это сообщение. Заявитель её не увидит.
case-note-placeholder = Заметка для сотрудников
case-note-saved = Заметка сохранена в истории дела { $code }.
case-note-too-long = Слишком длинно: заметка — не больше { $max } символов.
case-event-note = заметка
export-choose = Выгрузка всех дел в CSV. Что включить?
export-plain = 📄 Только общие поля (без личных данных)
export-content = 🔓 С расшифрованными текстами…
export-cancel = Отмена
export-content-confirm = В файле будут имена, контакты и рассказы заявителей в открытом виде. Храните его только там, где его не прочтут посторонние. Выгрузка записывается в журнал. Продолжить?
export-content-yes = Да, выгрузить с текстами
export-cancelled = Выгрузка отменена.
export-preparing = Готовлю файл…
export-done-plain = Дела: общие поля. Время — бишкекское.
export-done-content = Дела с расшифрованными текстами. Время — бишкекское. Не пересылайте этот файл.

## Replies to the reporter, consent to share, files, deadlines and retention

case-reply = 💬 Ответить заявителю
case-reply-ask = Ответ заявителю по делу { $code }: напишите его ответом на это сообщение. Он уйдёт от имени организации, без вашего имени.
case-reply-placeholder = Ответ заявителю
case-reply-too-long = Ответ не отправлен: в нём { $length } символов, можно не больше { $max }. Сократите и напишите его ещё раз.
case-reply-how = Ответ не отправлен. Ответ заявителю уходит, только если написать его ответом на сообщение «💬 Ответ заявителю по делу { $code }»: нажмите на него и выберите «Ответить», затем отправьте текст ещё раз.
case-reply-sent = Ответ по делу { $code } сохранён и отправляется заявителю в его чат.
case-reply-kept = Ответ по делу { $code } сохранён. Заявитель не просил отвечать в чате: он прочтёт ответ, когда проверит обращение по коду и PIN.
case-reply-refused = Ответить нельзя: дело { $code } отозвано, его данные удалены или его нет.
case-ask-consent = 🤝 Спросить согласие на передачу
case-consent-asked = Заявителя спросили в его чате. Ответ появится в истории дела.
case-consent-already = { $state ->
    [yes] Заявитель уже согласился на передачу данных для связи.
    [no] Заявитель уже отказался от передачи данных для связи. Повторно его не спрашивают.
   *[asked] Заявителя уже спросили; ответа пока нет.
}
case-consent-unreachable = Заявитель не оставил чат для ответа, спросить его через бота нельзя. Без его согласия данные для связи не передаются.
case-consent-refused = Спросить нельзя: дело отозвано, его данные удалены или его нет.
case-share-consent = Согласие на передачу данных для связи: { $state ->
    [asked] запрошено, ответа пока нет
    [yes] дано
    [no] не дано
   *[none] не запрашивалось
}
case-contact-withheld = не передаётся (заявитель не дал согласия)
case-referral-title = Дело { $code } для передачи
case-evidence = 📎 Показать файлы
case-evidence-header = <b>Файлы дела <code>{ $code }</code></b> ({ $count }):
case-already-assigned = Дело уже у этого сотрудника.
case-evidence-none = В деле нет файлов.
case-extend = 🗄 Хранить дольше
case-extend-none = Для дела { $code } срок удаления не назначен: оно не закрыто или его данные уже удалены.
case-extended = Данные дела { $code } будут храниться до { $date } (ещё { $days } дней).
case-retain-until = Личные данные будут удалены после { $date }.
case-purged = Личные данные удалены { $date }; остались только сведения для статистики.
case-purged-content = Личные данные этого дела удалены по сроку хранения.
case-event-reply = ответ заявителю
case-event-answer = ответ заявителя
case-event-consent-asked = запрошено согласие на передачу данных
case-event-consent = согласие на передачу: { $detail ->
    [yes] да
   *[no] нет
}
case-event-evidence = просмотрены файлы
case-event-retention-extended = хранение продлено на { $detail } дней
case-event-purged = личные данные удалены по сроку хранения
case-event-text-deleted = (текст удалён вместе с личными данными)
case-filter-overdue-on = ☑️ Просроченные
case-filter-overdue-off = ☐ Просроченные
case-filter-reset = ✖️ Сбросить фильтры
case-reporter-wrote = { $kind ->
    [answer] Заявитель ответил по делу <code>{ $code }</code>.
    [consent-yes] Заявитель согласился на передачу данных по делу <code>{ $code }</code>.
    [consent-no] Заявитель не согласился на передачу данных по делу <code>{ $code }</code>.
   *[added] Заявитель дополнил дело <code>{ $code }</code>.
}
digest =
    <b>Сводка за { $date }</b>
    Новых, ещё не взятых в работу: { $fresh }
    Срочных и открытых: { $urgent }
    Просроченных: { $overdue }
retention-warning = Через 14 дней или раньше будут удалены личные данные закрытых дел ({ $count }). Чтобы хранить дольше, нажмите кнопку под делом.
case-actor-system = бот (срок хранения)
