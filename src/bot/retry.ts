import type { Transformer } from "grammy";
import { autoRetry, type AutoRetryOptions } from "@grammyjs/auto-retry";
import type { Config } from "../config.js";

// A webhook must answer within Telegram's timeout, so it cannot wait out long flood waits.
function retryOptions(config: Config): Partial<AutoRetryOptions> {
  return config.botMode === "webhook"
    ? { maxRetryAttempts: 2, maxDelaySeconds: 5 }
    : { maxRetryAttempts: 5, maxDelaySeconds: 120 };
}

// SyntaxError is not among them: grammY reads Telegram's answer with res.json(), so a proxy's HTML error
// page throws one, and that is worth trying again.
const PROGRAMMING_ERRORS = [TypeError, RangeError, ReferenceError];

/**
 * An error that code threw, as opposed to a failed network: undici reports those as TypeError("fetch
 * failed") with the system's error code on its cause, and aborts and timeouts are other errors.
 */
export function isProgrammingError(error: unknown): error is Error {
  if (!PROGRAMMING_ERRORS.some((kind) => error instanceof kind)) return false;
  return typeof ((error as Error).cause as { code?: unknown } | undefined)?.code !== "string";
}

/**
 * grammY wraps whatever the fetch throws in an HttpError, and auto-retry retries every HttpError with a
 * growing backoff, so a bug inside a call would look like a network outage retried for minutes. Inside a
 * conversation the plugin even rebuilds the HttpError from its message alone, so no transformer could tell
 * a bug from a network failure there. The fetch is the one seam under both: it answers a programming error
 * the way Telegram answers a bad request, which grammY raises as a GrammyError that nothing retries. The
 * call fails once, and the bug's message is in the error that is logged.
 */
export function failFastFetch(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    try {
      return await fetch(input, init);
    } catch (err) {
      if (!isProgrammingError(err)) throw err;
      const description = `Bad Request: the call failed inside this process: ${err.message}`;
      return new Response(JSON.stringify({ ok: false, error_code: 400, description }), { status: 400, headers: { "content-type": "application/json" } });
    }
  }) as typeof globalThis.fetch;
}

/** Flood waits, server errors and network failures are retried; programming errors never get here (see above). */
export function retryTransformer(config: Config): Transformer {
  return autoRetry(retryOptions(config));
}
