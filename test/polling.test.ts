import type { Api } from "grammy";
import { afterEach, expect, it, vi } from "vitest";
import type { Dispatcher } from "../src/updates/dispatcher.js";
import { startPolling } from "../src/updates/polling.js";
import { captureLogs } from "./harness.js";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

it("polling leaves nothing behind for each pause while Redis is away", async () => {
  vi.useFakeTimers();
  const warnings = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
  const dispatcher = { isBehind: () => true, catchUp: async () => false } as unknown as Dispatcher;
  const polling = startPolling({ api: {} as Api, dispatcher, logger: captureLogs().logger });
  // A minute of outage is sixty pauses of a second.
  await vi.advanceTimersByTimeAsync(60_000);
  await polling.stop();
  expect(warnings).not.toHaveBeenCalled();
});
