import { InlineKeyboard } from "grammy";
import type { Conversation } from "@grammyjs/conversations";
import { parseBishkekTime } from "../../complaints/bishkek-time.js";
import { LOCALES, type Locale } from "../../config.js";
import type { Broadcast } from "../../news/broadcasts.js";
import type { Audience } from "../../news/subscribers.js";
import type { BotContext, ConversationContext } from "../context.js";
import { NEWS_CAPTION_MAX, NEWS_TEXT_MAX, newsScreen } from "../news-view.js";
import { cancelButton, localTime } from "../report-view.js";
import { HTML } from "../screens.js";
import { SUBSCRIPTION_REGIONS } from "../subscription-view.js";
import { editorFormChat } from "./input.js";

export const PUBLISH = "publish";

const DATA = {
  skip: "r:skip",
  noPhoto: "r:no-photo",
  noLink: "r:no-link",
  publish: "r:publish",
  broadcast: "r:broadcast",
  now: "r:now",
  later: "r:later",
  send: "r:send",
  everyone: "r:all",
  language: (locale: Locale) => `r:lang:${locale}`,
  region: (region: string) => `r:region:${region}`,
} as const;

const LINK = /^https:\/\/[^\s<>"]+$/;
const LINK_MAX = 2000;
/** A broadcast is scheduled at most this far ahead. */
const SCHEDULE_MAX_MS = 90 * 86_400_000;

/**
 * /publish: the text in each language (either may be skipped, not both), an optional photo and link, a
 * preview as each language's readers will see it, then publish, or publish and broadcast (audience,
 * count, time, and a second editor's approval when that is required). The role is read again on every
 * answer. The conversation is replayed on every update: Redis, time and the outside context go through
 * conversation.external.
 */
export async function publishConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext) {
  const { t, say, ask, hint, answer } = editorFormChat(conversation, ctx, "publish");
  const cancel = () => new InlineKeyboard().add(cancelButton(t));

  const text: Partial<Record<Locale, string>> = {};
  for (const locale of LOCALES) {
    const inLanguage = t(`publish-in-${locale}`);
    const buttons = () => new InlineKeyboard().text(t("publish-skip"), DATA.skip).row().add(cancelButton(t));
    await ask(() => ({ text: t("publish-ask-text", { in: inLanguage, max: NEWS_TEXT_MAX }), other: { ...HTML, reply_markup: buttons() } }));
    const reply = await answer();
    if (reply.callbackQuery?.data === DATA.skip) {
      if (locale === LOCALES.at(-1) && Object.keys(text).length === 0) await hint("publish-hint-one-text", undefined, buttons());
      continue;
    }
    const typed = reply.message?.text?.trim();
    if (!typed) await hint("publish-hint-text", { in: inLanguage }, buttons());
    if (typed!.length > NEWS_TEXT_MAX) await hint("publish-hint-too-long", { max: NEWS_TEXT_MAX, length: typed!.length }, buttons());
    text[locale] = typed!;
  }

  const photoButtons = () => new InlineKeyboard().text(t("publish-no-photo"), DATA.noPhoto).row().add(cancelButton(t));
  await ask(() => ({ text: t("publish-ask-photo", { max: NEWS_CAPTION_MAX }), other: { ...HTML, reply_markup: photoButtons() } }));
  const photoReply = await answer();
  let photo: string | undefined;
  if (photoReply.callbackQuery?.data !== DATA.noPhoto) {
    photo = photoReply.message?.photo?.at(-1)?.file_id;
    if (!photo) await hint("publish-hint-photo", undefined, photoButtons());
    const longest = Math.max(...Object.values(text).map((each) => each.length));
    // With a photo the text is its caption, which Telegram keeps short.
    if (longest > NEWS_CAPTION_MAX) await hint("publish-hint-caption", { max: NEWS_CAPTION_MAX, length: longest }, photoButtons());
  }

  const linkButtons = () => new InlineKeyboard().text(t("publish-no-link"), DATA.noLink).row().add(cancelButton(t));
  await ask(() => ({ text: t("publish-ask-link"), other: { ...HTML, reply_markup: linkButtons() } }));
  const linkReply = await answer();
  let link: string | undefined;
  if (linkReply.callbackQuery?.data !== DATA.noLink) {
    link = linkReply.message?.text?.trim();
    if (!link || !LINK.test(link) || link.length > LINK_MAX || !URL.canParse(link)) await hint("publish-hint-link", undefined, linkButtons());
  }

  // Each language's readers' view, with the heading and buttons they get, in their language.
  const now = await conversation.now();
  const item = { id: 0, at: now, text, ...(photo ? { photo } : {}), ...(link ? { link } : {}) };
  const previews = await conversation.external(async (outer) => {
    const views = [];
    for (const locale of LOCALES.filter((each) => text[each])) {
      const total = (await outer.news.page(0, 0, locale)).total + 1;
      const screen = newsScreen((key, variables) => outer.translateFor(locale, key, variables as Record<string, string | number> | undefined), item, locale, 0, total);
      views.push({ locale, text: screen.text, keyboard: screen.keyboard.inline_keyboard, photo: screen.photo });
    }
    return views;
  });
  for (const preview of previews) {
    await say(t("publish-preview-for", { in: t(`publish-in-${preview.locale}`) }), HTML);
    const other = { ...HTML, reply_markup: { inline_keyboard: preview.keyboard } };
    if (preview.photo) await ctx.replyWithPhoto(preview.photo, { ...other, caption: preview.text }).catch(() => undefined);
    else await say(preview.text, other);
  }
  const missing = LOCALES.filter((locale) => !text[locale]).map((locale) => t(`publish-in-${locale}`));
  // A broadcast that could never go is not offered: nobody reads a language it has a text in, or approval
  // is required and nobody but the author could give it.
  const { approval, approvers, readers } = await conversation.external(async (outer) => {
    const counts = await outer.subscribers.countByLocale({}, LOCALES);
    return {
      approval: outer.config.broadcast.approval,
      approvers: (await outer.roleStore.editors()).filter((editor) => editor !== outer.from!.id).length,
      readers: LOCALES.filter((locale) => text[locale]).reduce((sum, locale) => sum + counts[locale], 0),
    };
  });
  const cannot = readers === 0 ? "publish-nobody" : approval && approvers === 0 ? "publish-no-approver" : undefined;
  const choice = () => {
    const keyboard = new InlineKeyboard().text(t("publish-publish"), DATA.publish).row();
    if (!cannot) keyboard.text(t("publish-and-broadcast"), DATA.broadcast).row();
    return keyboard.add(cancelButton(t));
  };
  await ask(() => ({
    text: [t("publish-preview-done"), ...missing.map((inLanguage) => t("publish-preview-missing", { in: inLanguage })), ...(cannot ? ["", t(cannot)] : [])].join("\n"),
    other: { ...HTML, reply_markup: choice() },
  }));
  const decision = (await answer()).callbackQuery?.data;
  if (decision !== DATA.publish && (decision !== DATA.broadcast || cannot)) await hint("publish-hint-button", undefined, choice());

  async function publishOnly() {
    const id = await conversation.external(async (outer) => {
      const published = await outer.news.publish({ at: now, text, photo, link });
      outer.logger.info({ news: published, staff: outer.from!.id }, "news published");
      return published;
    });
    await say(t("publish-done", { id }), HTML);
  }
  if (decision === DATA.publish) return publishOnly();

  // The audience: a language, then a region (each may be «all»).
  const languages = () => {
    const keyboard = new InlineKeyboard().text(t("publish-audience-all-languages"), DATA.everyone).row();
    for (const locale of LOCALES) keyboard.text(t(`publish-language-${locale}`), DATA.language(locale));
    return keyboard.row().add(cancelButton(t));
  };
  await ask(() => ({ text: t("publish-ask-audience-language"), other: { ...HTML, reply_markup: languages() } }));
  const languageData = (await answer()).callbackQuery?.data;
  const chosenLocale = LOCALES.find((locale) => languageData === DATA.language(locale));
  if (!chosenLocale && languageData !== DATA.everyone) await hint("publish-hint-button", undefined, languages());

  const regions = () => {
    const keyboard = new InlineKeyboard().text(t("publish-audience-all-regions"), DATA.everyone).row();
    SUBSCRIPTION_REGIONS.forEach((region, index) => {
      keyboard.text(t(`report-region-${region}`), DATA.region(region));
      if (index % 2 === 1) keyboard.row();
    });
    return keyboard.row().add(cancelButton(t));
  };
  await ask(() => ({ text: t("publish-ask-audience-region"), other: { ...HTML, reply_markup: regions() } }));
  const regionData = (await answer()).callbackQuery?.data;
  const chosenRegion = SUBSCRIPTION_REGIONS.find((region) => regionData === DATA.region(region));
  if (!chosenRegion && regionData !== DATA.everyone) await hint("publish-hint-button", undefined, regions());
  const audience: Audience = { ...(chosenLocale ? { locale: chosenLocale } : {}), ...(chosenRegion ? { region: chosenRegion } : {}) };

  const counts = await conversation.external((outer) => outer.subscribers.countByLocale(audience, LOCALES));
  const reached = LOCALES.filter((locale) => text[locale]).reduce((sum, locale) => sum + counts[locale], 0);
  const left = LOCALES.filter((locale) => !text[locale] && counts[locale] > 0);

  const when = () => new InlineKeyboard().text(t("publish-now"), DATA.now).text(t("publish-later"), DATA.later).row().add(cancelButton(t));
  const countLines = () => [
    t("publish-audience-count", { count: reached }),
    ...left.map((locale) => t("publish-audience-no-text", { count: counts[locale], in: t(`publish-in-${locale}`) })),
  ];
  await ask(() => ({ text: [...countLines(), "", t("publish-ask-when")].join("\n"), other: { ...HTML, reply_markup: when() } }));
  const whenData = (await answer()).callbackQuery?.data;
  if (whenData !== DATA.now && whenData !== DATA.later) await hint("publish-hint-button", undefined, when());
  let sendAt = now;
  if (whenData === DATA.later) {
    await ask(() => ({ text: t("publish-ask-time", { example: localTime(now + 86_400_000) }), other: { ...HTML, reply_markup: cancel() } }));
    const typed = (await answer()).message?.text ?? "";
    const at = parseBishkekTime(typed);
    const moment = await conversation.now();
    if (at === undefined) await hint("publish-hint-time", { example: localTime(now + 86_400_000) });
    if (at! <= moment) await hint("publish-hint-time-range");
    if (at! > moment + SCHEDULE_MAX_MS) await hint("publish-hint-time-far", { days: SCHEDULE_MAX_MS / 86_400_000 });
    sendAt = at!;
  }

  // This audience may still have nobody who reads a language with a text.
  const blocked = reached === 0 ? "publish-nobody-here" : undefined;
  const confirm = () => {
    const keyboard = new InlineKeyboard();
    keyboard.text(t(blocked ? "publish-publish" : "publish-send"), blocked ? DATA.publish : DATA.send).row();
    return keyboard.add(cancelButton(t));
  };
  await ask(() => ({
    text: [
      ...countLines(),
      whenData === DATA.later ? t("publish-at", { time: localTime(sendAt) }) : t("publish-at-once"),
      approval ? t("publish-approval-needed") : "",
      blocked ? `\n${t(blocked)}` : t("publish-feed-now", { approval: approval ? "yes" : "no", later: whenData === DATA.later ? "yes" : "no" }),
    ].filter(Boolean).join("\n"),
    other: { ...HTML, reply_markup: confirm() },
  }));
  const last = (await answer()).callbackQuery?.data;
  if (last !== (blocked ? DATA.publish : DATA.send)) await hint("publish-hint-button", undefined, confirm());
  // Nobody to send to: the news can still go into the feed.
  if (blocked) return publishOnly();

  const created = await conversation.external(async (outer): Promise<Pick<Broadcast, "id" | "state"> & { news: number }> => {
    const news = await outer.news.publish({ at: now, text, photo, link });
    const broadcast = await outer.broadcasts.create({ text, audience, ...(photo ? { photo } : {}), ...(link ? { link } : {}) }, outer.from!.id, {
      approval: outer.config.broadcast.approval,
      sendAt,
    });
    outer.logger.info({ news, broadcast: broadcast.id, staff: outer.from!.id, recipients: reached }, "news published and broadcast created");
    return { id: broadcast.id, state: broadcast.state, news };
  });
  const key = created.state === "awaiting" ? "publish-broadcast-awaiting" : whenData === DATA.later ? "publish-broadcast-scheduled" : "publish-broadcast-sending";
  await say(t(key, { id: created.id, news: created.news, time: localTime(sendAt) }), HTML);
}
