## Replies to what the bot does not understand, and to failures

unhandled-message = Кечиресиз, бул билдирүүнү түшүнгөн жокмун. Төмөнкү менюдан бөлүм тандаңыз же /help деп жазыңыз.
unhandled-button = Бул баскыч эми иштебейт. /start деп жазыңыз.
error-generic = Кечиресиз, бир ката кетти. Бир аздан кийин кайра аракет кылыңыз же /start деп жазыңыз.
