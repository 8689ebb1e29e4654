## /audit: an admin reads, filters and exports the audit of staff actions

audit-title = Журнал действий
audit-title-case = Журнал действий: дело { $code }
audit-title-staff = Журнал действий: { $name }
audit-empty = Записей нет.
audit-nothing-yet = Среди последних записей таких нет; «Старее» ищет дальше.
audit-newer = ⬅️ Новее
audit-older = Старее ➡️
audit-all = ✖️ Все записи
audit-export = ⬇️ Выгрузить CSV
audit-export-done = Весь журнал действий, время бишкекское. Сохраните файл: после выгрузки старые записи могут быть удалены из бота.
audit-usage = /audit — весь журнал; /audit и код дела (например, /audit K7M-4QX-9TD) — записи о деле; /audit и Telegram ID сотрудника — его действия.
audit-action-opened = просмотр дела
audit-action-note = заметка
audit-action-assigned = назначено: { $person }
audit-action-status = статус: { $status }
audit-action-export-plain = выгрузка дел (общие поля)
audit-action-export-content = выгрузка дел с текстами
audit-action-role-grant = выдана роль «{ $role }»: { $person }
audit-action-role-revoke = снята роль «{ $role }»: { $person }
audit-action-audit-view = просмотр журнала
audit-action-audit-export = выгрузка журнала
