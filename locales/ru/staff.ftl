## Staff roles

whoami-roles =
    Ваши роли: { $roles }.
    Telegram ID: { $id }
role-admin = администратор
role-caseworker = специалист по делам
role-editor = редактор
