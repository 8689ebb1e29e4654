## Clearing the chat

clear-done = Готово.
