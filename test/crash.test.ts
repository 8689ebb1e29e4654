import { afterEach, expect, it } from "vitest";
import { createCaseStore } from "../src/complaints/store.js";
import { createCipher } from "../src/crypto.js";
import { KEYS } from "../src/redis.js";
import { caseCount, codesFrom } from "../src/complaints/case-index.js";
import { TEST_DATA_KEY, TEST_TOKEN, until, useRedis } from "./harness.js";
import { STAFF_CHAT } from "./report-helpers.js";
import { CASE_CODE, cleanUp, fakeBotApi, freePort, reportWalk, ru, sentTo, startMain, take, type Run } from "./processes.js";

/*
 * The bot process is killed with SIGKILL at random moments while people file reports, and started again
 * on the same Redis each time. Each person acts only on an answer, as a real one would: an update whose
 * answer never comes is a lost step, and nobody presses twice. Nothing may be lost or doubled: every step
 * answered, one case per person with what they wrote, an alert for each case, the journal empty at the end.
 */

const redis = useRedis();
afterEach(cleanUp);

const PEOPLE = 5;
const KILLS = 20;
// Long enough for a kill, a restart (1.5–3 s with tsx on a busy machine) and another kill.
// Generous: a step may wait out several restarts in a row, each slower on a busy machine. A step that never
// comes is lost; one that comes late is not.
const STEP_MS = 90_000;
// A job whose worker was killed stays active until its lock expires (30 s) and BullMQ's stalled check
// (every 30 s) puts it back, so an alert may take a minute in the rare run that kills a worker mid-job.
const ALERTS_MS = 75_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

it(`loses and doubles nothing when the process is killed ${KILLS} times while ${PEOPLE} people report`, { timeout: 600_000 }, async () => {
  const began = Date.now();
  await redis.flushdb();
  const api = await fakeBotApi();
  let run!: Run;
  let callsAtStart = 0;
  let starts = 0;
  const start = async () => {
    starts++;
    run = startMain({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.root, STAFF_CHAT_ID: String(STAFF_CHAT), LOG_LEVEL: "warn", PORT: String(await freePort()) });
    callsAtStart = api.calls.length;
  };
  await start();

  // People ask for a kill 5–100 ms after each «Send»; the other kills come right after a reply has
  // reached someone (the process has not heard back yet, let alone saved anything), or a random time
  // after a random number of replies, so that they are spread over the reports rather than over the
  // restarts. One at a time, each on a process that has started polling.
  const kinds: string[] = [];
  const diedByThemselves: string[] = [];
  const sendKills: number[] = [];
  let sendsToCome = PEOPLE;
  let everyoneDone = false;
  let replies = 0;
  let killOnReply: (() => void) | undefined;
  api.telegram.onCall((call) => {
    if (call.method !== "sendMessage" || Number(call.payload.chat_id) < 0) return;
    replies++;
    killOnReply?.();
  });
  const spareKill = () => kinds.length + sendsToCome + sendKills.length < KILLS || everyoneDone;

  async function moment(victim: Run): Promise<string> {
    const onReply = Math.random() < 1 / 3 && !everyoneDone && spareKill();
    const enough = replies + Math.ceil(between(0, 6));
    const deadline = Date.now() + 3000;
    let replied = false;
    if (onReply) {
      killOnReply = () => {
        replied = true;
        victim.child.kill("SIGKILL");
      };
    }
    const due = () => spareKill() && (Date.now() >= deadline || (!onReply && replies >= enough));
    await until(() => replied || sendKills.length > 0 || due(), "a moment to kill at", 10 * STEP_MS);
    killOnReply = undefined;
    if (replied) return "right after a reply";
    // After a «Send» queued while no process was up, this is 5–100 ms after the next one began polling.
    if (sendKills.length > 0) {
      await sleep(sendKills.shift()!);
      return "after «Send»";
    }
    await sleep(between(0, 300));
    return "at random";
  }

  async function chaos() {
    while (kinds.length < KILLS) {
      await until(() => api.calls.indexOf("getUpdates", callsAtStart) >= 0, "the restarted bot to poll", 60_000);
      const victim = run;
      kinds.push(await moment(victim));
      if (victim.child.exitCode !== null) diedByThemselves.push(victim.output());
      victim.child.kill("SIGKILL");
      await victim.exited;
      await start();
    }
  }

  const lost: string[] = [];
  const codes = new Map<number, string>();
  const narratives = new Map<number, string>();
  async function report(index: number) {
    const person = api.person(900_000 + index);
    const narrative = `Person ${index}: they beat my brother at the station for two hours.`;
    narratives.set(person.id, narrative);
    await sleep(index * 1000);
    for (const step of reportWalk(narrative)) {
      if (step.name === "r:send") {
        sendKills.push(between(5, 100));
        sendsToCome--;
      }
      const answer = await take(api, person, step, STEP_MS);
      if (!answer) {
        lost.push(`${person.id}: ${step.name}`);
        if (step.name !== "r:send") sendsToCome--;
        return;
      }
      if (step.name === "r:send") codes.set(person.id, CASE_CODE.exec(answer.text)![1]!);
      await sleep(between(100, 500));
    }
  }

  const chaotic = chaos();
  await Promise.all(Array.from({ length: PEOPLE }, (_, index) => report(index)));
  everyoneDone = true;
  const killedWhileReporting = kinds.length;
  await chaotic;
  const walked = Date.now();

  const staffText = () => sentTo(api, STAFF_CHAT).map((message) => String(message.text)).join("\n");
  const settled = async () => (await redis.hlen(KEYS.updatesPending)) === 0 && [...codes.values()].every((code) => staffText().includes(code));
  await until(settled, "the journal to empty and every alert to be sent", ALERTS_MS).catch(() => undefined);

  const count = (kind: string) => kinds.filter((each) => each === kind).length;
  const toPeople = api.telegram.calls.filter((call) => call.method === "sendMessage" && Number(call.payload.chat_id) > 0);
  const stale = toPeople.filter((call) => String(call.payload.text).startsWith(ru("report-hint-stale-button"))).length;
  const stored = await codesFrom(redis, 0, await caseCount(redis));
  console.log(
    `${kinds.length} kills (${count("after «Send»")} after «Send», ${count("right after a reply")} right after a reply, ${count("at random")} at random; ` +
      `${killedWhileReporting} while people were reporting), ${starts - 1} restarts; reports took ${((walked - began) / 1000).toFixed(1)} s, then ${((Date.now() - walked) / 1000).toFixed(1)} s for the rest; ` +
      `${toPeople.length} messages to people for ${PEOPLE * reportWalk("").length} steps, ${stale} stale-button hints; ` +
      `${sentTo(api, STAFF_CHAT).length} alerts for ${stored.length} cases`,
  );

  expect(diedByThemselves).toEqual([]);
  expect(run.child.exitCode).toBeNull();
  expect(kinds).toHaveLength(KILLS);
  expect(starts - 1).toBe(KILLS);
  expect(lost).toEqual([]);
  expect(codes.size).toBe(PEOPLE);
  // A form that took an update a second time would answer it with this hint.
  expect(stale).toBe(0);
  // A confirmation shown again after a restart carries the same code.
  for (const id of codes.keys()) expect(new Set(sentTo(api, id).map((message) => CASE_CODE.exec(message.text)?.[1]).filter(Boolean)).size).toBe(1);
  expect(stored.sort()).toEqual([...codes.values()].sort());
  const cases = createCaseStore(redis, createCipher(TEST_DATA_KEY));
  for (const [id, code] of codes) expect((await cases.get(code))?.secret?.narrative).toBe(narratives.get(id));
  expect([...codes.values()].filter((code) => !staffText().includes(code))).toEqual([]);
  expect(await redis.hlen(KEYS.updatesPending)).toBe(0);
  expect(toPeople.map((call) => call.payload.text)).not.toContain(ru("error-generic"));
});
