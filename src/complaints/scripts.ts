import { KEYS, luaScript } from "../redis.js";
import { CODE_WIDTH } from "./case-index.js";
import { STATUSES } from "./statuses.js";

// Every write of a case is one of these scripts, so concurrent writers never interleave and nothing is
// read, changed and written back. Content is append-only: each addition is its own encrypted entry in a
// list, and every event goes to the case's own history list. Plain times are rounded down to the hour.

export type SubmitResult = "created" | "duplicate" | "collision";

// The first referral, closing, request for information or reply to the reporter: the case is no longer
// waiting for action, and how long it waited is counted for the statistics (in hours from its sending).
const FIRST_ACTION = `
local function firstAction(case, code, now, awaiting, firstActions)
  if redis.call("HSETNX", case, "firstActionAt", now) == 1 then
    local n = redis.call("HGET", case, "n")
    if n then redis.call("ZREM", awaiting, n) end
    local sent = tonumber(redis.call("HGET", case, "createdAt") or now)
    redis.call("HINCRBY", firstActions, math.max(0, math.floor((now - sent) / 3600000)), 1)
  end
end
`;

// Takes the texts out of a case's history, keeping its entries: the sealed field (the fifth) of an entry
// becomes "-" (events.ts); earlier versions' JSON entries lose their "sealed".
const FORGET_TEXTS = `
local function forgetTexts(events)
  local entries = redis.call("LRANGE", events, 0, -1)
  redis.call("DEL", events)
  for _, entry in ipairs(entries) do
    if string.sub(entry, 1, 1) == "{" then
      entry = string.gsub(entry, ',"sealed":"[^"]*"', ',"deleted":true')
    else
      local head, sealed, tail = string.match(entry, "^([^|]*|[^|]*|[^|]*|[^|]*|)([^|]*)(.*)$")
      if head and sealed ~= "" then entry = head .. "-" .. tail end
    end
    redis.call("RPUSH", events, entry)
  end
end
`;

// A reporter's own list: codes comma-separated in one field of a small hash (see KEYS.owners).
const OWN_LIST = `
local function ownCodes(key, field)
  local codes = {}
  for code in string.gmatch(redis.call("HGET", key, field) or "", "[^,]+") do codes[#codes + 1] = code end
  return codes
end
local function addOwn(key, field, code)
  local codes = ownCodes(key, field)
  for _, known in ipairs(codes) do
    if known == code then return end
  end
  codes[#codes + 1] = code
  redis.call("HSET", key, field, table.concat(codes, ","))
end
local function removeOwn(key, field, gone)
  local kept = {}
  for _, code in ipairs(ownCodes(key, field)) do
    if not gone[code] then kept[#kept + 1] = code end
  end
  if #kept == 0 then redis.call("HDEL", key, field) else redis.call("HSET", key, field, table.concat(kept, ",")) end
end
`;

// Gathers a reporter's cases listed under older pseudonyms (after a DATA_KEY rotation) into the current
// field, and returns them all. KEYS: the current hash, then the older ones. ARGV: the current field, then
// the older pseudonyms.
export const GATHER_OWN = luaScript<string[]>(`${OWN_LIST}
for i = 2, #ARGV do
  for _, code in ipairs(ownCodes(KEYS[i], ARGV[i])) do addOwn(KEYS[1], ARGV[1], code) end
  redis.call("HDEL", KEYS[i], ARGV[i])
end
return ownCodes(KEYS[1], ARGV[1])
`);

// An earlier version's set of a reporter's cases, moved into their field. KEYS: the set, the hash. ARGV: the field.
export const MOVE_OWN_SET = luaScript(`${OWN_LIST}
for _, code in ipairs(redis.call("SMEMBERS", KEYS[1])) do addOwn(KEYS[2], ARGV[1], code) end
redis.call("DEL", KEYS[1])
`);

// Takes cases out of a reporter's own list. KEYS: the hash. ARGV: the field, then the codes.
export const FORGET_OWN = luaScript(`${OWN_LIST}
local gone = {}
for i = 2, #ARGV do gone[ARGV[i]] = true end
removeOwn(KEYS[1], ARGV[1], gone)
`);

// Moves a case's bit in the bitmaps (case-index.ts) from one to another; nil for either only clears or sets.
const MOVE_BIT = `
local function moveBit(case, from, to)
  local n = redis.call("HGET", case, "n")
  if not n then return end
  if from then redis.call("SETBIT", from, n, 0) end
  if to then redis.call("SETBIT", to, n, 1) end
end
-- Takes a case out of a deadline set (case-index.ts), whose members are case numbers.
local function leave(case, set)
  local n = redis.call("HGET", case, "n")
  if n then redis.call("ZREM", set, n) end
end
`;

// Gives a case its number (the next one) and puts it in the list's indexes by its plain fields: the
// bitmaps, the deadline sets, the months and, closed and not yet deleted, the cases awaiting deletion. A
// new case (SUBMIT) and one an earlier version wrote (migrations.ts) go through the same steps. `names`:
// the keys of the count, the codes, the months, the new cases and those awaiting action. A status of an
// earlier version is read as today's (case-index.ts); a closed case without a time for its deletion gets `keep`.
export const NUMBER_CASE = `
local function numberCase(case, code, hour, month, keep, names)
  local status, urgent, region, place, assignee, acted, kept, purged = unpack(redis.call("HMGET", case,
    "status", "urgent", "region", "placeType", "assignee", "firstActionAt", "retainUntil", "purgedAt"))
  if status == "in-progress" then status = "in-review" end
  if not string.find(",${STATUSES.join(",")},", "," .. status .. ",", 1, true) then status = "new" end
  local n = redis.call("INCR", names.count) - 1
  local bits = "${KEYS.caseBits}"
  redis.call("HSET", case, "n", n)
  redis.call("SETRANGE", names.codes, n * ${CODE_WIDTH}, code)
  redis.call("HINCRBY", names.months, month, 1)
  redis.call("SETBIT", bits .. "status:" .. status, n, 1)
  if region then redis.call("SETBIT", bits .. "region:" .. region, n, 1) end
  if place then redis.call("SETBIT", bits .. "place:" .. place, n, 1) end
  if urgent == "1" then redis.call("SETBIT", bits .. "urgent", n, 1) end
  if assignee then redis.call("SETBIT", bits .. "assignee:" .. assignee, n, 1) end
  if status == "new" then redis.call("ZADD", names.fresh, hour, n) end
  -- Before deadlines existed nothing recorded a first action: a case still open and never referred,
  -- closed or asked for information counts as awaiting one (and a new case awaits it).
  if (status == "new" or status == "in-review") and not acted then redis.call("ZADD", names.awaiting, hour, n) end
  if status == "closed" and not purged then
    if not kept then redis.call("HSET", case, "retainUntil", keep) end
    redis.call("SETBIT", bits .. "retained", n, 1)
  end
end
`;

// A case that is gone (never sent, or its personal data deleted after retention) or withdrawn takes nothing more.
const OPEN_CASE = `
local function isOpen(case)
  local status = redis.call("HGET", case, "status")
  return status and status ~= "withdrawn" and redis.call("HEXISTS", case, "purgedAt") == 0
end
`;

// All or nothing: the case with its number, the list's indexes, the reporter's own list (when named), the
// daily count, the history entry and the staff alert in the outbox (delivered by the alert worker, so a
// crash after this cannot lose it).
// KEYS: case, codes, own, quota, events, outbox, count of cases, months, new cases, awaiting action, content.
// ARGV: the draft's mark, code, hour, the reporter's field in their own list's hash ("" when anonymous),
// event, outbox field, outbox entry, the sealed content, the month, the draft's id (earlier versions
// kept it whole), then the case's fields.
export const SUBMIT = luaScript<SubmitResult>(`${OWN_LIST}${NUMBER_CASE}
local draft = redis.call("HGET", KEYS[1], "draftId")
if draft then
  if draft == ARGV[1] or draft == ARGV[10] then return "duplicate" end
  return "collision"
end
if #ARGV[2] ~= ${CODE_WIDTH} then return redis.error_reply("a case code is ${CODE_WIDTH} characters") end
redis.call("HSET", KEYS[1], unpack(ARGV, 11))
redis.call("SET", KEYS[11], ARGV[8])
numberCase(KEYS[1], ARGV[2], ARGV[3], ARGV[9], "", { count = KEYS[7], codes = KEYS[2], months = KEYS[8], fresh = KEYS[9], awaiting = KEYS[10] })
if ARGV[4] ~= "" then addOwn(KEYS[3], ARGV[4], ARGV[2]) end
redis.call("INCR", KEYS[4])
redis.call("EXPIRE", KEYS[4], 172800)
redis.call("RPUSH", KEYS[5], ARGV[5])
redis.call("HSET", KEYS[6], ARGV[6], ARGV[7])
return "created"
`);

// Information from the reporter: added with the code and PIN, or an answer to the organisation. The
// assignee (or the staff chat) is told, through the outbox. KEYS: case, additions, events, outbox.
// ARGV: sealed addition, hour, event, outbox field, outbox entry.
export const ADD = luaScript<number>(`${OPEN_CASE}
if not isOpen(KEYS[1]) then return 0 end
redis.call("RPUSH", KEYS[2], ARGV[1])
redis.call("HSET", KEYS[1], "updatedAt", ARGV[2])
redis.call("RPUSH", KEYS[3], ARGV[3])
redis.call("HSET", KEYS[4], ARGV[4], ARGV[5])
return 1
`);

// The content and every addition go together, and the text of every note, reply and answer in the history
// (the entries stay, marked deleted); the plain statistics stay. KEYS: case, additions, events, new cases,
// awaiting action, retention, content. ARGV: hour, event, code, prefix of the status bitmaps (the old
// status's is known only here).
// (The hash's "secret" is where a case written by an older process during an upgrade has its content.)
export const WITHDRAW = luaScript<number>(`${FORGET_TEXTS}${MOVE_BIT}
local status = redis.call("HGET", KEYS[1], "status")
if not status or status == "withdrawn" then return 0 end
if status == "in-progress" then status = "in-review" end
redis.call("HDEL", KEYS[1], "secret", "retainUntil")
redis.call("DEL", KEYS[2], KEYS[7])
redis.call("HSET", KEYS[1], "status", "withdrawn", "updatedAt", ARGV[1])
forgetTexts(KEYS[3])
redis.call("RPUSH", KEYS[3], ARGV[2])
moveBit(KEYS[1], ARGV[4] .. status, ARGV[4] .. "withdrawn")
leave(KEYS[1], KEYS[4])
leave(KEYS[1], KEYS[5])
moveBit(KEYS[1], KEYS[6], nil)
return 1
`);

// A staff move: checked against the current status, then status, its detail, the history entry and the
// audit entry together, and the case moves between the status indexes. A closing starts the retention
// clock, a reopening stops it; a reporter who asked to hear of changes is told, through the outbox.
// KEYS: case, events, audit, new cases, awaiting action, first actions, outbox, retention.
// ARGV: to, the statuses it may come from (comma-separated), detail field ("" for none), detail value, time,
// event, code, actor, prefix of the status bitmaps, "1" when the move is an action, outbox field, outbox
// entry, the time the personal data is kept until when closing.
export const MOVE = luaScript<string[]>(`${FIRST_ACTION}${MOVE_BIT}
local status = redis.call("HGET", KEYS[1], "status")
if not status then return {"missing"} end
if status == "in-progress" then status = "in-review" end
local allowed = false
for from in string.gmatch(ARGV[2], "[^,]+") do
  if from == status then allowed = true end
end
if not allowed then return {"refused", status} end
redis.call("HSET", KEYS[1], "status", ARGV[1], "updatedAt", ARGV[5])
if ARGV[3] ~= "" then redis.call("HSET", KEYS[1], ARGV[3], ARGV[4]) end
-- Reopened, a case has no reason for being closed (the history keeps the earlier one).
if ARGV[1] ~= "closed" then redis.call("HDEL", KEYS[1], "closedReason") end
redis.call("RPUSH", KEYS[2], ARGV[6])
redis.call("XADD", KEYS[3], "*", "action", "status:" .. ARGV[1], "code", ARGV[7], "actor", ARGV[8])
moveBit(KEYS[1], ARGV[9] .. status, ARGV[9] .. ARGV[1])
leave(KEYS[1], KEYS[4])
if ARGV[10] == "1" then firstAction(KEYS[1], ARGV[7], tonumber(ARGV[5]), KEYS[5], KEYS[6]) end
if ARGV[1] == "closed" and redis.call("HEXISTS", KEYS[1], "purgedAt") == 0 then
  redis.call("HSET", KEYS[1], "retainUntil", ARGV[13])
  redis.call("HDEL", KEYS[1], "retentionWarned")
  moveBit(KEYS[1], nil, KEYS[8])
elseif redis.call("HDEL", KEYS[1], "retainUntil") == 1 then
  moveBit(KEYS[1], KEYS[8], nil)
end
if redis.call("HGET", KEYS[1], "notify") == "1" then redis.call("HSET", KEYS[7], ARGV[11], ARGV[12]) end
return {"moved", status}
`);

// KEYS: case, events, audit. ARGV: assignee, time, event, code, actor, prefix of the assignee bitmaps.
export const ASSIGN = luaScript<string[]>(`${MOVE_BIT}
local status = redis.call("HGET", KEYS[1], "status")
if not status then return {"missing"} end
if status == "withdrawn" then return {"refused"} end
local previous = redis.call("HGET", KEYS[1], "assignee") or ""
if previous == ARGV[1] then return {"same"} end
redis.call("HSET", KEYS[1], "assignee", ARGV[1], "updatedAt", ARGV[2])
local from = nil
if previous ~= "" then from = ARGV[6] .. previous end
moveBit(KEYS[1], from, ARGV[6] .. ARGV[1])
redis.call("RPUSH", KEYS[2], ARGV[3])
redis.call("XADD", KEYS[3], "*", "action", "assigned", "code", ARGV[4], "actor", ARGV[5], "assignee", ARGV[1])
return {"assigned", previous}
`);

// Staff's own entries in the history: a note, a look at the evidence, an extension of retention. A note is
// text about the case, so none is taken once its personal data is gone. KEYS: case, events, audit.
// ARGV: event, code, actor, audit action.
export const LOG = luaScript<number>(`${OPEN_CASE}
if redis.call("EXISTS", KEYS[1]) == 0 then return 0 end
if ARGV[4] == "note" and not isOpen(KEYS[1]) then return 0 end
redis.call("RPUSH", KEYS[2], ARGV[1])
redis.call("XADD", KEYS[3], "*", "action", ARGV[4], "code", ARGV[2], "actor", ARGV[3])
return 1
`);

// Something staff send the reporter (a reply, a request for consent to share): recorded in the history and
// the audit, and put in the outbox for delivery (a reply to a reporter who cannot be reached waits for them
// to check with the code and PIN: ARGV[5] is then ""). A reply is an action on the case; asking for consent
// marks it asked (a request already made returns its state instead). KEYS: case, events, audit, awaiting action, first actions, outbox.
// ARGV: event, code, actor, time, outbox field, outbox entry, audit action.
export const TO_REPORTER = luaScript<number | string>(`${FIRST_ACTION}${OPEN_CASE}
if not isOpen(KEYS[1]) then return 0 end
-- The reporter is asked once: a second request would pile up questions in their chat, and would undo an answer.
local consent = redis.call("HGET", KEYS[1], "consent")
if ARGV[7] == "consent-asked" and consent then return consent end
redis.call("RPUSH", KEYS[2], ARGV[1])
redis.call("XADD", KEYS[3], "*", "action", ARGV[7], "code", ARGV[2], "actor", ARGV[3])
if ARGV[7] == "reply" then firstAction(KEYS[1], ARGV[2], tonumber(ARGV[4]), KEYS[4], KEYS[5]) end
if ARGV[7] == "consent-asked" then redis.call("HSET", KEYS[1], "consent", "asked") end
if ARGV[5] ~= "" then redis.call("HSET", KEYS[6], ARGV[5], ARGV[6]) end
return 1
`);

// The reporter's answer to a request for consent; only a request still open can be answered.
// KEYS: case, events, outbox. ARGV: "yes" or "no", event, outbox field, outbox entry.
export const CONSENT = luaScript<number>(`${OPEN_CASE}
if not isOpen(KEYS[1]) or redis.call("HGET", KEYS[1], "consent") ~= "asked" then return 0 end
redis.call("HSET", KEYS[1], "consent", ARGV[1])
redis.call("RPUSH", KEYS[2], ARGV[2])
redis.call("HSET", KEYS[3], ARGV[3], ARGV[4])
return 1
`);

// An admin keeps a closed case's personal data longer. KEYS: case, events, audit.
// ARGV: days, now, event, code, actor. Returns the new time, or 0 when the case is not awaiting deletion.
export const EXTEND = luaScript<number>(`
local keep = tonumber(redis.call("HGET", KEYS[1], "retainUntil") or "0")
if keep == 0 then return 0 end
keep = math.max(keep, tonumber(ARGV[2])) + tonumber(ARGV[1]) * 86400000
redis.call("HSET", KEYS[1], "retainUntil", string.format("%d", keep))
redis.call("HDEL", KEYS[1], "retentionWarned")
redis.call("RPUSH", KEYS[2], ARGV[3])
redis.call("XADD", KEYS[3], "*", "action", "retention-extended", "code", ARGV[4], "actor", ARGV[5])
return keep
`);

// The admins have been warned of these cases' deletion: marked only where the case still waits for it (one
// reopened meanwhile is not). KEYS: the cases. ARGV: now.
export const MARK_WARNED = luaScript(`
for _, case in ipairs(KEYS) do
  if redis.call("HEXISTS", case, "retainUntil") == 1 then redis.call("HSET", case, "retentionWarned", ARGV[1]) end
end
`);

// Deletes a closed case's personal data once its time has come: the content, every addition, the text of
// every note, reply and answer in its history, and its place in the reporter's own list. The plain fields
// and indexes stay, for the statistics. KEYS: case, additions, events, cases awaiting deletion, audit, the reporter's
// own list's hash (or the case key again when unknown), content. ARGV: code, now, event, the reporter's field.
export const PURGE = luaScript<number>(`${FORGET_TEXTS}${OWN_LIST}${MOVE_BIT}
local keep = tonumber(redis.call("HGET", KEYS[1], "retainUntil") or "0")
if keep == 0 or keep > tonumber(ARGV[2]) or redis.call("HGET", KEYS[1], "status") ~= "closed" then return 0 end
redis.call("HDEL", KEYS[1], "secret", "retainUntil", "retentionWarned")
redis.call("HSET", KEYS[1], "purgedAt", ARGV[2])
redis.call("DEL", KEYS[2], KEYS[7])
forgetTexts(KEYS[3])
redis.call("RPUSH", KEYS[3], ARGV[3])
moveBit(KEYS[1], KEYS[4], nil)
if KEYS[6] ~= KEYS[1] then removeOwn(KEYS[6], ARGV[4], {[ARGV[1]] = true}) end
redis.call("XADD", KEYS[5], "*", "action", "purged", "code", ARGV[1], "actor", "retention")
return 1
`);

// A try takes a slot on both counters before the PIN is checked and gives it back when the PIN is right:
// taking it in one script is what keeps parallel guesses from all getting past a limit read earlier.
// Returns {0, ms until the full counters expire} or {1, the PIN hash or ""}.
export const TAKE_TRY = luaScript<[number, number | string]>(`
local wait = -1
for i = 1, 2 do
  if tonumber(redis.call("GET", KEYS[i]) or "0") >= tonumber(ARGV[1]) then
    wait = math.max(wait, redis.call("PTTL", KEYS[i]))
  end
end
if wait >= 0 then return {0, wait} end
for i = 1, 2 do
  redis.call("INCR", KEYS[i])
  redis.call("EXPIRE", KEYS[i], ARGV[2], "NX")
end
return {1, redis.call("HGET", KEYS[3], "pinHash") or ""}
`);

// A counter that expired meanwhile is left alone rather than recreated without a TTL.
export const GIVE_BACK_TRY = luaScript(`
for i = 1, #KEYS do
  if redis.call("EXISTS", KEYS[i]) == 1 and redis.call("DECR", KEYS[i]) <= 0 then redis.call("DEL", KEYS[i]) end
end
`);
