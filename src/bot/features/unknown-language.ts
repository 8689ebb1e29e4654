import type { Locale } from "../../config.js";
import { commandsInAnyCase } from "../commands.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { chosenLocale, knownLocale } from "../i18n.js";
import { CALLBACK, languageKeyboard } from "../keyboards.js";
import { guessLanguage } from "../language-guess.js";
import { chooseLanguage, sendLanguagePrompt, sendStart } from "../screens.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

// Until the person chooses a language, a message is answered in the language it is written in, where that
// can be told, whatever Telegram's language is (many Kyrgyz speakers' Telegram is set to Russian); each
// time that differs from what the bot spoke so far, the choice is offered with the answer. When it cannot
// be told and Telegram's language is neither, the person is asked first, and their message is handled
// once they have chosen.
// Inside a form the answers are the person's account, which may mix languages: the form keeps its language.
feature.on("message", async (ctx, next) => {
  if (chosenLocale(ctx) || ctx.session.formOpen) return next();
  const text = ctx.msg.text ?? ctx.msg.caption ?? "";
  const guess = text.startsWith("/") ? undefined : guessLanguage(text);
  // Not chosen (see above), so what it knows is the latest guess or Telegram's.
  const before = knownLocale(ctx);
  if (guess && guess !== before) {
    ctx.session.guessedLocale = guess;
    await ctx.i18n.renegotiateLocale();
    await ctx.reply(ctx.t("language-guessed"), { reply_markup: languageKeyboard(ctx.t) });
  }
  if (guess || before) return next();
  return sendLanguagePrompt(ctx, ctx.msg.text === undefined ? undefined : CALLBACK.again, ctx.msg.message_id);
});

feature.callbackQuery(CALLBACK.chooseAndAgain, async (ctx, next) => {
  await chooseLanguage(ctx, ctx.match[1] as Locale);
  const asked = ctx.callbackQuery.message?.reply_to_message;
  if (asked?.text === undefined) return sendStart(ctx);
  // The message the prompt answered is handled now, in the chosen language, as if it had just come.
  // Telegram hands it back with the button press, so the bot stored nothing of it meanwhile.
  Object.assign(ctx, { update: { update_id: ctx.update.update_id, message: asked } });
  return commandsInAnyCase(ctx, next);
});

export { composer as unknownLanguageFeature };
