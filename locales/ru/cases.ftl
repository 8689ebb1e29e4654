## Case management: a caseworker moves a case and reads its history

case-panel = Дело <code>{ $code }</code>: { $status }. Что сделать?
case-move-in-review = 🔎 На рассмотрение
case-move-needs-information = ❓ Нужны сведения
case-move-referred = 📤 Передано…
case-move-closed = ✅ Закрыть…
case-history = 🕓 История
case-choose-referred = Куда передано дело { $code }?
case-choose-closed = Почему дело { $code } закрывается?
case-referred-prosecutor = в прокуратуру
case-referred-ombudsman = Акыйкатчы (Омбудсмену)
case-closed-acted-on = меры приняты
case-closed-referred-elsewhere = передано другому органу
case-closed-no-contact = нет связи с заявителем
case-closed-outside-mandate = вне нашей компетенции
case-closed-duplicate = повтор другого дела
case-move-refused = Дело уже изменилось: сейчас «{ $status }». Кнопки обновлены.
case-history-title = История дела { $code }
case-actor-reporter = заявитель
case-actor-staff = сотрудник { $id }
case-event-submitted = сообщение отправлено
case-event-added = дополнение
case-event-withdrawn = отозвано
case-event-opened = открыто
