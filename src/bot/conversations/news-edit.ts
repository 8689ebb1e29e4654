import { InlineKeyboard } from "grammy";
import type { Conversation } from "@grammyjs/conversations";
import { LOCALES, type Locale } from "../../config.js";
import type { BotContext, ConversationContext } from "../context.js";
import { NEWS_CAPTION_MAX, NEWS_TEXT_MAX } from "../news-view.js";
import { cancelButton } from "../report-view.js";
import { HTML } from "../screens.js";
import { editorFormChat } from "./input.js";

export const NEWS_EDIT = "news-edit";

const REMOVE = "r:remove";
const languageData = (locale: Locale) => `r:lang:${locale}`;

/**
 * Editing a published item's text in one language: a new text, or none (when the other language has
 * one), checked against the caption limit when the item has a photo. Its place in the feed stays.
 */
export async function newsEditConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext, id: number) {
  const { t, say, ask, hint, answer } = editorFormChat(conversation, ctx, "news-edit");

  const item = await conversation.external((outer) => outer.news.get(id));
  if (!item) {
    await say(t("news-staff-missing", { id }));
    return;
  }
  const languages = () => {
    const keyboard = new InlineKeyboard();
    for (const locale of LOCALES) keyboard.text(t(`publish-language-${locale}`), languageData(locale));
    return keyboard.row().add(cancelButton(t));
  };
  await ask(() => ({ text: t("news-edit-ask-language", { id }), other: { ...HTML, reply_markup: languages() } }));
  const data = (await answer()).callbackQuery?.data;
  const locale = LOCALES.find((each) => data === languageData(each));
  if (!locale) return hint("publish-hint-button", undefined, languages());

  const inLanguage = t(`publish-in-${locale}`);
  const others = LOCALES.some((each) => each !== locale && item.text[each]);
  const max = item.photo ? NEWS_CAPTION_MAX : NEWS_TEXT_MAX;
  const buttons = () => {
    const keyboard = new InlineKeyboard();
    if (others && item.text[locale]) keyboard.text(t("news-edit-remove", { in: inLanguage }), REMOVE).row();
    return keyboard.add(cancelButton(t));
  };
  await ask(() => ({ text: t("news-edit-ask-text", { in: inLanguage, max }), other: { ...HTML, reply_markup: buttons() } }));
  const reply = await answer();
  const text = { ...item.text };
  if (reply.callbackQuery?.data === REMOVE && others) {
    delete text[locale];
  } else {
    const typed = reply.message?.text?.trim();
    if (!typed) return hint("publish-hint-text", { in: inLanguage }, buttons());
    if (typed.length > max) return hint(item.photo ? "publish-hint-caption" : "publish-hint-too-long", { max, length: typed.length }, buttons());
    text[locale] = typed;
  }
  const saved = await conversation.external(async (outer) => {
    const done = await outer.news.edit({ ...item, text });
    outer.logger.info({ news: id, staff: outer.from!.id }, "news item edited");
    return done;
  });
  await say(t(saved ? "news-edit-done" : "news-staff-missing", { id }), HTML);
}
