/** The outbox writer, processed messages, jobs, audit log and app state on Prisma. */
import { abilitiesOf } from "../../features/community/domain/abilities.ts";
import type { OutboundMessage, OutboundTarget, Platform } from "../../chat/types.ts";
import type {
  AppStates,
  AuditEntry,
  AuditLogs,
  EnqueueOptions,
  GroupNotes,
  Volunteers,
  Jobs,
  NewJob,
  Outboxes,
  ProcessedMessages,
} from "../../app/ports.ts";
import type { Tx } from "./tx.ts";
import { AlreadyProcessed } from "../../app/ports.ts";
import { laneOf } from "../../chat/numbered-choices.ts";

/** The body stored in an outbox row. */
export interface OutboxBody {
  message: OutboundMessage;
  lang: EnqueueOptions["lang"];
  /** For private messages: the name to mention if it falls back to a group. */
  displayName?: string;
}

/** Prisma implementation of `Outboxes`. */
export class PrismaOutboxes implements Outboxes {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async enqueue(target: OutboundTarget, message: OutboundMessage, options: EnqueueOptions): Promise<void> {
    const body: OutboxBody = { message, lang: options.lang };
    if (target.kind === "user") body.displayName = target.displayName;
    const targetId = target.kind === "chat" ? target.chatId : target.userId;
    const fallback = target.kind === "user" ? (target.fallbackChatId ?? null) : null;
    // Hot path: one raw, portable INSERT costs a fraction of a model create (see bench/pipeline.bench.ts).
    await this.tx.$executeRaw`INSERT INTO "OutboxMessage"
      ("platform", "targetKind", "targetId", "fallbackChatId", "lane", "priority", "body", "state", "attempts", "partsSent", "nextAttemptAt", "createdAt")
      VALUES (${target.platform}, ${target.kind}, ${targetId}, ${fallback}, ${laneOf(target)}, ${options.priority ?? 5},
              ${JSON.stringify(body)}, 'pending', 0, 0, ${this.now}, ${this.now})`;
  }

  async toGroupSince(platform: Platform, chatId: string, since: Date): Promise<Date[]> {
    // Two indexed reads: the chat's lane ([lane, state, id]); and sent rows by time ([state, nextAttemptAt], which is
    // never before the row was written) for private messages the dispatcher turned into a mention in this group.
    const own = await this.tx.outboxMessage.findMany({
      where: { lane: laneOf({ kind: "chat", platform, chatId }), state: { in: ["pending", "sent"] }, createdAt: { gte: since }, priority: { lt: 9 } },
      select: { createdAt: true },
    });
    const fellBack = await this.tx.outboxMessage.findMany({
      where: {
        state: "sent",
        nextAttemptAt: { gte: since },
        createdAt: { gte: since },
        targetKind: "user",
        platform,
        fallbackChatId: chatId,
        priority: { lt: 9 },
        lastError: { startsWith: "private message undeliverable" },
      },
      select: { createdAt: true },
    });
    return [...own, ...fellBack].map((row) => row.createdAt).sort((a, b) => a.getTime() - b.getTime());
  }
}

/** Prisma implementation of `ProcessedMessages`. */
export class PrismaProcessedMessages implements ProcessedMessages {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async record(platform: Platform, externalId: string, chatId: number | null, intent: string): Promise<void> {
    try {
      await this.tx.$executeRaw`INSERT INTO "ProcessedMessage" ("platform", "externalId", "chatId", "intent", "processedAt")
        VALUES (${platform}, ${externalId}, ${chatId}, ${intent}, ${this.now})`;
    } catch (error) {
      if (isUniqueViolation(error)) throw new AlreadyProcessed(platform, externalId);
      throw error;
    }
  }
}

/** Prisma implementation of `Jobs`. */
export class PrismaJobs implements Jobs {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async schedule(job: NewJob): Promise<boolean> {
    const data = {
      kind: job.kind,
      dueAt: job.dueAt,
      payload: JSON.stringify(job.payload ?? {}),
      staleAt: job.staleAt ?? null,
      dedupeKey: job.dedupeKey ?? null,
      createdAt: this.now,
    };
    if (job.dedupeKey && (await this.tx.scheduledJob.findUnique({ where: { dedupeKey: job.dedupeKey }, select: { id: true } }))) {
      return false;
    }
    await this.tx.scheduledJob.create({ data });
    return true;
  }
}

/** Prisma implementation of `AuditLogs`. */
export class PrismaAuditLogs implements AuditLogs {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.tx.auditLog.create({
      data: {
        communityId: entry.communityId ?? null,
        actorId: entry.actorId ?? null,
        action: entry.action,
        subjectType: entry.subjectType ?? null,
        subjectId: entry.subjectId === undefined ? null : String(entry.subjectId),
        detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
        createdAt: this.now,
      },
    });
  }
}

/** Prisma implementation of `AppStates`. */
export class PrismaAppStates implements AppStates {
  constructor(private readonly tx: Tx) {}

  async get(key: string): Promise<string | null> {
    const row = await this.tx.appState.findUnique({ where: { key } });
    return row?.value ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    await this.tx.appState.upsert({ where: { key }, create: { key, value }, update: { value } });
  }

  async list(prefix: string): Promise<Array<{ key: string; value: string }>> {
    // Filtered and sorted here too: SQLite's LIKE ignores ASCII case, and a database's collation may order otherwise.
    const rows = await this.tx.appState.findMany({ where: { key: { startsWith: prefix } } });
    return rows
      .filter(({ key }) => key.startsWith(prefix))
      .map(({ key, value }) => ({ key, value }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length) await this.tx.appState.deleteMany({ where: { key: { in: keys } } });
  }
}

/** A unique-key violation, as Prisma reports it for model queries (P2002) or, through the driver adapter, raw ones. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  return e?.code === "P2002" || e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}

/** Prisma implementation of `GroupNotes` (the ChatList table). */
export class PrismaGroupNotes implements GroupNotes {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async lastCopy(chatId: number, title: string): Promise<Array<{ n: number; text: string }> | null> {
    const row = await this.tx.chatList.findUnique({ where: { chatId_title: { chatId, title } } });
    return row ? (JSON.parse(row.entries) as Array<{ n: number; text: string }>) : null;
  }

  async saveCopy(chatId: number, title: string, entries: Array<{ n: number; text: string }>): Promise<void> {
    const data = { entries: JSON.stringify(entries), updatedAt: this.now };
    await this.tx.chatList.upsert({
      where: { chatId_title: { chatId, title } },
      create: { chatId, title, ...data },
      update: data,
    });
  }
}

/** Prisma implementation of `Volunteers`. */
export class PrismaVolunteers implements Volunteers {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async enroll(personId: number, skills: string[], items: string[] = []): Promise<void> {
    const existing = await this.tx.volunteerProfile.findUnique({ where: { personId } });
    const merge = (before: string | undefined, added: string[]) =>
      JSON.stringify([...new Set([...(before ? (JSON.parse(before) as string[]) : []), ...added])]);
    const lists = { skills: merge(existing?.skills, skills), items: merge(existing?.items, items) };
    // Abilities named now are switched on; abilities not mentioned stay as they were.
    const named = abilitiesOf(skills, items);
    const abilities = Object.fromEntries(Object.entries(named).filter(([, on]) => on));
    await this.tx.volunteerProfile.upsert({
      where: { personId },
      create: { personId, ...lists, ...abilities, createdAt: this.now, updatedAt: this.now },
      update: { active: true, ...lists, ...abilities, updatedAt: this.now },
    });
  }

  async setDailyLimit(personId: number, limit: number): Promise<void> {
    await this.enroll(personId, []);
    await this.tx.volunteerProfile.update({ where: { personId }, data: { maxPingsPerDay: limit, updatedAt: this.now } });
  }

  async setAvailability(personId: number, windows: Array<{ days: number[]; from: number; to: number }>): Promise<void> {
    await this.enroll(personId, []);
    await this.tx.volunteerProfile.update({ where: { personId }, data: { availability: JSON.stringify(windows), updatedAt: this.now } });
  }

  async setQuietHours(personId: number, quiet: { from: number; to: number } | null): Promise<void> {
    await this.enroll(personId, []);
    await this.tx.volunteerProfile.update({
      where: { personId },
      data: { quietFrom: quiet?.from ?? null, quietTo: quiet?.to ?? null, updatedAt: this.now },
    });
  }
}
