import { InlineKeyboard } from "grammy";
import { CASE_DATA } from "./report-view.js";

const CODE = "([A-Z0-9-]+)";

/** Buttons under what the organisation sends a reporter; each press is checked against the reporter's own cases. */
export const REPORTER_DATA = {
  answerPattern: new RegExp(`^rr:${CODE}$`),
  consentPattern: new RegExp(`^rk:${CODE}:(y|n)$`),
  answer: (code: string) => `rr:${code}`,
  consent: (code: string, yes: boolean) => `rk:${code}:${yes ? "y" : "n"}`,
} as const;

/** Tells staff the reporter wrote something about the case; what they wrote is read by opening it. */
export function staffNotice(t: (key: string, variables?: Record<string, string | number>) => string, code: string, kind: string) {
  const keyboard = new InlineKeyboard().text(t("staff-alert-open"), CASE_DATA.open(code));
  return { text: t("case-reporter-wrote", { code, kind }), keyboard };
}
