import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import type { Locale } from "./config.js";
import { escapeHtml } from "./html.js";

/** The profile shipped with the code; PROFILE_PATH points elsewhere. */
export const DEFAULT_PROFILE_PATH = fileURLToPath(new URL("../profile.yaml", import.meta.url));

const text = z.string({ error: "must be text" }).trim().min(1, "must not be empty");
const localized = z.strictObject({ ky: text, ru: text }, { error: "must have a ky and a ru text" });

const PHONE_HINT = "must be an international phone number like +996 554 999 222 (in quotes if written without spaces)";
const phone = z
  .string({ error: PHONE_HINT })
  .transform((value) => value.replace(/[\s()-]/g, ""))
  .pipe(z.string().regex(/^\+\d{8,15}$/, PHONE_HINT));
const website = z.url({ protocol: /^https?$/, error: "must be a web address starting with https://" });
const email = z.email({ error: "must be an e-mail address" });
const telegram = z
  .string({ error: "must be a Telegram username like @example_bot" })
  .regex(/^@[A-Za-z][A-Za-z0-9_]{3,31}$/, "must be a Telegram username like @example_bot");

const line = z.strictObject({ number: phone, hours: localized.optional(), label: localized.optional() });

const referral = z
  .strictObject({
    name: localized,
    helpsWith: localized,
    phones: z.array(line).default([]),
    websites: z.array(website).default([]),
    email: email.optional(),
    telegram: telegram.optional(),
  })
  .refine((r) => r.phones.length + r.websites.length > 0 || r.email || r.telegram, {
    error: "needs at least one way to reach it: phones, websites, email or telegram",
  });

const schema = z.strictObject({
  /** Who runs this bot and reads the reports. Left out until the operator has confirmed it. */
  organisation: z.strictObject({ name: localized, description: localized }).optional(),
  /** Numbers confirmed to answer when someone is in danger now; offered in the form and its consent. */
  emergency: z.array(line).default([]),
  hotlines: z.array(line).default([]),
  website: website.optional(),
  email: email.optional(),
  address: localized.optional(),
  officialBot: telegram.optional(),
  channels: z.array(z.strictObject({ name: localized, url: website })).default([]),
  referrals: z.array(referral).default([]),
});

export type Profile = z.output<typeof schema>;
export type Localized = NonNullable<Profile["organisation"]>["name"];
export type PhoneLine = Profile["hotlines"][number];
export type Referral = Profile["referrals"][number];

export const localize = (value: Localized, locale: Locale) => value[locale];

/**
 * The organisation's name, escaped for HTML, for texts that say who reads a report (`named` selects the
 * wording in Fluent): a profile that names none makes the bot say so rather than name a body that may not
 * read it.
 */
export const organisationVariables = (name: Localized | undefined | null, locale: Locale) =>
  name ? { org: escapeHtml(name[locale]), named: "yes" } : { org: "", named: "no" };

/** The emergency numbers as one line, or "" when none is configured. */
export const emergencyNumbers = (profile: Profile) => profile.emergency.map((entry) => entry.number).join(", ");

/** For texts that offer the emergency numbers: `emergency` selects the wording for when there are none. */
export const emergencyVariables = (numbers: string) => ({ hotline: numbers, emergency: numbers ? "yes" : "no" });

/** What an operator must fill in before going live, for the startup log. */
export function profileGaps(profile: Profile): string[] {
  return [
    ...(profile.organisation ? [] : ["organisation: the bot tells people it cannot yet say which organisation reads their report"]),
    ...(profile.emergency.length > 0 ? [] : ["emergency: no number is offered for when someone is in danger now"]),
  ];
}

export class ProfileError extends Error {}

export function parseProfile(source: string, name: string): Profile {
  let data: unknown;
  try {
    data = parse(source);
  } catch (err) {
    throw new ProfileError(`${name} is not valid YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(the whole file)"} ${issue.message}`);
  throw new ProfileError(`${name} has errors:\n${lines.join("\n")}`);
}

export function loadProfile(path = DEFAULT_PROFILE_PATH): Profile {
  let source: string;
  try {
    source = readFileSync(path, "utf8");
  } catch {
    throw new ProfileError(`Cannot read the organisation profile at ${path}. Set PROFILE_PATH to an existing file.`);
  }
  return parseProfile(source, path);
}
