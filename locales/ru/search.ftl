## Search in plain words and inline mode

search-found = Вот что может помочь:
search-nothing = Я не нашёл карточку, которая отвечает на этот вопрос. Посмотрите список тем или свяжитесь с людьми, которые помогут.
inline-nothing = Ничего не нашлось — открыть бот
