import { describe, expect, it } from "vitest";
import { AUDIT } from "../src/bot/audit-view.js";
import { STAFF } from "../src/bot/staff-view.js";
import { KEYS } from "../src/redis.js";
import { ROLES } from "../src/roles.js";
import { createTestBot, newUserId, useRedis } from "./harness.js";
import { labels } from "./report-helpers.js";

const redis = useRedis();

/** Everything /staff and /audit could change. */
async function snapshot() {
  const keys = (await redis.keys(`${KEYS.roles}*`)).sort();
  const roles = await Promise.all(keys.map(async (key) => [key, (await redis.smembers(key)).sort()]));
  return {
    roles, names: await redis.hgetall(KEYS.staffNames), candidates: await redis.keys(`${KEYS.staffCandidate}*`),
    audit: await redis.xlen(KEYS.audit), exported: await redis.get(KEYS.auditExported),
  };
}

describe("/staff and /audit are for admins only", () => {
  it("give a citizen, an editor and a caseworker nothing and change nothing, by command, forward or forged button", async () => {
    const admin = newUserId();
    const staffMember = newUserId();
    const bot = createTestBot(redis, { env: { ADMIN_IDS: String(admin) } });
    const l = labels(bot, "ru");
    await redis.sadd(KEYS.roles + staffMember, "caseworker");
    await redis.xadd(KEYS.audit, "*", "action", "opened", "code", "ACD-EFG-HJK", "actor", `staff:${staffMember}`);
    const someone = { id: newUserId(), is_bot: false, first_name: "Бек" };

    for (const role of [undefined, "editor", "caseworker"] as const) {
      const person = bot.user({ id: newUserId(), language_code: "ru", first_name: "Тест" });
      if (role) await redis.sadd(KEYS.roles + person.id, role);
      const before = await snapshot();
      const callsBefore = bot.telegram.calls.length;
      for (const text of ["/staff", `/staff ${staffMember}`, "/audit", `/audit ${staffMember}`, "/audit ACD-EFG-HJK"]) await person.send(text);
      await person.sendMessage({ text: "Салам", forward_origin: { type: "user", date: 0, sender_user: someone } });
      await person.sendMessage({ users_shared: { request_id: 1, users: [{ user_id: someone.id, first_name: "Бек" }] } });
      const forged = [
        STAFF.list, STAFF.pick, STAFF.cardData(staffMember), AUDIT.export, AUDIT.data({}), AUDIT.data({ staff: staffMember }, { older: "1-0" }),
        AUDIT.data({ code: "ACD-EFG-HJK" }, { newer: "1-0" }),
        ...ROLES.flatMap((each) => (["g", "gy", "r", "ry"] as const).flatMap((step) => [STAFF.changeData(step, person.id, each), STAFF.changeData(step, staffMember, each)])),
      ];
      for (const data of forged) await person.pressData({ message_id: 1, text: "" }, data);

      const shown = person.messages.map((message) => message.text).join("\n");
      for (const key of ["staff-title", "staff-no-roles", "staff-pick-prompt", "audit-title", "staff-forward-hidden"]) expect(shown, `${role}: ${key}`).not.toContain(l(key, { code: "", name: "" }));
      expect(shown).not.toContain(String(staffMember));
      const answers = person.calls.filter((call) => call.method === "answerCallbackQuery").map((call) => call.payload.text);
      expect(answers).toEqual(forged.map(() => l("unhandled-button")));
      const newCalls = bot.telegram.calls.slice(callsBefore);
      expect(newCalls.filter((call) => call.method === "sendDocument" || call.method === "editMessageText")).toEqual([]);
      expect(newCalls.every((call) => call.payload.chat_id === undefined || call.payload.chat_id === person.id)).toBe(true);
      expect(await snapshot(), String(role)).toEqual(before);
    }
  });
});
