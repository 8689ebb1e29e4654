import { GrammyError, type InlineKeyboard } from "grammy";
import { LOCALES, type Locale } from "../config.js";
import type { BotContext } from "./context.js";
import { languageKeyboard, mainMenu } from "./keyboards.js";

/** A whole screen: what the person reads and the buttons under it. Texts are HTML. */
export interface Screen {
  text: string;
  keyboard: InlineKeyboard;
}

export const HTML = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;

/** Sends a screen as a new message. Extra options (protect_content) are passed through. */
export function sendScreen(ctx: BotContext, screen: Screen, other: { protect_content?: boolean } = {}) {
  return ctx.reply(screen.text, { ...HTML, ...other, reply_markup: screen.keyboard });
}

/** A pressed button turns its own message into the next screen, so browsing does not fill the chat. */
export async function showScreen(ctx: BotContext, screen: Screen) {
  if (ctx.callbackQuery?.message) {
    try {
      await ctx.editMessageText(screen.text, { ...HTML, reply_markup: screen.keyboard });
      return;
    } catch (err) {
      if (err instanceof GrammyError && err.description.includes("message is not modified")) return;
      // The message may have been cleared or be too old to edit: the screen still has to appear.
    }
  }
  await sendScreen(ctx, screen);
}

export const startScreen = (ctx: BotContext): Screen => ({ text: ctx.t("start-greeting"), keyboard: mainMenu(ctx.t) });

export const sendStart = (ctx: BotContext) => sendScreen(ctx, startScreen(ctx));

export async function currentLocale(ctx: BotContext): Promise<Locale> {
  return (await ctx.i18n.getLocale()) as Locale;
}

// Asked in both languages at once: the person may not read the one we guessed.
export const languagePromptText = (translate: (locale: Locale, key: string) => string) =>
  LOCALES.map((locale) => translate(locale, "language-choose")).join("\n");

/**
 * `then` is what to do once the language is chosen (a topic, the form, or answering the message the
 * prompt replies to, `replyTo`): Telegram keeps that message with the prompt, so the bot stores nothing.
 */
export function sendLanguagePrompt(ctx: BotContext, then?: string, replyTo?: number) {
  const text = languagePromptText((locale, key) => ctx.i18n.fluent.translate(locale, key));
  return ctx.reply(text, { reply_markup: languageKeyboard(ctx.t, then), ...(replyTo ? { reply_parameters: { message_id: replyTo } } : {}) });
}

/** A language chosen from the prompt: remembered, and the prompt turned into its confirmation. */
export async function chooseLanguage(ctx: BotContext, locale: Locale) {
  ctx.session.locale = locale;
  delete ctx.session.guessedLocale;
  await ctx.i18n.renegotiateLocale();
  // The news come in the language the person reads the bot in.
  if (ctx.from && (await ctx.subscribers.followLanguage(ctx.from.id, locale))) ctx.session.newsLocale = locale;
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("language-changed"));
}
