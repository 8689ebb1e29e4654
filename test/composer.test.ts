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
