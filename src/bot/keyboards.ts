import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { LOCALES } from "../config.js";

export const CALLBACK = {
  language: "language",
  chooseLanguage: new RegExp(`^language:(${LOCALES.join("|")})$`),
} as const;

// Later features add their entries here (rights, report, news, contacts) as they are built.
export function mainMenu(t: TranslateFunction): InlineKeyboard {
  return new InlineKeyboard().text(t("menu-language"), CALLBACK.language);
}

export function languageKeyboard(t: TranslateFunction): InlineKeyboard {
  return new InlineKeyboard(LOCALES.map((locale) => [InlineKeyboard.text(t(`language-name-${locale}`), `language:${locale}`)]));
}
