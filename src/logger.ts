/** Structured logs (pino) to stderr, so stdout stays free for the console chat. Secrets are redacted. */
import { pino } from "pino";

/** The logger type used across Linli. */
export type Logger = pino.Logger;

/** Keys whose values never reach a log line. */
export const REDACTED_KEYS = ["token", "*.token", "secret", "*.secret", "password", "*.password", "databaseUrl", "*.databaseUrl", "apiKey", "*.apiKey", "*.*.apiKey"];

/** A logger writing JSON lines to stderr at `level`. */
export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACTED_KEYS, censor: "[redacted]" } }, pino.destination(2));
}

/** A logger that writes nothing (tests, benchmarks). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
