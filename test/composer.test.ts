import { Api, Context } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { Composer } from "../src/bot/composer.js";
import { FAKE_BOT_INFO } from "../src/telegram/fake-telegram.js";
import { TEST_TOKEN } from "./harness.js";

const api = new Api(TEST_TOKEN);
const text = (value: string, type: "private" | "group" = "private"): Update => ({
  update_id: 1,
  message: { message_id: 1, date: 0, chat: type === "private" ? { id: 5, type, first_name: "A" } : { id: -5, type, title: "G" }, from: { id: 5, is_bot: false, first_name: "A" }, text: value, ...(value.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: value.split(" ")[0]!.length }] } : {}) },
});

async function run(composer: Composer<Context>, update: Update) {
  const seen: string[] = [];
  const ctx = new Context(update, api, FAKE_BOT_INFO);
  (ctx as Context & { seen: string[] }).seen = seen;
  await composer.middleware()(ctx, async () => {
    seen.push("next");
  });
  return { seen, ctx };
}

const mark = (label: string) => (ctx: Context) => {
  (ctx as Context & { seen: string[] }).seen.push(label);
};

describe("Composer.filter", () => {
  it("runs the filtered middleware when the predicate holds, and the next one when it does not", async () => {
    const composer = new Composer<Context>();
    composer.chatType("private").command("help", mark("help"));
    composer.on("message:text", mark("text"));
    expect((await run(composer, text("/help"))).seen).toEqual(["help"]);
    expect((await run(composer, text("/help", "group"))).seen).toEqual(["text"]);
    expect((await run(composer, text("hello"))).seen).toEqual(["text"]);
    expect((await run(composer, { update_id: 2, callback_query: { id: "1", from: { id: 5, is_bot: false, first_name: "A" }, chat_instance: "1", data: "x" } })).seen).toEqual(["next"]);
  });

  it("sets ctx.match for commands and patterns, and passes on when the handler calls next", async () => {
    const composer = new Composer<Context>();
    composer.command("start", (ctx, next) => {
      mark(`start:${ctx.match}`)(ctx);
      return next();
    });
    composer.hears(/^say (\w+)$/, (ctx) => mark(`said:${ctx.match[1]}`)(ctx));
    expect((await run(composer, text("/start topic"))).seen).toEqual(["start:topic", "next"]);
    expect((await run(composer, text("say hi"))).seen).toEqual(["said:hi"]);
  });

  it("waits for a predicate that answers later, either way", async () => {
    const composer = new Composer<Context>();
    composer.filter(async (ctx) => ctx.from?.id === 5, mark("staff"));
    composer.filter(async () => false, mark("never"));
    composer.use(mark("after"));
    expect((await run(composer, text("x"))).seen).toEqual(["staff"]);
    const other = new Composer<Context>();
    other.filter(async () => false, mark("never"));
    other.use(mark("after"));
    expect((await run(other, text("x"))).seen).toEqual(["after"]);
  });

  it("includes middleware added to the branch after filter() returned", async () => {
    const composer = new Composer<Context>();
    const privateChat = composer.chatType("private");
    privateChat.command("late", mark("late"));
    expect((await run(composer, text("/late"))).seen).toEqual(["late"]);
  });
});

describe("Composer.use", () => {
  it("runs middleware in the order added, each only once the one before calls next", async () => {
    const composer = new Composer<Context>();
    const entered: string[] = [];
    composer.use(async (ctx, next) => {
      entered.push("first");
      await next();
      mark("first-after")(ctx);
    });
    composer.use((ctx, next) => {
      entered.push("second");
      mark("second")(ctx);
      return next();
    });
    composer.use(mark("third"));
    composer.use(() => entered.push("never"));
    expect((await run(composer, text("x"))).seen).toEqual(["second", "third", "first-after"]);
    expect(entered).toEqual(["first", "second"]);
  });

  it("enters nothing after a middleware that answers and does not call next", async () => {
    const composer = new Composer<Context>();
    const entered: number[] = [];
    composer.use(mark("answer"));
    for (let i = 0; i < 50; i++) composer.use((_ctx, next) => (entered.push(i), next()));
    expect((await run(composer, text("x"))).seen).toEqual(["answer"]);
    expect(entered).toEqual([]);
  });

  it("refuses a next called twice, and turns a middleware's throw into a rejection", async () => {
    const twice = new Composer<Context>();
    twice.use(async (_ctx, next) => {
      await next();
      await next();
    });
    twice.use(mark("once"));
    await expect(run(twice, text("x"))).rejects.toThrow("`next` already called before!");
    const throwing = new Composer<Context>();
    throwing.use(() => {
      throw new Error("broken");
    });
    const pending = throwing.middleware()(new Context(text("x"), api, FAKE_BOT_INFO), async () => {});
    await expect(pending).rejects.toThrow("broken");
  });

  it("includes middleware added after middleware() was taken, and runs plugin objects", async () => {
    const composer = new Composer<Context>();
    const handler = composer.middleware();
    composer.use({ middleware: () => mark("plugin") });
    const seen: string[] = [];
    const ctx = Object.assign(new Context(text("x"), api, FAKE_BOT_INFO), { seen });
    await handler(ctx, async () => void seen.push("next"));
    expect(seen).toEqual(["plugin"]);
  });
});
