## Language choice

language-choose = Выберите язык:
language-changed = Теперь я говорю с вами по-русски.
language-name-ky = Кыргызча
language-name-ru = Русский
