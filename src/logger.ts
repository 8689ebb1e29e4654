import { pino, type Logger, type DestinationStream } from "pino";

export type { Logger };

// Personal data can sit at any depth of an update or an API payload, so each field is redacted at
// every depth we log.
const PERSONAL_FIELDS = [
  "text", "caption", "first_name", "last_name", "username", "phone_number", "contact", "vcard", "description",
  // ioredis puts a failed command, with its arguments (drafts, updates, case content), on the error.
  "command",
];
const DEPTHS = ["", "*.", "*.*.", "*.*.*.", "*.*.*.*."];
const REDACT = [...DEPTHS.flatMap((depth) => PERSONAL_FIELDS.map((field) => depth + field)), "err.payload"];

export interface LoggerOptions {
  level: string;
  pretty?: boolean;
  destination?: DestinationStream;
}

export function createLogger({ level, pretty = false, destination }: LoggerOptions): Logger {
  const options = { level, redact: { paths: REDACT, censor: "[redacted]" } };
  if (pretty) return pino({ ...options, transport: { target: "pino-pretty" } });
  return destination ? pino(options, destination) : pino(options);
}
