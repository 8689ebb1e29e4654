## Replies to what the bot does not understand, and to failures

unhandled-message = Извините, это сообщение не удалось разобрать. Выберите раздел в меню ниже или напишите /help.
unhandled-button = Эта кнопка больше не работает. Напишите /start.
error-generic = Извините, что-то пошло не так. Попробуйте ещё раз чуть позже или напишите /start.
