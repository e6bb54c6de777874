/**
 * A neighbourhood in memory for use-case tests: the fake unit of work on a virtual clock, seeded with builders, with
 * the real handlers and job handlers. `say` runs a message's use case the way the pipeline does (processed record,
 * membership, handler, one transaction) and returns the outbox messages it wrote; `runDueJobs` is the scheduler.
 */
import type { KnownChat, KnownCommunity, KnownPerson, JobHandler } from "../../../src/app/ports.ts";
import type { MessageContext } from "../../../src/app/shared/context.ts";
import type { Router } from "../../../src/app/routes.ts";
import type { RequestSettings } from "../../../src/features/requests/domain/policy.ts";
import { DEFAULT_REQUEST_SETTINGS } from "../../../src/features/requests/domain/policy.ts";
import { VirtualClock } from "../../../src/kernel/clock.ts";
import { defaultRouter, handlerFor } from "../../../src/app/routes.ts";
import { defaultJobHandlers } from "../../../src/app/jobs.ts";
import { buildingName } from "../../../src/kernel/place.ts";
import { aGroupChat, aResident, aVolunteer, ChatBuilder, VolunteerBuilder, MessageBuilder, ResidentBuilder, T0, type ChatSpec, type ResidentSpec } from "../builders.ts";
import { demoCommunity } from "../../../prisma/demo.ts";
import { FakeUnitOfWork } from "./unit-of-work.ts";
import { insert, type FakeState, type OutboxRow } from "./state.ts";
import { knownChat, knownPerson, newCommunity } from "./directories.ts";

/** An outbox message as a line: [chat or user, its id, text]. */
export type Line = [string, string, string];

/** Outbox messages as lines, for `toEqual`. */
export function lines(rows: OutboxRow[]): Line[] {
  return rows.map((row) => [row.target.kind, row.target.kind === "chat" ? row.target.chatId : row.target.userId, row.message.text]);
}

/** Outbox messages as "kind:id", for who was told. */
export function targets(rows: OutboxRow[]): string[] {
  return lines(rows).map(([kind, id]) => `${kind}:${id}`);
}

/** A community in memory. */
export class FakeWorld {
  readonly clock: VirtualClock;
  readonly uow: FakeUnitOfWork;
  readonly community: KnownCommunity;
  readonly router: Router;
  readonly jobHandlers: ReadonlyMap<string, JobHandler>;

  constructor(options: { name?: string; settings?: RequestSettings; start?: Date } = {}) {
    const settings = options.settings ?? DEFAULT_REQUEST_SETTINGS;
    this.clock = new VirtualClock(options.start ?? T0);
    this.uow = new FakeUnitOfWork(this.clock);
    const row = newCommunity(this.uow.state, options.name ?? "幸福里社区");
    this.community = { id: row.id, name: row.name, timeZone: row.timeZone, lang: "zh-CN" };
    this.router = defaultRouter(settings);
    this.jobHandlers = defaultJobHandlers(settings);
  }

  /** The committed store. */
  get state(): FakeState {
    return this.uow.state;
  }

  /** A grid with its buildings ("3" named 3栋). */
  grid(name: string, ...buildingKeys: string[]): number {
    const grid = insert(this.state, "grids", { communityId: this.community.id, name, isDefault: false });
    for (const key of buildingKeys) this.#building(key, grid.id);
    return grid.id;
  }

  /** Seed a resident or a volunteer. */
  add(resident: ResidentBuilder | ResidentSpec): KnownPerson;
  /** Seed a group chat. */
  add(chat: ChatBuilder | ChatSpec): KnownChat;
  add(what: ResidentBuilder | ResidentSpec | ChatBuilder | ChatSpec): KnownPerson | KnownChat {
    const spec = what instanceof ResidentBuilder || what instanceof ChatBuilder ? what.build() : what;
    return "title" in spec ? this.#addChat(spec) : this.#addResident(spec);
  }

  /** A seeded person by name. */
  person(name: string): KnownPerson {
    const row = this.state.people.find((one) => one.displayName === name);
    if (!row) throw new Error(`no person named ${name}`);
    return knownPerson(row);
  }

  /** A seeded chat by title (a private chat with a person: "dm:<name>", made on first use). */
  chat(title: string): KnownChat {
    const row = this.state.chats.find((one) => one.externalId === title);
    if (row) return knownChat(row);
    const name = /^dm:(.+)$/u.exec(title)?.[1];
    if (!name) throw new Error(`no chat ${title}`);
    return knownChat(insert(this.state, "chats", { communityId: this.community.id, platform: "console", externalId: title, kind: "private", title: name, locale: "zh-CN", buildingId: null, gridId: null, interest: null }));
  }

  /** A message from a person in a group (by title), or privately when no chat is given. */
  message(text: string, from: string, chat?: string): MessageBuilder {
    return new MessageBuilder(text).from(this.person(from)).in(this.chat(chat ?? `dm:${from}`));
  }

  /** Handle a message with the use case the router gives it, in one transaction; the outbox messages it wrote. */
  async say(message: MessageBuilder | MessageContext): Promise<OutboxRow[]> {
    const { intent, ...context } = message instanceof MessageBuilder ? message.build(this.clock.now()) : message;
    const run = handlerFor(this.router, intent);
    if (!run) return [];
    return this.#writes(() =>
      this.uow.run(async (repos) => {
        await repos.processed.record(context.message.chat.platform, context.message.id, context.chat.id, intent.kind);
        const { isAdmin } = await repos.directories.upsertMembership(context.chat.id, context.person.id, context.message.sender.isAdmin);
        await run({ ...context, isAdmin }, repos);
      }),
    );
  }

  /** Several messages in turn; every outbox message written. */
  async sayAll(...messages: MessageBuilder[]): Promise<OutboxRow[]> {
    const out: OutboxRow[] = [];
    for (const one of messages) out.push(...(await this.say(one)));
    return out;
  }

  /** Run the jobs due at the clock's time, each in its own transaction (stale ones dropped); the messages written. */
  async runDueJobs(): Promise<OutboxRow[]> {
    return this.#writes(async () => {
      const tried = new Set<number>();
      for (;;) {
        const now = this.clock.now();
        const due = this.state.jobs
          .filter((job) => job.state === "pending" && job.dueAt <= now && !tried.has(job.id))
          .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
        if (due.length === 0) return;
        for (const job of due) {
          tried.add(job.id);
          const stale = job.staleAt !== null && job.staleAt <= now;
          if (!stale) {
            const handler = this.jobHandlers.get(job.kind);
            if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
            await this.uow.run((repos) => handler(structuredClone(job.payload), repos, { id: job.id, kind: job.kind, dueAt: job.dueAt, now }));
          }
          this.#finish(job.id, stale ? "dropped" : "done");
        }
      }
    });
  }

  /** Move the clock on and run what fell due. */
  async advance(ms: number): Promise<OutboxRow[]> {
    this.clock.advance(ms);
    return this.runDueJobs();
  }

  #finish(jobId: number, state: "done" | "dropped"): void {
    const job = this.state.jobs.find((one) => one.id === jobId);
    if (job) job.state = state;
  }

  async #writes(work: () => Promise<void>): Promise<OutboxRow[]> {
    const before = this.state.ids.outbox ?? 0;
    await work();
    return this.state.outbox.filter((row) => row.id > before);
  }

  #building(key: string, gridId: number | null): number {
    const found = this.state.buildings.find((one) => one.communityId === this.community.id && one.key === key);
    if (found) return found.id;
    return insert(this.state, "buildings", { communityId: this.community.id, gridId, key, name: buildingName(key, "zh-CN") }).id;
  }

  #addChat(spec: ChatSpec): KnownChat {
    const buildingId = spec.building === null ? null : this.#building(spec.building, null);
    const gridId = buildingId === null ? null : (this.state.buildings.find((one) => one.id === buildingId)?.gridId ?? null);
    const row = insert(this.state, "chats", {
      communityId: this.community.id,
      platform: "console",
      externalId: spec.title,
      kind: "group",
      title: spec.title,
      locale: spec.lang,
      buildingId,
      gridId,
      interest: spec.interest,
    });
    return knownChat(row);
  }

  #addResident(spec: ResidentSpec): KnownPerson {
    const buildingId = spec.building === null ? null : this.#building(spec.building, null);
    const person = insert(this.state, "people", {
      communityId: this.community.id,
      displayName: spec.name,
      locale: spec.lang,
      phone: spec.phone,
      buildingId,
      room: spec.room,
      nameInSummary: true,
    });
    insert(this.state, "identities", { personId: person.id, platform: "console", externalId: spec.name, displayName: spec.name });
    for (const title of spec.groups) {
      const chat = this.state.chats.find((one) => one.externalId === title) ?? this.#addChat({ title, building: null, interest: null, lang: "zh-CN" });
      insert(this.state, "memberships", { chatId: chat.id, personId: person.id, alias: null, isAdmin: spec.admin });
    }
    const gridId = this.state.buildings.find((one) => one.id === buildingId)?.gridId ?? null;
    for (const role of spec.roles) {
      insert(this.state, "roles", { communityId: this.community.id, personId: person.id, role, gridId: role === "grid_captain" ? gridId : null });
    }
    const v = spec.volunteer;
    if (v) {
      insert(this.state, "volunteers", {
        personId: person.id,
        active: true,
        skills: [...v.skills],
        items: [...v.items],
        hasCar: v.hasCar,
        firstAid: v.firstAid,
        medicalTraining: v.medicalTraining,
        verified: v.verified,
        availability: [],
        quietFrom: v.quiet?.from ?? null,
        quietTo: v.quiet?.to ?? null,
        maxPingsPerDay: 5,
        pingsAccepted: 0,
        pingsMissed: 0,
        emergencyPhone: null,
      });
    }
    return knownPerson(person);
  }
}

/** The demo community of `prisma/demo.ts` (as the integration tests seed it), built with the builders. */
export function demoWorld(options: { settings?: RequestSettings; start?: Date } = {}): FakeWorld {
  const world = new FakeWorld({ ...options, name: demoCommunity.name });
  for (const grid of demoCommunity.grids) world.grid(grid.name, ...grid.buildings);
  for (const chat of demoCommunity.chats) {
    const builder = aGroupChat(chat.title);
    if (chat.building) builder.forBuilding(chat.building);
    if (chat.interest) builder.forInterest(chat.interest);
    if (chat.locale === "en") builder.inEnglish();
    world.add(builder);
  }
  for (const resident of demoCommunity.residents) {
    const v = resident.volunteer;
    const builder = v ? aVolunteer().withSkills(...(v.skills ?? [])).withItems(...(v.items ?? [])) : aResident();
    builder.named(resident.name).inBuilding(resident.building).room(resident.room).inChats(...resident.groups);
    if (/^[A-Za-z]/u.test(resident.name)) builder.speaks("en");
    if (resident.phone) builder.phone(resident.phone);
    if (resident.admin) builder.asAdmin();
    for (const role of resident.roles ?? []) {
      if (role === "grid_captain") builder.asCaptain();
      else if (role === "coordinator") builder.asCoordinator();
      else builder.asMediator();
    }
    if (v && builder instanceof VolunteerBuilder) {
      if (v.hasCar) builder.withCar();
      if (v.firstAid) builder.firstAider();
      if (v.medicalTraining) builder.medicallyTrained();
      if (v.verified) builder.verified();
      if (v.quietFrom && v.quietTo) builder.quiet(v.quietFrom, v.quietTo);
    }
    world.add(builder);
  }
  return world;
}
