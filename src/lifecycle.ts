import type { Server } from "node:http";
import type { Logger } from "./logger.js";

const SHUTDOWN_DEADLINE_MS = 9000;

/** On SIGINT or SIGTERM runs `stop` once, then exits 0; exits 1 if stopping fails or outlasts the deadline. */
export function onShutdown(logger: Logger, stop: () => Promise<void>) {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing updates in flight");
    setTimeout(() => {
      logger.error("updates still running at the shutdown deadline; exiting anyway");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

export function listen(server: Server, port: number) {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
}

// close() waits for requests in flight; their keep-alive connections would then hold it open until they
// time out, so idle connections are closed as soon as they appear.
export function closeServer(server: Server) {
  return new Promise<void>((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 25);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}
