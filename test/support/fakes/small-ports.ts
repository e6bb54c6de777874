/** The in-memory outbox, processed messages, jobs, audit log, app state, group notes, good deeds and unsure messages. */
import type { OutboundMessage, OutboundTarget, Platform } from "../../../src/chat/types.ts";
import type {
  AppStates,
  AuditEntry,
  AuditLogs,
  EnqueueOptions,
  GroupNotes,
  Jobs,
  NewJob,
  Outboxes,
  ProcessedMessages,
  UnsureMessages,
  UnsureRecord,
} from "../../../src/app/ports.ts";
import type { GoodDeeds, NewGoodDeed } from "../../../src/features/deeds/ports.ts";
import { AlreadyProcessed } from "../../../src/app/ports.ts";
import { insert, type FakeState } from "./state.ts";

/** In-memory `Outboxes`: every message enqueued is kept, in order, for tests to read. */
export class FakeOutboxes implements Outboxes {
  constructor(private readonly state: FakeState, private readonly now: Date) {}

  async enqueue(target: OutboundTarget, message: OutboundMessage, options: EnqueueOptions): Promise<void> {
    insert(this.state, "outbox", { target: { ...target }, message: structuredClone(message), lang: options.lang, priority: options.priority ?? 5, createdAt: this.now });
  }

  /** Fakes never fall back (nothing is sent): the group's own messages only. */
  async toGroupSince(platform: Platform, chatId: string, since: Date): Promise<Date[]> {
    return this.state.outbox
      .filter((row) => row.target.kind === "chat" && row.target.platform === platform && row.target.chatId === chatId && row.priority < 9 && row.createdAt >= since)
      .map((row) => row.createdAt);
  }
}

/** In-memory `ProcessedMessages`: the unique key on platform and id. */
export class FakeProcessedMessages implements ProcessedMessages {
  constructor(private readonly state: FakeState, private readonly now: Date) {}

  async record(platform: Platform, externalId: string, chatId: number | null, intent: string): Promise<void> {
    if (this.state.processed.some((one) => one.platform === platform && one.externalId === externalId)) throw new AlreadyProcessed(platform, externalId);
    insert(this.state, "processed", { platform, externalId, chatId, intent, processedAt: this.now });
  }
}

/** In-memory `Jobs`: a dedupe key is scheduled once. */
export class FakeJobs implements Jobs {
  constructor(private readonly state: FakeState, private readonly now: Date) {}

  async schedule(job: NewJob): Promise<boolean> {
    if (job.dedupeKey && this.state.jobs.some((one) => one.dedupeKey === job.dedupeKey)) return false;
    insert(this.state, "jobs", {
      kind: job.kind,
      dueAt: job.dueAt,
      // Stored as JSON, as the database does: a handler gets a plain copy (dates as strings).
      payload: JSON.parse(JSON.stringify(job.payload ?? {})) as unknown,
      staleAt: job.staleAt ?? null,
      dedupeKey: job.dedupeKey ?? null,
      state: "pending",
      createdAt: this.now,
    });
    return true;
  }
}

/** In-memory `AuditLogs`. */
export class FakeAuditLogs implements AuditLogs {
  constructor(private readonly state: FakeState, private readonly now: Date) {}

  async append(entry: AuditEntry): Promise<void> {
    insert(this.state, "audit", { ...entry, ...(entry.detail === undefined ? {} : { detail: JSON.parse(JSON.stringify(entry.detail)) as unknown }), createdAt: this.now });
  }
}

/** In-memory `AppStates`. */
export class FakeAppStates implements AppStates {
  constructor(private readonly state: FakeState) {}

  async get(key: string): Promise<string | null> {
    return this.state.appStates[key] ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    this.state.appStates[key] = value;
  }

  async list(prefix: string): Promise<Array<{ key: string; value: string }>> {
    return Object.keys(this.state.appStates)
      .filter((key) => key.startsWith(prefix))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((key) => ({ key, value: this.state.appStates[key]! }));
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) delete this.state.appStates[key];
  }
}

/** In-memory `GroupNotes`. */
export class FakeGroupNotes implements GroupNotes {
  constructor(private readonly state: FakeState) {}

  async lastCopy(chatId: number, title: string): Promise<Array<{ n: number; text: string }> | null> {
    const list = this.state.chatLists.find((one) => one.chatId === chatId && one.title === title);
    return list ? list.entries.map((entry) => ({ ...entry })) : null;
  }

  async saveCopy(chatId: number, title: string, entries: Array<{ n: number; text: string }>): Promise<void> {
    const copy = entries.map((entry) => ({ ...entry }));
    const list = this.state.chatLists.find((one) => one.chatId === chatId && one.title === title);
    if (list) list.entries = copy;
    else insert(this.state, "chatLists", { chatId, title, entries: copy, eventId: null });
  }
}

/** In-memory `GoodDeeds`. */
export class FakeGoodDeeds implements GoodDeeds {
  constructor(private readonly state: FakeState, private readonly now: Date) {}

  async record(deed: NewGoodDeed): Promise<void> {
    insert(this.state, "deeds", { ...deed, createdAt: this.now });
  }
}

/** In-memory `UnsureMessages`. */
export class FakeUnsureMessages implements UnsureMessages {
  constructor(private readonly state: FakeState, private readonly now: Date) {}

  async record(entry: Parameters<UnsureMessages["record"]>[0]): Promise<{ id: number }> {
    const row = insert(this.state, "unsure", {
      ...entry,
      guesses: entry.guesses.map((guess) => ({ ...guess })),
      finalIntent: entry.finalIntent ?? null,
      createdAt: this.now,
      answeredAt: entry.finalIntent ? this.now : null,
    });
    return { id: row.id };
  }

  async get(id: number): Promise<UnsureRecord | null> {
    const row = this.state.unsure.find((one) => one.id === id);
    return row ? structuredClone(row) : null;
  }

  async answer(id: number, finalIntent: string): Promise<boolean> {
    const row = this.state.unsure.find((one) => one.id === id && one.finalIntent === null);
    if (row) Object.assign(row, { finalIntent, answeredAt: this.now });
    return !!row;
  }

  async list(communityId: number, from: Date, to: Date): Promise<Array<UnsureRecord & { chatTitle: string }>> {
    return this.state.unsure
      .filter((row) => row.communityId === communityId && row.createdAt >= from && row.createdAt < to)
      .map((row) => ({ ...structuredClone(row), chatTitle: this.state.chats.find((chat) => chat.id === row.chatId)?.title ?? "" }));
  }
}
