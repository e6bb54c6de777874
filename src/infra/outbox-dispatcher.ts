/**
 * The outbox dispatcher: sends committed outbound messages through the right adapter.
 * Order is kept per lane (a chat, or a person's private chat); within and across lanes a higher priority goes first,
 * so an SOS alert overtakes queued bulk messages. Failures retry with backoff; a rate-limited answer is honoured
 * with its retry time; a long message is sent in parts and a retry resumes after the parts already delivered.
 * After a restart, whatever is still pending goes out. Delivery is at least once: a crash between a send and its
 * "sent" mark repeats that one message.
 */
import type { ChatAdapter, OutboundPicture, Platform, RenderedMessage, SendResult } from "../chat/types.ts";
import type { Pictures } from "./pictures.ts";
import type { Clock } from "../kernel/clock.ts";
import type { Logger } from "../logger.ts";
import type { Prisma, PrismaClient } from "./generated/prisma/client.ts";
import type { Db } from "./db.ts";
import type { OutboxBody } from "./repositories/prisma-small-ports.ts";
import { render } from "../chat/render.ts";
import type { OpenQuestion } from "../chat/numbered-choices.ts";
import { choicesPrefix } from "../chat/numbered-choices.ts";
import { t } from "../app/shared/texts.ts";
import { backoffMs } from "./backoff.ts";

type Row = Awaited<ReturnType<PrismaClient["outboxMessage"]["findMany"]>>[number];

/** How long a question with options stays answerable. */
const CHOICES_TTL_MS = 7 * 24 * 3600_000;
/** The most open questions a lane keeps (the oldest are forgotten first). */
const CHOICES_PER_LANE = 20;

/** The dispatcher's collaborators. */
export interface DispatcherDeps {
  db: Db;
  adapters: ReadonlyMap<Platform, ChatAdapter>;
  clock: Clock;
  log: Logger;
  maxAttempts: number;
  /** Draws the pictures messages carry (certificates); without it they are sent as their fallback text. */
  pictures?: Pictures;
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
    this.#running = this.#loop();
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

  /**
   * Passes until one finds nothing to do and nobody asked for another. The loop lets go of `#running` in the same turn
   * it decides to stop: a drain asked for a moment later starts a new loop instead of getting this finished one.
   */
  async #loop(): Promise<number> {
    let finished = 0;
    try {
      for (;;) {
        this.#again = false;
        const done = await this.#pass();
        finished += done;
        if (done === 0 && !this.#again) {
          this.#running = undefined;
          return finished;
        }
      }
    } catch (error) {
      this.#running = undefined;
      throw error;
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
    const rendered = render(body.message, adapter.capabilities, body.lang, adapter.platform);
    if (body.message.picture) rendered.parts = await this.#withPicture(row, adapter, rendered.parts, body.message.picture);
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
      if (body.message.options?.length && !note) await this.#remember(row, body, rendered.numbered !== undefined, result.platformMessageId, now);
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

  /**
   * A picture drawn now (here, outside any transaction; saved, so a retry sends the same file) goes with the last part;
   * when it cannot be made here or the platform takes no photos, its fallback is said instead of the text.
   */
  async #withPicture(row: Row, adapter: ChatAdapter, parts: RenderedMessage[], picture: OutboundPicture): Promise<RenderedMessage[]> {
    const file = adapter.capabilities.photos && this.#deps.pictures
      ? await this.#deps.pictures.draw(picture, `outbox-${row.id}`).catch((error: unknown) => {
          this.#deps.log.warn({ err: error, outboxId: row.id }, "could not draw a picture; its fallback is sent");
          return null;
        })
      : null;
    if (!file) return [{ text: picture.fallback }];
    return parts.map((part, index) => (index === parts.length - 1 ? { ...part, picture: file } : part));
  }

  /** Send the parts not yet delivered, recording progress after each so a retry resumes. */
  async #sendParts(
    row: Row,
    adapter: ChatAdapter,
    target: "user" | "chat",
    parts: RenderedMessage[],
    track = true,
  ): Promise<SendResult> {
    let last: SendResult = { ok: true };
    for (let index = row.partsSent; index < parts.length; index += 1) {
      let result: SendResult;
      try {
        result = target === "user" ? await adapter.sendPrivate(row.targetId, parts[index]!) : await adapter.send(row.targetId, parts[index]!);
      } catch (error) {
        result = { ok: false, reason: "error", detail: error instanceof Error ? error.message : String(error) };
      }
      if (!result.ok) return result;
      last = result;
      if (track && index < parts.length - 1) {
        await this.#update(row.id, { partsSent: index + 1 });
        row.partsSent = index + 1;
      }
    }
    return last;
  }

  /** Remember a question with options as open in its lane (how a bare number, a word, a quote or a reply finds it). */
  async #remember(row: Row, body: OutboxBody, numbered: boolean, messageId: string | undefined, now: Date): Promise<void> {
    const { message } = body;
    const options = message.options ?? [];
    const excerpt = message.text.slice(0, 40);
    const question: Omit<OpenQuestion, "key"> = {
      subject: message.subject ?? (excerpt.split("\n")[0] ?? "").slice(0, 16),
      replies: options.map((option) => option.reply),
      ...(options.some((option) => option.words?.length) ? { words: options.map((option) => option.words ?? []) } : {}),
      numbered,
      ...(messageId ? { messageId } : {}),
      excerpt,
      ...(message.askedOf ? { askedOf: message.askedOf } : {}),
      closable: row.targetKind === "user" || message.askedOf !== undefined,
      sentAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + CHOICES_TTL_MS).toISOString(),
    };
    const prefix = choicesPrefix(row.lane);
    const key = `${prefix}${row.id}`;
    await this.#deps.db.use(async (prisma) => {
      const rows = (await prisma.appState.findMany({ where: { key: { startsWith: prefix } } }))
        .filter((one) => one.key.startsWith(prefix) && one.key !== key)
        .map((one) => ({ key: one.key, ...(JSON.parse(one.value) as Omit<OpenQuestion, "key">) }))
        .sort((a, b) => b.sentAt.localeCompare(a.sentAt));
      // The same question asked again (an alert repeated) replaces the earlier one; a reply to or quote of that still names it.
      const same = rows.filter((one) => JSON.stringify(one.replies) === JSON.stringify(question.replies));
      const earlier = same.flatMap((one) => [{ ...(one.messageId ? { messageId: one.messageId } : {}), excerpt: one.excerpt }, ...(one.earlier ?? [])]);
      const value = JSON.stringify(earlier.length ? { ...question, earlier: earlier.slice(0, 5) } : question);
      await prisma.appState.upsert({ where: { key }, create: { key, value }, update: { value } });
      // Expired questions, and any beyond the newest few, are forgotten.
      const stale = rows
        .filter((one) => !same.includes(one))
        .filter((one, index) => index >= CHOICES_PER_LANE - 1 || new Date(one.expiresAt) <= now)
        .map((one) => one.key);
      const gone = [...same.map((one) => one.key), ...stale];
      if (gone.length) await prisma.appState.deleteMany({ where: { key: { in: gone } } });
    });
  }

  #update(id: number, data: Prisma.OutboxMessageUpdateInput): Promise<unknown> {
    return this.#deps.db.use((prisma) => prisma.outboxMessage.update({ where: { id }, data }));
  }
}

function isUndeliverable(reason: string): boolean {
  return reason === "not-contact" || reason === "blocked" || reason === "unsupported";
}
