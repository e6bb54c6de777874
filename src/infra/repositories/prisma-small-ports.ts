/** The outbox writer, processed messages, jobs, audit log and app state on Prisma. */
import type { OutboundMessage, OutboundTarget, Platform } from "../../chat/types.ts";
import type {
  AppStates,
  AuditEntry,
  AuditLogs,
  EnqueueOptions,
  HelpRequests,
  Jobs,
  NewHelpRequest,
  NewJob,
  Outboxes,
  ProcessedMessages,
} from "../../domain/ports.ts";
import type { Tx } from "./tx.ts";
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
    await this.tx.outboxMessage.create({
      data: {
        platform: target.platform,
        targetKind: target.kind,
        targetId: target.kind === "chat" ? target.chatId : target.userId,
        fallbackChatId: target.kind === "user" ? (target.fallbackChatId ?? null) : null,
        lane: laneOf(target),
        priority: options.priority ?? 5,
        body: JSON.stringify(body),
        nextAttemptAt: this.now,
        createdAt: this.now,
      },
    });
  }
}

/** Prisma implementation of `ProcessedMessages`. */
export class PrismaProcessedMessages implements ProcessedMessages {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async record(platform: Platform, externalId: string, chatId: number | null, intent: string): Promise<void> {
    await this.tx.processedMessage.create({ data: { platform, externalId, chatId, intent, processedAt: this.now } });
  }
}

/** Prisma implementation of `Jobs`. */
export class PrismaJobs implements Jobs {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async schedule(job: NewJob): Promise<void> {
    const data = {
      kind: job.kind,
      dueAt: job.dueAt,
      payload: JSON.stringify(job.payload ?? {}),
      staleAt: job.staleAt ?? null,
      dedupeKey: job.dedupeKey ?? null,
      createdAt: this.now,
    };
    if (job.dedupeKey) {
      await this.tx.scheduledJob.upsert({ where: { dedupeKey: job.dedupeKey }, create: data, update: {} });
    } else {
      await this.tx.scheduledJob.create({ data });
    }
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
}

/** Prisma implementation of `HelpRequests`. */
export class PrismaHelpRequests implements HelpRequests {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async open(request: NewHelpRequest): Promise<{ id: number }> {
    return this.tx.helpRequest.create({ data: { ...request, createdAt: this.now }, select: { id: true } });
  }
}
