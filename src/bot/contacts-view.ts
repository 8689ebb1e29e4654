import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import type { Locale } from "../config.js";
import { organisationVariables, type PhoneLine, type Profile, type Referral } from "../profile.js";
import { escapeHtml } from "../html.js";
import { CALLBACK, homeButton } from "./keyboards.js";
import type { Screen } from "./screens.js";

// Numbers are written without spaces (+996554999222): that is the form Telegram reliably makes tappable.
function phone(line: PhoneLine, locale: Locale, defaultLabel?: string): string {
  const name = line.label ? escapeHtml(line.label[locale]) : defaultLabel;
  const label = name ? `${name}: ` : "";
  const hours = line.hours ? ` (${escapeHtml(line.hours[locale])})` : "";
  return `${label}${line.number}${hours}`;
}

/** How to reach the organisation itself: what /contacts and /official both show. */
function reach(t: TranslateFunction, profile: Profile, locale: Locale): string[] {
  return [
    ...profile.hotlines.map((line) => `☎️ ${phone(line, locale, t("contacts-hotline"))}`),
    profile.website && `🌐 ${t("contacts-website")}: ${profile.website}`,
    profile.email && `✉️ ${t("contacts-email")}: ${escapeHtml(profile.email)}`,
    profile.address && `📍 ${t("contacts-address")}: ${escapeHtml(profile.address[locale])}`,
    profile.officialBot && `🤖 ${t("contacts-official-bot")}: ${profile.officialBot}`,
    ...profile.channels.map((channel) => `🔗 ${escapeHtml(channel.name[locale])}: ${channel.url}`),
  ].filter((line): line is string => Boolean(line));
}

function referral(entry: Referral, locale: Locale): string {
  const ways = [
    ...entry.phones.map((line) => `☎️ ${phone(line, locale)}`),
    ...entry.websites.map((url) => `🌐 ${url}`),
    entry.email && `✉️ ${escapeHtml(entry.email)}`,
    entry.telegram && `✈️ ${entry.telegram}`,
  ].filter(Boolean);
  return [`• <b>${escapeHtml(entry.name[locale])}</b> — ${escapeHtml(entry.helpsWith[locale])}`, ...ways.map((way) => `   ${way}`)].join("\n");
}

export function contactsScreen(t: TranslateFunction, profile: Profile, locale: Locale): Screen {
  const { organisation } = profile;
  const who = organisation ? `<b>${escapeHtml(organisation.name[locale])}</b>\n${escapeHtml(organisation.description[locale])}` : t("contacts-unnamed");
  const sections = [who, reach(t, profile, locale).join("\n")].filter(Boolean);
  if (profile.referrals.length > 0) {
    sections.push(`<b>${t("contacts-referrals")}</b>\n${profile.referrals.map((entry) => referral(entry, locale)).join("\n")}`);
  }
  const keyboard = new InlineKeyboard().text(t("contacts-official-button"), CALLBACK.official).row().add(homeButton(t));
  return { text: sections.join("\n\n"), keyboard };
}

export function officialScreen(t: TranslateFunction, profile: Profile, locale: Locale): Screen {
  const ways = reach(t, profile, locale);
  // Telling people to compare the bot's name letter by letter only makes sense when the name is shown, and
  // pointing to the channels above only when there are some.
  const warning = profile.officialBot ? "official-warning" : ways.length > 0 ? "official-warning-no-bot" : "official-none";
  const title = `<b>${t("official-title", organisationVariables(profile.organisation?.name, locale))}</b>`;
  const text = [title, ways.join("\n"), t(warning)].filter(Boolean).join("\n\n");
  return { text, keyboard: new InlineKeyboard().text(t("menu-contacts"), CALLBACK.contacts).row().add(homeButton(t)) };
}
