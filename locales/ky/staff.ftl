## Staff roles

whoami-roles =
    Сиздин ролдоруңуз: { $roles }.
    Telegram ID: { $id }
role-admin = администратор
role-caseworker = иштер боюнча адис
role-editor = редактор
