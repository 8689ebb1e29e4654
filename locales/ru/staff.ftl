## Staff roles

whoami-roles =
    Ваши роли: { $roles }.
    Telegram ID: { $id }
role-admin = администратор
role-caseworker = специалист по делам
role-editor = редактор

## /staff: an admin lists staff and grants or revokes roles

staff-title = Сотрудники бота
staff-id = id { $id }
staff-permanent-mark = (ADMIN_IDS)
staff-how-to-add = Чтобы добавить человека или изменить его роли, перешлите мне любое его сообщение, нажмите «👤 Выбрать человека» или отправьте /staff и его Telegram ID, например /staff 123456789.
staff-pick = 👤 Выбрать человека
staff-pick-prompt = Нажмите «👤 Выбрать человека» внизу и выберите его из своих чатов в Telegram. Так можно выбрать и того, кто скрывает свой аккаунт при пересылке.
staff-usage = После /staff напишите только цифры Telegram ID, например /staff 123456789. Без ID — список сотрудников.
staff-roles = Роли: { $roles }
staff-no-roles = Ролей нет.
staff-permanent = Администратор из ADMIN_IDS: эту роль можно снять только в настройках бота.
staff-grant = ➕ Выдать роль «{ $role }»
staff-revoke = ➖ Снять роль «{ $role }»
staff-audit = 📜 Журнал: его действия
staff-to-list = ⬅️ Все сотрудники
staff-confirm-admin = { $name }: сделать администратором? Администратор видит все дела, выгружает их и выдаёт роли другим.
staff-confirm-admin-yes = Да, сделать администратором
staff-confirm-revoke = { $name }: снять роль «{ $role }»?
staff-confirm-revoke-yes = Да, снять
staff-granted-you = Вам выдана роль «{ $role }» в этом боте. Ваши роли покажет /whoami.
staff-granted = Роль «{ $role }» выдана, человеку сообщено.
staff-granted-not-told = Роль «{ $role }» выдана, но бот не смог написать человеку: пусть откроет чат с ботом и отправит /start.
staff-had-role = У этого человека уже есть роль «{ $role }».
staff-revoke-revoked = Роль «{ $role }» снята.
staff-revoke-absent = У этого человека уже нет роли «{ $role }».
staff-revoke-permanent = Этот администратор задан в ADMIN_IDS: снять роль можно только в настройках бота.
staff-revoke-last-admin = Нельзя: не останется ни одного администратора. Сначала назначьте другого.
staff-forward-hidden = Этот человек скрывает свой аккаунт при пересылке, поэтому по пересланному сообщению его не узнать. Нажмите «👤 Выбрать человека» внизу и выберите его из своих чатов. Или пусть он на время разрешит пересылку (Telegram: Настройки → Конфиденциальность → Пересылка сообщений → Все), и перешлите его сообщение снова.
staff-forward-not-person = Это сообщение переслано из чата или канала, или его написал бот. Перешлите сообщение самого человека.
