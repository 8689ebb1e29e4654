import { describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { createCaseStore, type Submission } from "../src/complaints/store.js";
import { createCipher } from "../src/crypto.js";
import { KEYS } from "../src/redis.js";
import { TEST_DATA_KEY, useRedis } from "./harness.js";
import { storeCase } from "./report-helpers.js";

// The races are about Redis writes; hashing 200 PINs with scrypt would only make the test slow.
vi.mock("../src/complaints/codes.js", async (original) => ({ ...(await original<object>()), hashPin: async () => "scrypt$fast" }));

const redis = useRedis();
const store = createCaseStore(redis, createCipher(TEST_DATA_KEY));
const newCase = () => storeCase(store, "RAC");

describe("a second «Send»", () => {
  const submission = (code: string, draftId: string): Submission => ({
    code, draftId, pin: "123456", consentVersion: "v", consentAt: Date.now(), reporterId: 5, locale: "ru", now: Date.now(),
    draft: { reporter: "victim", placeType: "police", region: "osh", when: "today", narrative: "n", urgent: false, attachments: [], contact: { kind: "anonymous" } },
  });

  it("of the same draft finds its case; another draft that drew the same code is told apart, also for a case an earlier version stored", async () => {
    const before = (await store.list({}, 0, 1)).total;
    const draft = randomUUID();
    expect(await store.submit(submission("DUP-AAA-AAA", draft))).toBe("created");
    expect(await redis.hget(KEYS.case + "DUP-AAA-AAA", "draftId")).toHaveLength(8);
    expect(await store.submit(submission("DUP-AAA-AAA", draft))).toBe("duplicate");
    expect(await store.submit(submission("DUP-AAA-AAA", randomUUID()))).toBe("collision");
    // Earlier versions kept the draft's whole id.
    const older = randomUUID();
    expect(await store.submit(submission("DUP-CCC-CCC", older))).toBe("created");
    await redis.hset(KEYS.case + "DUP-CCC-CCC", "draftId", older);
    expect(await store.submit(submission("DUP-CCC-CCC", older))).toBe("duplicate");
    expect(await store.submit(submission("DUP-CCC-CCC", randomUUID()))).toBe("collision");
    expect((await store.list({}, 0, 1)).total).toBe(before + 2);
  });
});

describe("writes to one case at the same moment", () => {
  it("100 races of an addition against a withdrawal: a withdrawn case never gets content back", async () => {
    let resurrected = 0;
    let acceptedAfterWithdrawal = 0;
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        const code = await newCase();
        const [added] = await Promise.all([
          store.addInformation(code, { text: "addition", attachments: [{ kind: "photo", fileId: "f" }] }, Date.now()),
          store.withdraw(code, "reporter", Date.now()),
        ]);
        const stored = await store.get(code);
        const raw = await redis.hgetall(KEYS.case + code);
        const leftovers = await redis.exists(`${KEYS.case}${code}:additions`, `${KEYS.case}${code}:content`);
        if (stored?.status !== "withdrawn") throw new Error(`case ${code} is ${stored?.status}`);
        if (stored.secret || raw.secret || stored.additions.length > 0 || leftovers) resurrected++;
        // An addition that landed first was deleted with the rest; one that came after was refused.
        const history = (await store.history(code)).map((entry) => entry.action);
        if (added && history.indexOf("added") > history.indexOf("withdrawn")) acceptedAfterWithdrawal++;
      }),
    );
    expect(resurrected).toBe(0);
    expect(acceptedAfterWithdrawal).toBe(0);
  });

  it("100 pairs of additions at the same moment: both are kept", async () => {
    let lost = 0;
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        const code = await newCase();
        const results = await Promise.all(["first", "second"].map((text) => store.addInformation(code, { text, attachments: [] }, Date.now())));
        expect(results).toEqual([true, true]);
        const texts = (await store.get(code))!.additions.map((addition) => addition.text).sort();
        if (texts.join() !== "first,second") lost++;
      }),
    );
    expect(lost).toBe(0);
  });

  it("refuses an addition to a withdrawn case and a second withdrawal", async () => {
    const code = await newCase();
    expect(await store.withdraw(code, "reporter", Date.now())).toBe(true);
    expect(await store.withdraw(code, "reporter", Date.now())).toBe(false);
    expect(await store.addInformation(code, { text: "late", attachments: [] }, Date.now())).toBe(false);
    expect((await store.get(code))?.additions).toEqual([]);
    expect(await store.addInformation("NOT-THE-RE1", { text: "x", attachments: [] }, Date.now())).toBe(false);
  });

  it("keeps only the hour in plain fields and the exact times inside the encrypted content", async () => {
    const code = await newCase();
    const raw = await redis.hgetall(KEYS.case + code);
    for (const field of ["createdAt", "updatedAt", "consentAt"]) expect(Number(raw[field]) % 3_600_000).toBe(0);
    const stored = await store.get(code);
    expect(stored!.createdAt % 3_600_000).not.toBe(0);
    expect(stored!.createdAt - Number(raw.createdAt)).toBeLessThan(3_600_000);
  });

  it("writes the staff alert to the outbox in the same script as the case, once", async () => {
    const code = await newCase();
    expect(JSON.parse((await redis.hget(KEYS.outbox, `alert-${code}`))!)).toEqual({ id: `alert-${code}`, queue: "alerts", name: "new-case", data: { code } });
  });
});
