## Help and the command menu

help-text =
    Бул буйруктарды колдонсоңуз болот:
    /start — башкы меню
    /language — тилди өзгөртүү
    /help — ушул жардам
    Менюдагы баскычтарды басып да тандай аласыз.

command-start = Башкы меню
command-help = Жардам жана буйруктар
command-language = Тилди өзгөртүү
