## Language choice

language-choose = Выберите язык:
language-changed = Теперь я говорю с вами по-русски.
language-name-ky = Кыргызча
language-name-ru = Русский
language-guessed = Отвечаю по-русски. Если вам удобнее другой язык, выберите его:
