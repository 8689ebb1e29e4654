## Language choice

language-choose = Тилди тандаңыз:
language-changed = Эми мен сиз менен кыргызча сүйлөшөм.
language-name-ky = Кыргызча
language-name-ru = Русский
language-guessed = Кыргызча жооп берем. Башка тил ыңгайлуу болсо, тандаңыз:
