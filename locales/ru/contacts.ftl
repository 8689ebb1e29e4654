## Contacts and official channels (names, numbers and addresses come from the profile file)

contacts-hotline = Горячая линия
contacts-website = Сайт
contacts-email = Эл. почта
contacts-address = Адрес
contacts-official-bot = Официальный бот
contacts-referrals = Другие организации, которые могут помочь
contacts-official-button = 🛡 Официальные каналы
official-title =
    Официальные каналы{ $named ->
        [yes] : { $org }
       *[no] {""}
    }
official-warning = ⚠️ Существуют поддельные боты: они копируют название и картинку. Сверяйте имя бота буква за буквой. Если сомневаетесь или Telegram недоступен, свяжитесь с нами через каналы выше.
contacts-unnamed = Этот бот ещё не назвал организацию, которая его ведёт и читает сообщения. Пока это так, мы не можем сказать, кто прочитает ваше сообщение; ниже — организации, к которым можно обратиться напрямую.
official-warning-no-bot = ⚠️ Существуют поддельные боты: они копируют название и картинку. Имя нашего официального бота здесь пока не указано, поэтому если сомневаетесь или Telegram недоступен, свяжитесь с нами через контакты выше.
