import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentResource } from "@fluent/bundle";
import { Fluent } from "@grammyjs/i18n";
import { describe, expect, it, vi } from "vitest";
import { createI18n } from "../src/bot/i18n.js";
import { LOCALES } from "../src/config.js";
import { throwOnMissingTranslation } from "./harness.js";

// Every variable any message uses, so each message can be formatted.
const VARIABLES = {
  roles: "", id: "", org: "", named: "yes", emergency: "yes", date: "", handle: "", hotline: "", min: 20, max: 4000, missing: 1, length: 1, count: 1, minutes: 1,
  code: "", pin: "", status: "", version: "", time: "", parts: "", total: 1, chars: "", from: 1, to: 1, days: 1, assignee: "", name: "", role: "", person: "",
  state: "none", kind: "added", detail: "", next: "", times: 2, fresh: 1, urgent: 1, overdue: 1, retention: 365,
  hours: 1, cases: 1, label: "", month: 1, year: "", language: "", region: "",
  sent: 1, failed: 1, blocked: 1, remaining: 1, unsent: 1, position: 1, example: "", news: 1, audience: "", in: "", approval: "no", later: "no",
};

const LOCALES_DIR = join(import.meta.dirname, "..", "locales");

function messageIds(locale: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of readdirSync(join(LOCALES_DIR, locale)).filter((name) => name.endsWith(".ftl")).sort()) {
    const resource = new FluentResource(readFileSync(join(LOCALES_DIR, locale, file), "utf8"));
    for (const { id } of resource.body) ids.set(id, file);
  }
  return ids;
}

describe("locales", () => {
  it("ky and ru have exactly the same message ids, in the same feature files", () => {
    const [ky, ru] = LOCALES.map(messageIds);
    expect(ky?.size).toBeGreaterThan(10);
    expect([...(ru ?? [])].sort()).toEqual([...(ky ?? [])].sort());
  });

  it("a missing message id throws in tests instead of showing the id to a person", () => {
    const i18n = createI18n("ky", throwOnMissingTranslation);
    expect(() => i18n.t("ru", "no-such-message")).toThrow(/missing translation: no-such-message/);
  });

  it("each locale is matched to its bundle once, and every message still comes from the right one", () => {
    const match = vi.spyOn(Fluent.prototype as unknown as { matchBundles(locales: string[]): unknown }, "matchBundles");
    try {
      const i18n = createI18n("ky", throwOnMissingTranslation);
      for (let round = 0; round < 3; round++) {
        expect(i18n.t("ru", "menu-rights")).toBe("📚 Ваши права");
        expect(i18n.t("ky", "menu-rights")).toBe("📚 Сиздин укуктарыңыз");
        expect(i18n.t("en", "menu-rights")).toBe("📚 Сиздин укуктарыңыз");
      }
      expect(match).toHaveBeenCalledTimes(3);
    } finally {
      match.mockRestore();
    }
  });

  it("Kyrgyz texts are written in Kyrgyz letters, not only Russian ones", () => {
    const i18n = createI18n("ky", throwOnMissingTranslation);
    const kyrgyz = [...messageIds("ky").keys()].map((id) => i18n.t("ky", id, VARIABLES)).join(" ");
    expect(kyrgyz).toMatch(/[өүң]/);
  });
});
