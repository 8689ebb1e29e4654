## Clearing the chat

clear-done = Даяр.
