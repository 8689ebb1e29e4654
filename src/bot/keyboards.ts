import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { LOCALES } from "../config.js";
import { REPORT_CALLBACK } from "./report-view.js";

const TOPIC_ID = "[a-z-]+";

export const CALLBACK = {
  home: "home",
  language: "language",
  // A language chosen from a deep link carries the topic the person came for.
  chooseLanguage: new RegExp(`^language:(${LOCALES.join("|")})(?::(${TOPIC_ID}))?$`),
  // A language chosen from the prompt that replied to the person's first message: that message is handled then.
  again: "again",
  chooseAndAgain: new RegExp(`^language:(${LOCALES.join("|")}):again$`),
  rights: "rights",
  topic: new RegExp(`^rights:(${TOPIC_ID})$`),
  contacts: "contacts",
  news: "news",
  newsPage: /^news:(\d+)$/,
  subscription: "sub",
  subscribe: "sub:on",
  unsubscribe: "sub:off",
  subscriptionRegions: "sub:region",
  // A region chosen for the subscription, or "-" for none.
  subscriptionRegion: /^sub:region:([a-z-]+)$/,
  // The one-tap «unsubscribe» under every broadcast message: it leaves the message as it was.
  stopNews: "sub:stop",
  // Staff actions on a broadcast, by its id.
  broadcast: /^bc:(pause|resume|cancel|cancel-yes|approve|reject|view):(\d+)$/,
  broadcasts: "bc:list",
  // Staff actions on a published news item, by its id.
  newsItem: /^nw:(view|edit|unpublish|unpublish-yes):(\d+)$/,
  newsList: "nw:list",
  official: "official",
  clear: "clear",
  clearConfirmed: "clear:yes",
  clearKept: "clear:no",
} as const;

export const topicData = (id: string) => `rights:${id}`;

export function mainMenu(t: TranslateFunction): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("menu-rights"), CALLBACK.rights)
    .row()
    .text(t("menu-report"), REPORT_CALLBACK.start)
    .row()
    .text(t("menu-mine"), REPORT_CALLBACK.mine)
    .row()
    .text(t("menu-contacts"), CALLBACK.contacts)
    .row()
    .text(t("menu-news"), CALLBACK.news)
    .row()
    .text(t("menu-clear"), CALLBACK.clear)
    .text(t("menu-language"), CALLBACK.language);
}

export const homeButton = (t: TranslateFunction) => InlineKeyboard.text(t("rights-home"), CALLBACK.home);

export function languageKeyboard(t: TranslateFunction, topic?: string): InlineKeyboard {
  const data = (locale: string) => (topic ? `language:${locale}:${topic}` : `language:${locale}`);
  return new InlineKeyboard(LOCALES.map((locale) => [InlineKeyboard.text(t(`language-name-${locale}`), data(locale))]));
}
