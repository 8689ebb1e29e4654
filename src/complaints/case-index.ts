import type { Redis } from "ioredis";
import { execAll, KEYS, luaScript } from "../redis.js";
import { bishkekIso } from "./bishkek-time.js";
import type { Cutoffs } from "./deadlines.js";
import type { PlaceType, Region } from "./model.js";
import { OPEN_STATUSES, type Status } from "./statuses.js";

// Every case has a number, given in the order cases are sent (the newest has the highest), and the staff's
// list is served from bitmaps with one bit per number for each value of each plain field. A bitmap costs
// an eighth of a byte a case; a sorted set of codes cost about a hundred bytes a case for each field.

/** The length of a case code (K7M-4QX-9TD): `cases:codes` holds case n's code at n × CODE_WIDTH. */
export const CODE_WIDTH = 11;

/** The list's bitmaps, and the sorted sets of the numbers of cases waiting on a deadline, scored by the hour sent. */
export const INDEX = {
  status: (status: Status | "") => `${KEYS.caseBits}status:${status}`,
  region: (region: Region) => `${KEYS.caseBits}region:${region}`,
  place: (place: PlaceType) => `${KEYS.caseBits}place:${place}`,
  urgent: `${KEYS.caseBits}urgent`,
  assignee: (userId: number | "") => `${KEYS.caseBits}assignee:${userId}`,
  /** Closed cases whose personal data awaits deletion (the time is their `retainUntil`). */
  retained: `${KEYS.caseBits}retained`,
  /** Still «new»: to be acknowledged. */
  fresh: `${KEYS.casesBy}new`,
  /** Sent, and not yet referred, closed, asked for information or replied to. */
  awaitingAction: `${KEYS.casesBy}awaiting`,
} as const;

/** The Bishkek month of a moment, as `cases:months` counts it: "2026-11". */
export const monthOf = (ms: number) => bishkekIso(ms).slice(0, 7);

const TMP_PAGE = `${KEYS.caseBits}tmp:page`;
const TMP_OPEN = `${KEYS.caseBits}tmp:open`;

export const caseCount = async (redis: Redis) => Number((await redis.get(KEYS.caseCount)) ?? 0);

/** The codes of `count` cases from number `first` on, oldest first. */
export async function codesFrom(redis: Redis, first: number, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const text = await redis.getrange(KEYS.caseCodes, first * CODE_WIDTH, (first + count) * CODE_WIDTH - 1);
  return Array.from({ length: Math.floor(text.length / CODE_WIDTH) }, (_, index) => text.slice(index * CODE_WIDTH, (index + 1) * CODE_WIDTH));
}

/** The numbers of the cases whose bit is set in a bitmap, lowest first. */
export async function numbersIn(redis: Redis, bitmap: string): Promise<number[]> {
  const bytes = (await redis.getBuffer(bitmap)) ?? Buffer.alloc(0);
  const numbers: number[] = [];
  bytes.forEach((byte, index) => {
    for (let bit = 0; bit < 8; bit++) if (byte & (0x80 >> bit)) numbers.push(index * 8 + bit);
  });
  return numbers;
}

/** The codes of the cases with these numbers (read in one piece: this is for many cases at a time). */
export async function codesOf(redis: Redis, numbers: number[]): Promise<string[]> {
  if (numbers.length === 0) return [];
  const text = (await redis.get(KEYS.caseCodes)) ?? "";
  return numbers.map((n) => text.slice(n * CODE_WIDTH, (n + 1) * CODE_WIDTH));
}

// A page of the cases in every one of the given bitmaps, newest (highest number) first, with how many
// there are and whether more follow. The bitmaps are walked from their end a block at a time, blocks
// before the page skipped by their count; with no bitmap at all, the page is of every case. «Overdue»
// starts instead from the cases still waiting on a deadline (two small sets: the backlog), each kept if it
// is in every bitmap; nothing is written for it.
// KEYS: codes, count, the scratch bitmap, the «new» and «awaiting action» sets, then the bitmaps.
// ARGV: offset, count, the acknowledgement and action cutoffs ("" for no «overdue»).
const LIST = luaScript<[number, string[], number]>(`
local offset, count = tonumber(ARGV[1]), tonumber(ARGV[2])
local bitmaps = {}
for i = 6, #KEYS do bitmaps[#bitmaps + 1] = KEYS[i] end
local numbers, total = {}, 0
if ARGV[3] ~= "" then
  local seen, overdue = {}, {}
  for _, deadline in ipairs({{KEYS[4], ARGV[3]}, {KEYS[5], ARGV[4]}}) do
    for _, member in ipairs(redis.call("ZRANGEBYSCORE", deadline[1], "-inf", deadline[2])) do
      local n = tonumber(member)
      if not seen[n] then
        seen[n] = true
        local everywhere = true
        for _, bitmap in ipairs(bitmaps) do
          if redis.call("GETBIT", bitmap, n) == 0 then everywhere = false break end
        end
        if everywhere then overdue[#overdue + 1] = n end
      end
    end
  end
  table.sort(overdue, function(a, b) return a > b end)
  total = #overdue
  for i = offset + 1, math.min(total, offset + count + 1) do numbers[#numbers + 1] = overdue[i] end
elseif #bitmaps == 0 then
  total = tonumber(redis.call("GET", KEYS[2]) or "0")
  for n = total - 1 - offset, math.max(0, total - offset - count - 1), -1 do numbers[#numbers + 1] = n end
else
  local source = bitmaps[1]
  if #bitmaps > 1 then
    redis.call("BITOP", "AND", KEYS[3], unpack(bitmaps))
    source = KEYS[3]
  end
  total = redis.call("BITCOUNT", source)
  local skipped, stop = 0, redis.call("STRLEN", source)
  while stop > 0 and #numbers <= count do
    local start = math.max(0, stop - 512)
    local bits = redis.call("BITCOUNT", source, start, stop - 1)
    if skipped + bits <= offset then
      skipped = skipped + bits
    else
      local bytes = redis.call("GETRANGE", source, start, stop - 1)
      for b = #bytes, 1, -1 do
        local byte = string.byte(bytes, b)
        -- Bit 0 of a bitmap is the highest bit of its first byte: the lowest bit of a byte is its highest number.
        local low = 0
        while byte > 0 and #numbers <= count do
          if byte % 2 == 1 then
            if skipped < offset then skipped = skipped + 1 else numbers[#numbers + 1] = (start + b - 1) * 8 + 7 - low end
          end
          byte = math.floor(byte / 2)
          low = low + 1
        end
        if #numbers > count then break end
      end
    end
    stop = start
  end
  redis.call("DEL", KEYS[3])
end
local more = 0
if #numbers > count then
  more = 1
  numbers[#numbers] = nil
end
local codes = {}
for i, n in ipairs(numbers) do codes[i] = redis.call("GETRANGE", KEYS[1], n * ${CODE_WIDTH}, n * ${CODE_WIDTH} + ${CODE_WIDTH - 1}) end
return {total, codes, more}
`);

/** What the staff's list can be narrowed to; every filter given must hold. */
export interface IndexFilter {
  status?: Status;
  /** Assigned to this caseworker. */
  assignee?: number;
  urgent?: boolean;
  region?: Region;
  placeType?: PlaceType;
  /** Still new, or still not acted on, past the deadlines. */
  overdue?: Cutoffs;
}

/** A page of case codes, newest first: every case that passes the filter, how many there are, and whether more follow. */
export async function listCodes(redis: Redis, filter: IndexFilter, offset: number, count: number) {
  const bitmaps = [
    filter.status && INDEX.status(filter.status), filter.urgent && INDEX.urgent,
    filter.region && INDEX.region(filter.region), filter.placeType && INDEX.place(filter.placeType),
    filter.assignee !== undefined && INDEX.assignee(filter.assignee),
  ].filter((key): key is string => Boolean(key));
  const keys = [KEYS.caseCodes, KEYS.caseCount, TMP_PAGE, INDEX.fresh, INDEX.awaitingAction, ...bitmaps];
  const { ackBefore, actBefore } = filter.overdue ?? {};
  const args = [offset, count, ackBefore ?? "", actBefore ?? ""];
  const [total, codes, more] = await LIST(redis, keys, args);
  return { total, codes, more: more === 1 };
}

/** The daily digest's counts: cases still new, urgent ones still open, overdue ones. */
export async function digestCounts(redis: Redis, cutoffs: Cutoffs): Promise<{ fresh: number; urgent: number; overdue: number }> {
  const open = OPEN_STATUSES.map((status) => INDEX.status(status));
  const batch = redis.multi().bitcount(INDEX.status("new")).bitop("OR", TMP_OPEN, ...open).bitop("AND", TMP_OPEN, TMP_OPEN, INDEX.urgent).bitcount(TMP_OPEN).del(TMP_OPEN);
  const [fresh, , , urgent] = (await execAll(batch)) as number[];
  const { total: overdue } = await listCodes(redis, { overdue: cutoffs }, 0, 0);
  return { fresh: fresh!, urgent: urgent!, overdue };
}
