import { HttpError, type Transformer } from "grammy";
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
 * growing backoff, so a bug inside a call would look like a network outage retried for minutes. This
 * turns it into a plain Error, which auto-retry passes on: the call fails once, with the bug as its cause.
 * Inside a conversation it sees no difference: the conversations plugin rebuilds every HttpError from its
 * message alone, so there a bug is retried like a network failure.
 */
export const failOnBugs: Transformer = async (prev, method, payload, signal) => {
  try {
    return await prev(method, payload, signal);
  } catch (err) {
    if (err instanceof HttpError && isProgrammingError(err.error)) {
      throw new Error(`Call to '${method}' failed: ${err.error.message}`, { cause: err.error });
    }
    throw err;
  }
};

/**
 * Flood waits, server errors and network failures are retried; programming errors are not. The last
 * transformer installed runs first, so auto-retry comes after failOnBugs, to see what that returns.
 */
export function retryTransformers(config: Config): Transformer[] {
  return [failOnBugs, autoRetry(retryOptions(config))];
}
