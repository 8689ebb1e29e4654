import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { htmlToText } from "./html.js";
import type { ChatMessage, FakeTelegram } from "./telegram/fake-telegram.js";
import { buttonText, buttonsOf, FakeUser, type UpdateHandler } from "./telegram/fake-user.js";

export interface TerminalChatOptions {
  handle: UpdateHandler;
  telegram: FakeTelegram;
  input: Readable;
  output: Writable;
  userId: number;
  languageCode?: string;
}

function render(message: ChatMessage, edited: boolean): string {
  const buttons = buttonsOf(message).map((button, index) => `[#${index + 1} ${buttonText(button)}]`);
  const head = edited ? "bot (edited)>" : "bot>";
  return `\n${head} ${htmlToText(message.text).replace(/\n/g, "\n     ")}\n${buttons.length ? `     ${buttons.join(" ")}\n` : ""}`;
}

/**
 * Talks to the real bot from a terminal. Typed lines are sent as messages; `#N` presses button N
 * of the newest message that has buttons; `> text` answers the newest prompt with Telegram's «Reply». Resolves when the input ends.
 */
export async function runTerminalChat({ handle, telegram, input, output, userId, languageCode }: TerminalChatOptions) {
  const user = new FakeUser(handle, telegram, { id: userId, first_name: "You", language_code: languageCode });
  telegram.onCall((call, message) => {
    if (message && message.chat_id === userId) output.write(render(message, call.method.startsWith("edit")));
    if (call.method === "answerCallbackQuery" && call.payload.text) output.write(`\n(notice) ${call.payload.text}\n`);
    if (call.method === "deleteMessages") output.write(`\n(the bot deleted ${call.payload.message_ids.length} messages of this chat)\n`);
  });
  output.write("Type a message or a command such as /start. #N presses button N; > text replies to the newest prompt. Ctrl+D quits.\n");
  const lines = createInterface({ input, terminal: false });
  for await (const line of lines) {
    const text = line.trim();
    if (!text) continue;
    const pressed = /^#(\d+)$/.exec(text);
    const reply = /^>\s*(\S.*)$/.exec(text);
    try {
      if (reply) {
        // The newest message that asked for a reply, or else the newest of all.
        const asked = user.messages.findLast((candidate) => candidate.reply_markup !== undefined && "force_reply" in candidate.reply_markup) ?? user.messages.at(-1);
        if (asked) await user.replyTo(asked, reply[1]!);
        else output.write("\n(no message to reply to)\n");
      } else if (pressed) {
        const message = user.messages.findLast((candidate) => buttonsOf(candidate).length > 0);
        const button = buttonsOf(message)[Number(pressed[1]) - 1];
        if (message && button) await user.press(message, button);
        else output.write(`\n(no button ${text} here)\n`);
      } else {
        await user.send(text);
      }
    } catch (err) {
      output.write(`\n(the bot failed: ${String(err)})\n`);
    }
  }
}
