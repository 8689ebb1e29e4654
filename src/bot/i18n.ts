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

// The plugin negotiates the language again on every t() call (@fluent/langneg, about 2.5 µs, and an
// update makes several calls: one per button label). The bundles are all loaded when the bot is made and
// never change, so the match for each locale list is computed once.
function rememberBundleMatches(i18n: I18n<BotContext>): void {
  const fluent = i18n.fluent as unknown as { matchBundles(locales: string[]): unknown };
  if (typeof fluent.matchBundles !== "function") throw new Error("@grammyjs/i18n changed: Fluent.matchBundles is gone");
  const match = fluent.matchBundles.bind(fluent);
  const matches = new Map<string, unknown>();
  fluent.matchBundles = (locales) => {
    const key = locales.join(",");
    if (!matches.has(key)) matches.set(key, match(locales));
    return matches.get(key);
  };
}

/** The language the person's latest words were written in, while they have not chosen one. */
function guessedLocale(ctx: BotContext): Locale | undefined {
  return ctx.from && "session" in ctx ? ctx.session.guessedLocale : undefined;
}

/** The language the bot knows for the person, if any: their choice, their latest words', or Telegram's. */
export const knownLocale = (ctx: BotContext): Locale | undefined =>
  chosenLocale(ctx) ?? guessedLocale(ctx) ?? supportedLocale(ctx.from?.language_code);

export function createI18n(defaultLocale: Locale, onMissing: MissingTranslationHandler): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale,
    directory: LOCALES_DIR,
    fluentBundleOptions: { useIsolating: false },
    fluentOptions: { warningHandler: onMissing },
    localeNegotiator: (ctx) => knownLocale(ctx) ?? defaultLocale,
  });
  rememberBundleMatches(i18n);
  return i18n;
}
