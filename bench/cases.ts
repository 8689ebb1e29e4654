/**
 * npm run bench:cases — fills Redis database 14 of REDIS_URL (flushed before and after) with 100,000 cases
 * spread over three years, statuses, regions, places, urgency and assignees, then times what staff wait
 * for: the case list, each filter and each pair of filters, page turns, /stats with its chart, and the
 * export of every case. Targets (2 cores): list and filters p95 ≤ 50 ms, /stats ≤ 2 s, export ≤ 20 s with
 * flat memory, Redis ≤ 2 KB per case. Last line: {"listP95Ms", "statsMs", "exportMs", "bytesPerCase"}.
 */
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { TranslateFunction } from "@grammyjs/i18n";
import { createI18n } from "../src/bot/i18n.js";
import { statsHeading, statsSections, statsText } from "../src/bot/stats-view.js";
import { casesCsv } from "../src/complaints/export.js";
import { readStats } from "../src/complaints/stats.js";
import { createCaseStore, type CaseFilter } from "../src/complaints/store.js";
import { cutoffsOf } from "../src/complaints/deadlines.js";
import { createCipher, newDataKey } from "../src/crypto.js";
import { createRedis, KEYS } from "../src/redis.js";
import { statsChart } from "../src/stats-chart.js";
import { planCase, queuePlan, RETENTION_DAYS, sameShape, seeded, sendingTimes, STAFF } from "./case-fill.js";
import { caseCount, INDEX } from "../src/complaints/case-index.js";

const CASES = 100_000;
const WRITE_BATCH = 1000;
const RUNS = 30;
const WARMUP = 3;
const STATS_RUNS = 5;
const PAGE = 10;

// One line per filter, its most common value (the largest index, the slowest to intersect); every pair
// of them is measured as well.
const FILTERS: Record<string, CaseFilter> = {
  status: { status: "closed" },
  urgent: { urgent: true },
  region: { region: "bishkek" },
  place: { placeType: "police" },
  assignee: { assignee: STAFF[0]! },
  overdue: { overdue: cutoffsOf({ ackHours: 24, actDays: 3 }, Date.now()) },
};

const redisUrl = `${(process.env.REDIS_URL ?? "redis://127.0.0.1:6379").replace(/\/\d*$/, "")}/14`;
const redis = createRedis(redisUrl);
const cipher = createCipher(newDataKey());
const store = createCaseStore(redis, cipher, { retentionDays: RETENTION_DAYS });
const now = Date.now();
const i18n = createI18n("ky", () => {
  throw new Error("missing translation");
});
// Kyrgyz, whose labels are the longer ones.
const t: TranslateFunction = (key, variables) => i18n.t("ky", key, variables);

const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await redis.info("memory"))![1]);
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

async function timings(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

await redis.flushdb();
const shape = await sameShape(redis, store, cipher, now);
if (!shape.same) throw new Error(`the bench no longer writes what the store writes:\nstore: ${shape.store}\nbench: ${shape.pipeline}`);

const before = await usedMemory();
const random = seeded(2026);
let filling = performance.now();
let narrativeChars = 0;
// Cases are numbered in the order they are sent, as the store numbers them.
const sent = sendingTimes(random, now, CASES);
for (let written = 0; written < CASES; written += WRITE_BATCH) {
  const batch = redis.pipeline();
  for (let n = written; n < written + WRITE_BATCH; n++) {
    const plan = planCase(random, now, sent[n]);
    narrativeChars += plan.submission.draft.narrative.length;
    queuePlan(batch, cipher, plan, n);
  }
  await batch.exec();
}
filling = performance.now() - filling;
const total = await caseCount(redis);
const bytesPerCase = Math.round(((await usedMemory()) - before) / total);
console.log(`${total} cases (accounts of ${Math.round(narrativeChars / CASES)} characters on average) written in ${(filling / 1000).toFixed(1)} s`);
console.log(`Redis: ${bytesPerCase} bytes per case, of which:`);
for (const [what, pattern] of [["case hash", `${KEYS.case}*[A-Z0-9]`], ["content", `${KEYS.case}*:content`], ["history", `${KEYS.case}*:events`], ["additions", `${KEYS.case}*:additions`]] as const) {
  const [, keys] = await redis.scan("0", "MATCH", pattern, "COUNT", 2000);
  const sizes = await Promise.all(keys.map((key) => redis.memory("USAGE", key, "SAMPLES", 0)));
  console.log(`  ${what}: ${Math.round(sizes.reduce((sum: number, size) => sum + Number(size), 0) / Math.max(1, sizes.length))} bytes each (sample of ${sizes.length})`);
}
const sizeOf = async (keys: string[]) => (await Promise.all(keys.map((key) => redis.memory("USAGE", key, "SAMPLES", 0)))).reduce((sum: number, size) => sum + Number(size), 0);
const perCase = (bytes: number) => `${Math.round(bytes / total)} bytes per case`;
const bitmaps = await redis.keys(`${KEYS.caseBits}*`);
console.log(`  the numbers' codes: ${perCase(await sizeOf([KEYS.caseCodes]))}; ${bitmaps.length} bitmaps: ${perCase(await sizeOf(bitmaps))}`);
console.log(`  deadline sets: ${perCase(await sizeOf([INDEX.fresh, INDEX.awaitingAction]))}; months and first actions: ${perCase(await sizeOf([KEYS.caseMonths, KEYS.firstAction]))}`);
console.log(`  reporters' own lists: ${perCase(await sizeOf(await redis.keys(`${KEYS.owners}*`)))}; audit stream: ${perCase(await sizeOf([KEYS.audit]))}`);

const entries = Object.entries(FILTERS);
const pairs = entries.flatMap(([name, filter], index) => entries.slice(index + 1).map(([other, more]) => [`${name}+${other}`, { ...filter, ...more }] as const));
const deepest = async (filter: CaseFilter) => (await store.list(filter, 0, 1)).total - PAGE;
const operations: Array<[string, () => Promise<unknown>]> = [
  ["list", () => store.list({}, 0, PAGE)],
  ...[...entries, ...pairs].map(([name, filter]) => [name, () => store.list(filter, 0, PAGE)] as [string, () => Promise<unknown>]),
  ["page 2", () => store.list({}, PAGE, PAGE)],
  ["last page", async () => store.list({}, await deepest({}), PAGE)],
  ["last page, status", async () => store.list(FILTERS.status!, await deepest(FILTERS.status!), PAGE)],
];
let listP95Ms = 0;
for (const [name, work] of operations) {
  await timings(WARMUP, work);
  const times = await timings(RUNS, work);
  listP95Ms = Math.max(listP95Ms, p95(times));
  console.log(`${name.padEnd(20)} p50 ${median(times).toFixed(1).padStart(6)} ms   p95 ${p95(times).toFixed(1).padStart(6)} ms`);
}

const statsTimes = await timings(STATS_RUNS, async () => {
  const stats = await readStats(redis, Date.now());
  statsText(t, stats, Date.now());
  return statsChart(statsHeading(t, Date.now()), statsSections(t, stats, "stats-month-short"), "ky");
});
console.log(`/stats with its chart: first ${statsTimes[0]!.toFixed(0)} ms, median ${median(statsTimes).toFixed(0)} ms`);

let csvBytes = 0;
let rows = -1;
// The live heap is read after a full collection (tsx --expose-gc), once a second: a streamed export keeps it
// flat, whatever garbage waits for the collector between two readings.
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
gc();
const memoryBefore = process.memoryUsage();
const peak = { rss: memoryBefore.rss, heapUsed: memoryBefore.heapUsed };
const sampler = setInterval(() => {
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  Object.assign(peak, { rss: Math.max(peak.rss, rss), heapUsed: Math.max(peak.heapUsed, heapUsed) });
}, 1000);
const exportStarted = performance.now();
await pipeline(casesCsv(store.exportRows(false), false), new Writable({
  write(chunk: Buffer, _encoding, done) {
    csvBytes += chunk.length;
    for (const byte of chunk) if (byte === 0x0a) rows++;
    done();
  },
}));
const exportMs = performance.now() - exportStarted;
clearInterval(sampler);
const growth = (key: keyof typeof peak) => ((peak[key] - memoryBefore[key]) / 2 ** 20).toFixed(0);
console.log(`export: ${rows} rows, ${(csvBytes / 2 ** 20).toFixed(1)} MB of CSV in ${(exportMs / 1000).toFixed(1)} s; peak growth: RSS ${growth("rss")} MB, live heap ${growth("heapUsed")} MB`);
if (rows !== total) throw new Error(`the export held ${rows} rows for ${total} cases`);

await redis.flushdb();
await redis.quit();
console.log(JSON.stringify({ listP95Ms: round(listP95Ms), statsMs: Math.round(Math.max(...statsTimes)), exportMs: Math.round(exportMs), bytesPerCase }));
