import { Counter, Histogram, Registry } from "prom-client";

export interface Metrics {
  registry: Registry;
  updates: Counter<"type">;
  errors: Counter;
  duration: Histogram;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  return {
    registry,
    updates: new Counter({
      name: "ukuk_updates_total",
      help: "Telegram updates handled, by update type",
      labelNames: ["type"],
      registers: [registry],
    }),
    errors: new Counter({
      name: "ukuk_update_errors_total",
      help: "Updates whose handling threw an error",
      registers: [registry],
    }),
    duration: new Histogram({
      name: "ukuk_update_duration_seconds",
      help: "Time spent handling one update",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}
