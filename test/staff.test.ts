import { describe, expect, it } from "vitest";
import { AUDIT } from "../src/bot/audit-view.js";
import { STAFF } from "../src/bot/staff-view.js";
import { entryOf } from "../src/audit/stream.js";
import { KEYS } from "../src/redis.js";
import { createRoleStore } from "../src/roles.js";
import { buttonText, buttonsOf, type FakeUser } from "../src/telegram/fake-user.js";
import { createTestBot, newUserId, useRedis } from "./harness.js";
import { labels } from "./report-helpers.js";

const redis = useRedis();

function adminBot(env: Record<string, string> = {}) {
  const adminId = newUserId();
  const bot = createTestBot(redis, { env: { ADMIN_IDS: String(adminId), ...env } });
  return { bot, l: labels(bot, "ru"), admin: bot.user({ id: adminId, language_code: "ru", first_name: "Asel" }) };
}

const lastAnswer = (person: FakeUser) => person.calls.filter((call) => call.method === "answerCallbackQuery").at(-1)?.payload;

async function auditOf(target: number) {
  return (await redis.xrange(KEYS.audit, "-", "+")).map(entryOf).filter((entry) => entry.details.target === String(target));
}

const forwardedFrom = (sender: { id: number; first_name: string; username?: string }) =>
  ({ text: "Салам", forward_origin: { type: "user" as const, date: 0, sender_user: { is_bot: false, ...sender } } });

describe("/staff", () => {
  it("grants a role by Telegram id, editing one message, tells the person, and writes the audit in the same step", async () => {
    const { bot, l, admin } = adminBot();
    const target = newUserId();
    await admin.send(`/staff ${target}`);
    expect(admin.last.text).toBe(`<b>${l("staff-id", { id: String(target) })}</b>\n${l("staff-no-roles")}`);
    await admin.click(l("staff-grant", { role: l("role-caseworker") }));
    expect(await redis.smembers(KEYS.roles + target)).toEqual(["caseworker"]);
    expect(lastAnswer(admin)).toMatchObject({ text: l("staff-granted", { role: l("role-caseworker") }), show_alert: false });
    expect(admin.messages).toHaveLength(1);
    expect(admin.last.text).toContain(l("staff-roles", { roles: l("role-caseworker") }));
    expect(buttonsOf(admin.last).map(buttonText)).toContain(l("staff-revoke", { role: l("role-caseworker") }));
    expect(bot.telegram.chat(target).map((message) => message.text)).toEqual([l("staff-granted-you", { role: l("role-caseworker") })]);
    expect(await auditOf(target)).toMatchObject([{ action: "role:grant", actor: `staff:${admin.id}`, details: { target: String(target), role: "caseworker" } }]);
  });

  it("revokes only after a confirmation, and writes it to the audit", async () => {
    const { l, admin } = adminBot();
    const target = newUserId();
    await redis.sadd(KEYS.roles + target, "caseworker", "editor");
    await admin.send(`/staff ${target}`);
    await admin.click(l("staff-revoke", { role: l("role-editor") }));
    expect(admin.last.text).toBe(l("staff-confirm-revoke", { name: l("staff-id", { id: String(target) }), role: l("role-editor") }));
    expect(await redis.smembers(KEYS.roles + target)).toHaveLength(2);
    await admin.click(l("rights-back"));
    expect(admin.last.text).toContain(l("role-editor"));
    await admin.click(l("staff-revoke", { role: l("role-editor") }));
    await admin.click(l("staff-confirm-revoke-yes"));
    expect(await redis.smembers(KEYS.roles + target)).toEqual(["caseworker"]);
    expect(lastAnswer(admin)).toMatchObject({ text: l("staff-revoke-revoked", { role: l("role-editor") }) });
    expect(admin.messages).toHaveLength(1);
    expect(await auditOf(target)).toMatchObject([{ action: "role:revoke", actor: `staff:${admin.id}`, details: { role: "editor" } }]);
  });

  it("finds the person from a forwarded message, keeps their name once they have a role, and shows it escaped", async () => {
    const { bot, l, admin } = adminBot();
    const target = newUserId();
    await admin.sendMessage(forwardedFrom({ id: target, first_name: "Бек <b>", username: "bek_k" }));
    expect(admin.last.text.split("\n")[0]).toBe(`<b>Бек &lt;b&gt; @bek_k</b> · ${l("staff-id", { id: String(target) })}`);
    expect(await redis.hget(KEYS.staffNames, String(target))).toBeNull();
    await admin.click(l("staff-grant", { role: l("role-editor") }));
    expect(await redis.hget(KEYS.staffNames, String(target))).toBe("Бек <b> @bek_k");
    await admin.send("/staff");
    expect(admin.last.text).toContain(`• Бек &lt;b&gt; @bek_k — ${l("role-editor")}`);
    expect(admin.last.text).toContain(`• Asel — ${l("role-admin")} ${l("staff-permanent-mark")}`);
    expect(bot.logs.lines.join("\n")).not.toContain("Бек");
  });

  it("names the way forward when the person hides their account in forwards, and takes them from Telegram's picker", async () => {
    const { l, admin } = adminBot();
    await admin.sendMessage({ text: "Салам", forward_origin: { type: "hidden_user", date: 0, sender_user_name: "Бек" } });
    expect(admin.last.text).toBe(l("staff-forward-hidden"));
    const [pick] = buttonsOf(admin.last);
    expect(pick).toMatchObject({ text: l("staff-pick"), request_users: { request_id: 1, request_name: true, request_username: true } });
    await admin.sendMessage({ text: "Салам", forward_origin: { type: "channel", date: 0, message_id: 1, chat: { id: -100, type: "channel", title: "News" } } });
    expect(admin.last.text).toBe(l("staff-forward-not-person"));
    const target = newUserId();
    await admin.sendMessage({ users_shared: { request_id: 1, users: [{ user_id: target, first_name: "Бек" }] } });
    expect(admin.last.text.split("\n")[0]).toBe(`<b>Бек</b> · ${l("staff-id", { id: String(target) })}`);
  });

  it("says so, without failing, when the granted person cannot be reached", async () => {
    const { bot, l, admin } = adminBot();
    const target = newUserId();
    bot.telegram.fault = (call) =>
      call.method === "sendMessage" && call.payload.chat_id === target ? { ok: false, error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" } : undefined;
    await admin.send(`/staff ${target}`);
    await admin.click(l("staff-grant", { role: l("role-caseworker") }));
    expect(lastAnswer(admin)).toMatchObject({ text: l("staff-granted-not-told", { role: l("role-caseworker") }), show_alert: true });
    expect(await redis.smembers(KEYS.roles + target)).toEqual(["caseworker"]);
    expect(admin.last.text).toContain(l("staff-roles", { roles: l("role-caseworker") }));
  });

  it("cannot revoke an ADMIN_IDS admin; grants admin after a confirmation, and that admin can be revoked", async () => {
    const { bot, l, admin } = adminBot();
    await admin.send(`/staff ${admin.id}`);
    expect(admin.last.text).toContain(l("staff-permanent"));
    const labelsShown = buttonsOf(admin.last).map(buttonText);
    expect(labelsShown).not.toContain(l("staff-revoke", { role: l("role-admin") }));
    expect(labelsShown).not.toContain(l("staff-grant", { role: l("role-admin") }));
    await admin.pressData(admin.last, STAFF.changeData("ry", admin.id, "admin"));
    expect(lastAnswer(admin)).toMatchObject({ text: l("staff-revoke-permanent", { role: l("role-admin") }), show_alert: true });
    expect(await createRoleStore(redis, [admin.id]).rolesOf(admin.id)).toEqual(["admin"]);

    const second = bot.user({ id: newUserId(), language_code: "ru" });
    await admin.send(`/staff ${second.id}`);
    await admin.click(l("staff-grant", { role: l("role-admin") }));
    expect(admin.last.text).toBe(l("staff-confirm-admin", { name: l("staff-id", { id: String(second.id) }) }));
    expect(await redis.smembers(KEYS.roles + second.id)).toEqual([]);
    await admin.click(l("staff-confirm-admin-yes"));
    expect(await redis.smembers(KEYS.roles + second.id)).toEqual(["admin"]);
    await second.send("/staff");
    expect(second.last.text).toContain(`<b>${l("staff-title")}</b>`);

    await admin.click(l("staff-revoke", { role: l("role-admin") }));
    await admin.click(l("staff-confirm-revoke-yes"));
    expect(await redis.smembers(KEYS.roles + second.id)).toEqual([]);
    expect((await auditOf(second.id)).map((entry) => `${entry.action} ${entry.details.role}`)).toEqual(["role:grant admin", "role:revoke admin"]);
  });

  it("never leaves the bot without an admin: with no ADMIN_IDS the last granted admin cannot drop the role", async () => {
    const bot = createTestBot(redis, { env: { ADMIN_IDS: "" } });
    const l = labels(bot, "ru");
    const store = createRoleStore(redis, []);
    for (const key of await redis.keys(`${KEYS.roles}*`)) await redis.del(key);
    const only = bot.user({ id: newUserId(), language_code: "ru" });
    await store.grant(only.id, "admin", "staff:1");
    await only.send(`/staff ${only.id}`);
    await only.click(l("staff-revoke", { role: l("role-admin") }));
    await only.click(l("staff-confirm-revoke-yes"));
    expect(lastAnswer(only)).toMatchObject({ text: l("staff-revoke-last-admin", { role: l("role-admin") }), show_alert: true });
    expect(await store.rolesOf(only.id)).toEqual(["admin"]);
    const other = newUserId();
    await store.grant(other, "admin", "staff:1");
    expect(await store.revoke(only.id, "admin", `staff:${only.id}`)).toBe("revoked");
    expect(await store.revoke(other, "admin", `staff:${other}`)).toBe("last-admin");
  });

  it("learns a staff member's name when they use a staff command, and never a citizen's", async () => {
    const bot = createTestBot(redis);
    const caseworker = bot.user({ id: newUserId(), language_code: "ru", first_name: "Нурлан" });
    await redis.sadd(KEYS.roles + caseworker.id, "caseworker");
    const citizen = bot.user({ id: newUserId(), language_code: "ru", first_name: "Гражданин" });
    await caseworker.send("/cases");
    await citizen.send("/cases");
    await citizen.send("/staff");
    expect(await redis.hget(KEYS.staffNames, String(caseworker.id))).toBe("Нурлан");
    expect(await redis.hget(KEYS.staffNames, String(citizen.id))).toBeNull();
  });

  it("keeps every button's data within Telegram's 64 bytes", () => {
    const id = Number.MAX_SAFE_INTEGER;
    const longest = [
      STAFF.changeData("ry", id, "caseworker"), STAFF.cardData(id),
      AUDIT.data({ staff: id }, { older: `${Number.MAX_SAFE_INTEGER}-99999999999999999999` }), AUDIT.data({ code: "ACD-EFG-HJK" }, { newer: "1718000000000-12" }),
    ];
    for (const data of longest) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(STAFF.change.test(STAFF.changeData("ry", id, "caseworker"))).toBe(true);
    expect(AUDIT.decode([...AUDIT.page.exec(AUDIT.data({ code: "ACD-EFG-HJK" }, { newer: "1718000000000-12" }))!])).toEqual({ filter: { code: "ACD-EFG-HJK" }, cursor: { newer: "1718000000000-12" } });
  });
});
