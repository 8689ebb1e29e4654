import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { createI18n } from "../src/bot/i18n.js";
import { MAX_ATTACHMENTS, NARRATIVE_MAX, NARRATIVE_MIN } from "../src/complaints/model.js";
import { FakeTelegram, type ChatMessage, type Payload } from "../src/telegram/fake-telegram.js";
import { buttonsOf, FakeUser } from "../src/telegram/fake-user.js";
import { TEST_DATA_KEY, testRedisUrl, throwOnMissingTranslation, until } from "./harness.js";

const MAIN = new URL("../src/main.ts", import.meta.url).pathname;
const TSX = import.meta.resolve("tsx");
export const EMPTY_DIR = mkdtempSync(join(tmpdir(), "ukuk-main-"));

const leftovers: Array<() => unknown> = [];

/** Kills every process and closes every server the helpers here started and the test did not stop. */
export async function cleanUp() {
  for (const cleanup of leftovers.splice(0)) await cleanup();
}

export interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

/** Spawns `command`, keeping what it prints; it is killed by cleanUp() if still running. */
export function spawnTracked(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Run {
  const { input, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
  if (input !== undefined) child.stdin?.end(input);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += String(chunk)));
  child.stderr?.on("data", (chunk) => (output += String(chunk)));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on("exit", (code) => resolve({ code, at: Date.now() })),
  );
  leftovers.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  });
  return { child, output: () => output, exited };
}

/** src/main.ts as a process of its own. */
export function startMain(env: Record<string, string>, { args = [], input }: { args?: string[]; input?: string } = {}): Run {
  // Run from an empty folder, so a developer's own .env cannot leak into these runs.
  return spawnTracked(process.execPath, ["--import", TSX, MAIN, ...args], {
    cwd: EMPTY_DIR,
    input,
    env: { PATH: process.env.PATH, REDIS_URL: testRedisUrl(), DATA_KEY: TEST_DATA_KEY, LOG_LEVEL: "info", ...env },
  });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Poll {
  res: ServerResponse;
  offset: number;
  limit: number;
  answer: () => void;
}

/**
 * The Bot API over HTTP, for a process started with TELEGRAM_API_ROOT pointing at it. Updates wait in a
 * queue as on Telegram's side: getUpdates with an offset drops (confirms) every update below it and
 * returns the rest, holding the request up to `timeout` seconds until one is queued. Every other method
 * is answered by the in-process FakeTelegram, which also keeps each chat's messages.
 */
export async function fakeBotApi(options: { slowSendMs?: number; updates?: unknown[] } = {}) {
  const telegram = new FakeTelegram();
  const calls: string[] = [];
  const sent: string[] = [];
  let queue = [...(options.updates ?? [])] as Update[];
  let poll: Poll | undefined;

  const json = (res: ServerResponse, body: unknown) =>
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));

  function answerPoll() {
    const waiting = poll;
    if (!waiting) return;
    poll = undefined;
    waiting.answer();
    if (waiting.res.writableEnded || waiting.res.destroyed) return;
    json(waiting.res, { ok: true, result: queue.filter((update) => update.update_id >= waiting.offset).slice(0, waiting.limit) });
  }

  function getUpdates(res: ServerResponse, payload: { offset?: number; limit?: number; timeout?: number }) {
    const offset = payload.offset ?? 0;
    if (offset > 0) queue = queue.filter((update) => update.update_id >= offset);
    // Telegram ends an earlier long poll when another one comes in.
    if (poll && !poll.res.writableEnded) {
      const earlier = poll;
      poll = undefined;
      earlier.answer();
      earlier.res.writeHead(409, { "content-type": "application/json" });
      earlier.res.end(JSON.stringify({ ok: false, error_code: 409, description: "Conflict: terminated by other getUpdates request" }));
    }
    const limit = payload.limit ?? 100;
    if (queue.length > 0 || !payload.timeout) {
      json(res, { ok: true, result: queue.slice(0, limit) });
      return;
    }
    const timer = setTimeout(answerPoll, payload.timeout * 1000);
    const current: Poll = { res, offset, limit, answer: () => clearTimeout(timer) };
    poll = current;
    // The client went away (stopped, or killed): forget its poll.
    res.on("close", () => {
      if (poll !== current) return;
      poll = undefined;
      current.answer();
    });
  }

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    for await (const chunk of req) body += String(chunk);
    const method = req.url?.split("/").pop() ?? "";
    calls.push(method);
    const payload = body ? JSON.parse(body) : {};
    if (method === "getUpdates") return getUpdates(res, payload);
    if (method === "sendMessage") {
      await new Promise((resolve) => setTimeout(resolve, options.slowSendMs ?? 0));
      sent.push(payload.text);
    }
    const answer = await telegram.fetch(`http://fake/${method}`, { method: "POST", body: body || "{}" });
    res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  leftovers.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  return {
    root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    telegram,
    /** Every method called, in order. */
    calls,
    /** The text of every sendMessage, in order. */
    sent,
    /** Updates Telegram still holds (not confirmed). */
    held: () => queue.length,
    /** Someone in a private chat with the bot, whose updates wait here for getUpdates. */
    person(id: number, language_code = "ru") {
      return new FakeUser(
        async (update) => {
          queue.push(update);
          answerPoll();
        },
        telegram,
        { id, language_code },
      );
    },
  };
}

export type FakeBotApi = Awaited<ReturnType<typeof fakeBotApi>>;

const i18n = createI18n("ru", throwOnMissingTranslation);
/** A text of the bot in Russian, the language of the people in these tests. */
export const ru = (key: string, vars?: Record<string, string | number>) => i18n.t("ru", key, vars);

export const CASE_CODE = /<code>([A-Z0-9-]{11})<\/code>/;

/** One thing a person does in the report form, and how to tell the bot's answer to it. */
export interface Step {
  name: string;
  act: (person: FakeUser) => Promise<void>;
  answers: (message: Payload) => boolean;
}

const buttonData = (message: ChatMessage | Payload) => buttonsOf(message as ChatMessage).map((button) => (button as { callback_data?: string }).callback_data);

/** Presses the newest button carrying `data`, as a person does. */
function press(data: string): Step["act"] {
  return (person) => {
    const message = person.messages.findLast((candidate) => buttonData(candidate).includes(data));
    if (!message) throw new Error(`no button ${data} in the chat with user ${person.id}`);
    return person.pressData(message, data);
  };
}

const says = (key: string, vars?: Record<string, string | number>) => (message: Payload) => message.text === ru(key, vars);

/** A whole report in Russian, from /report to «Send», one answer per step (see report-steps.ts). */
export function reportWalk(narrative: string): Step[] {
  const choice = (data: string, next: string): Step => ({ name: data, act: press(data), answers: says(`report-ask-${next}`) });
  return [
    { name: "/report", act: (person) => person.send("/report"), answers: (message) => buttonData(message).includes("r:agree") },
    choice("r:agree", "reporter"),
    choice("r:v:relative", "place"),
    choice("r:v:police", "region"),
    choice("r:v:osh", "place-name"),
    choice("r:skip", "when"),
    { name: "r:v:yesterday", act: press("r:v:yesterday"), answers: says("report-ask-narrative", { min: NARRATIVE_MIN, max: NARRATIVE_MAX }) },
    { name: "narrative", act: (person) => person.send(narrative), answers: says("report-narrative-added", { length: narrative.length, max: NARRATIVE_MAX }) },
    choice("r:next", "urgency"),
    { name: "r:v:no", act: press("r:v:no"), answers: says("report-ask-evidence", { max: MAX_ATTACHMENTS }) },
    choice("r:done", "contact"),
    { name: "r:v:anonymous", act: press("r:v:anonymous"), answers: (message) => buttonData(message).includes("r:send") },
    { name: "r:send", act: press("r:send"), answers: (message) => message.text.startsWith("✅") && CASE_CODE.test(message.text) },
  ];
}

/** What the bot sent to one chat, oldest first, as the calls carried it. */
export const sentTo = (api: FakeBotApi, chatId: number): Payload[] =>
  api.telegram.calls.filter((call) => call.method === "sendMessage" && Number(call.payload.chat_id) === chatId).map((call) => call.payload);

/** Does the step and waits for the bot's answer; the answer, or undefined when none came within `ms`. */
export async function take(api: FakeBotApi, person: FakeUser, step: Step, ms: number): Promise<Payload | undefined> {
  const before = sentTo(api, person.id).length;
  await step.act(person);
  const answer = () => sentTo(api, person.id).slice(before).find(step.answers);
  return until(() => answer() !== undefined, `the answer to ${step.name}`, ms).then(answer, () => undefined);
}
