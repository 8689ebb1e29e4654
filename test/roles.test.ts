import { describe, expect, it } from "vitest";
import { isAdmin, isCaseworker, isEditor, isStaff } from "../src/bot/filters.js";
import type { BotContext } from "../src/bot/context.js";
import { createRoleStore, type Role } from "../src/roles.js";
import { createTestBot, newUserId, useRedis } from "./harness.js";

const redis = useRedis();

describe("roles", () => {
  it("admins come from ADMIN_IDS or are granted; every granted role is stored in Redis and can be revoked", async () => {
    const admin = newUserId();
    const worker = newUserId();
    const roles = createRoleStore(redis, [admin]);
    expect(await roles.grant(worker, "caseworker", "staff:1")).toBe(true);
    expect(await roles.grant(worker, "caseworker", "staff:1")).toBe(false);
    await roles.grant(admin, "editor", "staff:1");
    expect(await roles.grant(admin, "admin", "staff:1")).toBe(false);
    expect(await roles.rolesOf(admin)).toEqual(["admin", "editor"]);
    expect(await roles.rolesOf(worker)).toEqual(["caseworker"]);
    await roles.grant(worker, "admin", "staff:1");
    expect(await roles.rolesOf(worker)).toEqual(["admin", "caseworker"]);
    expect(await roles.revoke(worker, "caseworker", "staff:1")).toBe("revoked");
    expect(await roles.revoke(worker, "admin", "staff:1")).toBe("revoked");
    expect(await roles.revoke(worker, "admin", "staff:1")).toBe("absent");
    expect(await roles.rolesOf(worker)).toEqual([]);
    expect(await roles.revoke(admin, "admin", "staff:1")).toBe("permanent");
  });

  const ctxWith = (roles: Role[]) => ({ roles: async () => roles }) as unknown as BotContext;
  const table: Array<[Role[], boolean, boolean, boolean, boolean]> = [
    // roles            admin  caseworker editor staff
    [[], false, false, false, false],
    [["editor"], false, false, true, true],
    [["caseworker"], false, true, false, true],
    [["admin"], true, true, true, true],
  ];
  for (const [roles, admin, caseworker, editor, staff] of table) {
    it(`filters for ${JSON.stringify(roles)}`, async () => {
      const ctx = ctxWith(roles);
      expect([await isAdmin(ctx), await isCaseworker(ctx), await isEditor(ctx), await isStaff(ctx)]).toEqual([
        admin, caseworker, editor, staff,
      ]);
    });
  }
});

describe("/whoami", () => {
  it("tells an admin from ADMIN_IDS their roles and id", async () => {
    const id = newUserId();
    await createRoleStore(redis, []).grant(id, "caseworker", "staff:1");
    const bot = createTestBot(redis, { env: { ADMIN_IDS: `1,${id}` } });
    const person = bot.user({ id, language_code: "ru" });
    await person.send("/whoami");
    expect(person.last.text).toBe(`Ваши роли: администратор, специалист по делам.\nTelegram ID: ${id}\n${bot.i18n.t("ru", "whoami-editor")}`);
  });

  it("tells a stored editor their role in Kyrgyz", async () => {
    const id = newUserId();
    await createRoleStore(redis, []).grant(id, "editor", "staff:1");
    const bot = createTestBot(redis);
    const person = bot.user({ id, language_code: "ky" });
    await person.send("/whoami");
    expect(person.last.text).toBe(`Сиздин ролдоруңуз: редактор.\nTelegram ID: ${id}\n${bot.i18n.t("ky", "whoami-editor")}`);
  });

  it("tells anyone else nothing special: the ordinary reply to an unknown command", async () => {
    const person = createTestBot(redis).user({ id: newUserId(), language_code: "ru" });
    await person.send("/whoami");
    expect(person.last.text).toMatch(/^Извините, это сообщение не удалось разобрать/);
  });
});
