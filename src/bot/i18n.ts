import { fileURLToPath } from "node:url";
import { I18n, type Warning } from "@grammyjs/i18n";
import { LOCALES, type Locale } from "../config.js";
import type { BotContext } from "./context.js";

export type MissingTranslationHandler = (warning: Warning) => void;

const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

export function supportedLocale(code: string | undefined): Locale | undefined {
  const language = code?.toLowerCase().split("-")[0];
  return LOCALES.find((locale) => locale === language);
}

/** The choice the person made with /language or the start buttons, if any. */
export function chosenLocale(ctx: BotContext): Locale | undefined {
  // Updates without a sender (channel posts) have no session key, and reading the session would throw.
  // Contexts inside conversations have no session at all.
  return ctx.from && "session" in ctx ? ctx.session.locale : undefined;
}

export function createI18n(defaultLocale: Locale, onMissing: MissingTranslationHandler): I18n<BotContext> {
  return new I18n<BotContext>({
    defaultLocale,
    directory: LOCALES_DIR,
    fluentBundleOptions: { useIsolating: false },
    fluentOptions: { warningHandler: onMissing },
    localeNegotiator: (ctx) =>
      chosenLocale(ctx) ?? supportedLocale(ctx.from?.language_code) ?? defaultLocale,
  });
}
