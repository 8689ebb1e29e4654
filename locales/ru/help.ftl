## Help and the command menu

help-text =
    Вы можете использовать эти команды:
    /start — главное меню
    /language — сменить язык
    /help — эта справка
    Также можно выбирать кнопками в меню.

command-start = Главное меню
command-help = Справка и команды
command-language = Сменить язык
