## Language choice

language-choose = Тилди тандаңыз:
language-changed = Эми мен сиз менен кыргызча сүйлөшөм.
language-name-ky = Кыргызча
language-name-ru = Русский
language-guessed = Сизге кыргызча жооп берем. Башка тил ыңгайлуураак болсо, аны тандаңыз:
