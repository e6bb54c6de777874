/**
 * The outbox dispatcher: sends committed outbound messages through the right adapter.
 * Order is kept per lane (a chat, or a person's private chat); within and across lanes a higher priority goes first,
 * so an SOS alert overtakes queued bulk messages. Failures retry with backoff; a rate-limited answer is honoured
 * with its retry time; a long message is sent in parts and a retry resumes after the parts already delivered.
 * After a restart, whatever is still pending goes out. Delivery is at least once: a crash between a send and its
 * "sent" mark repeats that one message.
 */
import type { ChatAdapter, Platform, RenderedMessage, SendResult } from "../chat/types.ts";
import type { Clock } from "../kernel/clock.ts";
import type { Logger } from "../logger.ts";
import type { Prisma, PrismaClient } from "./generated/prisma/client.ts";
import type { Db } from "./db.ts";
import type { OutboxBody } from "./repositories/prisma-small-ports.ts";
import { render } from "../chat/render.ts";
import { choicesKey } from "../chat/numbered-choices.ts";
import { t } from "../app/shared/texts.ts";
import { backoffMs } from "./backoff.ts";

type Row = Awaited<ReturnType<PrismaClient["outboxMessage"]["findMany"]>>[number];

/** How long numbered options stay answerable. */
const CHOICES_TTL_MS = 7 * 24 * 3600_000;

/** The dispatcher's collaborators. */
export interface DispatcherDeps {
  db: Db;
  adapters: ReadonlyMap<Platform, ChatAdapter>;
  clock: Clock;
  log: Logger;
  maxAttempts: number;
}

/** Sends the outbox. Call `drain()` after commits (or `poke()`), and `start()` for a periodic sweep. */
export class OutboxDispatcher {
  readonly #deps: DispatcherDeps;
  #running: Promise<number> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(deps: DispatcherDeps) {
    this.#deps = deps;
  }

  /** Send everything that is due now; resolves with the number of messages finished (sent or failed for good). */
  drain(): Promise<number> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Drain in the background, logging instead of rejecting. */
  poke(): void {
    this.drain().catch((error: unknown) => this.#deps.log.error({ err: error }, "outbox drain failed"));
  }

  /** Sweep every `intervalMs` (retries fall due, messages written by other processes). */
  start(intervalMs: number): void {
    this.#timer ??= setInterval(() => this.poke(), intervalMs);
  }

  /** Stop the sweep and wait for a drain in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => undefined);
  }

  async #loop(): Promise<number> {
    let finished = 0;
    for (;;) {
      this.#again = false;
      const done = await this.#pass();
      finished += done;
      if (done === 0 && !this.#again) return finished;
    }
  }

  /** One pass over pending rows in (priority desc, id asc) order; a lane whose head must wait is blocked. */
  async #pass(): Promise<number> {
    const rows = await this.#deps.db.use((prisma) =>
      prisma.outboxMessage.findMany({ where: { state: "pending" }, orderBy: [{ priority: "desc" }, { id: "asc" }], take: 500 }),
    );
    const blocked = new Set<string>();
    let finished = 0;
    for (const row of rows) {
      if (blocked.has(row.lane)) continue;
      const adapter = this.#deps.adapters.get(row.platform as Platform);
      if (!adapter || row.nextAttemptAt > this.#deps.clock.now()) {
        blocked.add(row.lane);
        continue;
      }
      if (await this.#send(row, adapter)) finished += 1;
      else blocked.add(row.lane);
    }
    return finished;
  }

  /** Send one row; true when it is finished (sent, or failed for good). */
  async #send(row: Row, adapter: ChatAdapter): Promise<boolean> {
    const body = JSON.parse(row.body) as OutboxBody;
    const rendered = render(body.message, adapter.capabilities, body.lang);
    const target = row.targetKind === "user" ? ("user" as const) : ("chat" as const);
    let result = await this.#sendParts(row, adapter, target, rendered.parts);
    let note: string | null = null;
    if (!result.ok && target === "user" && isUndeliverable(result.reason) && row.fallbackChatId) {
      note = `private message undeliverable (${result.reason}); mentioned in the group instead`;
      const mention = { platform: row.platform as Platform, id: row.targetId, displayName: body.displayName ?? row.targetId };
      const fallback = render({ text: t(body.lang).privateFallback(mention.displayName, row.platform), mentions: [mention] }, adapter.capabilities, body.lang);
      result = await this.#sendParts({ ...row, targetId: row.fallbackChatId, partsSent: 0 }, adapter, "chat", fallback.parts, false);
    }
    const now = this.#deps.clock.now();
    if (result.ok) {
      await this.#update(row.id, { state: "sent", sentAt: now, partsSent: rendered.parts.length, lastError: note });
      if (rendered.numbered && !note) await this.#rememberChoices(row, rendered.numbered, now);
      return true;
    }
    if (result.reason === "rate-limited") {
      await this.#update(row.id, { nextAttemptAt: new Date(now.getTime() + result.retryAfterMs), lastError: "rate-limited" });
      return false;
    }
    const attempts = row.attempts + 1;
    const permanent = result.reason !== "error" || attempts >= this.#deps.maxAttempts;
    await this.#update(row.id, {
      attempts,
      lastError: `${result.reason}${result.detail ? `: ${result.detail}` : ""}`,
      ...(permanent ? { state: "failed" } : { nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) }),
    });
    this.#deps.log.warn({ outboxId: row.id, reason: result.reason, attempts, permanent }, "outbox send failed");
    return permanent;
  }

  /** Send the parts not yet delivered, recording progress after each so a retry resumes. */
  async #sendParts(
    row: Row,
    adapter: ChatAdapter,
    target: "user" | "chat",
    parts: RenderedMessage[],
    track = true,
  ): Promise<SendResult> {
    for (let index = row.partsSent; index < parts.length; index += 1) {
      let result: SendResult;
      try {
        result = target === "user" ? await adapter.sendPrivate(row.targetId, parts[index]!) : await adapter.send(row.targetId, parts[index]!);
      } catch (error) {
        result = { ok: false, reason: "error", detail: error instanceof Error ? error.message : String(error) };
      }
      if (!result.ok) return result;
      if (track && index < parts.length - 1) {
        await this.#update(row.id, { partsSent: index + 1 });
        row.partsSent = index + 1;
      }
    }
    return { ok: true };
  }

  async #rememberChoices(row: Row, replies: string[], now: Date): Promise<void> {
    const key = choicesKey(row.lane);
    const expiresAt = new Date(now.getTime() + CHOICES_TTL_MS).toISOString();
    const value = JSON.stringify({ replies, expiresAt, sentAt: now.toISOString() });
    await this.#deps.db.use((prisma) => prisma.appState.upsert({ where: { key }, create: { key, value }, update: { value } }));
  }

  #update(id: number, data: Prisma.OutboxMessageUpdateInput): Promise<unknown> {
    return this.#deps.db.use((prisma) => prisma.outboxMessage.update({ where: { id }, data }));
  }
}

function isUndeliverable(reason: string): boolean {
  return reason === "not-contact" || reason === "blocked" || reason === "unsupported";
}
