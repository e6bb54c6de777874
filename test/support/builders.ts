/**
 * Fluent builders for use-case tests: residents, volunteers, group chats and messages. `build()` gives a plain spec
 * (or, for a message, the `MessageContext` a handler receives, its intent read by the real parser); a `FakeWorld`
 * seeds the specs into the fake repositories.
 */
import type { InboundMessage } from "../../src/chat/types.ts";
import type { Lang } from "../../src/kernel/lang.ts";
import type { KnownChat, KnownPerson } from "../../src/app/ports.ts";
import type { MessageContext } from "../../src/app/shared/context.ts";
import { parse } from "../../src/app/parser.ts";
import { detectLang } from "../../src/parse/normalize.ts";
import type { Role } from "./fakes/state.ts";

/** The time use-case tests start at: a Wednesday morning in Shanghai (as the integration tests). */
export const T0 = new Date("2026-11-25T10:00:00+08:00");
export const BOT_NAME = "邻里小助手";
export const TIME_ZONE = "Asia/Shanghai";

/** What a volunteer offers. */
export interface VolunteerSpec {
  skills: string[];
  items: string[];
  hasCar: boolean;
  firstAid: boolean;
  medicalTraining: boolean;
  verified: boolean;
  quiet: { from: number; to: number } | null;
}

/** A resident to seed. */
export interface ResidentSpec {
  name: string;
  building: string | null;
  room: string | null;
  phone: string | null;
  lang: Lang | null;
  /** Titles of the group chats they are in. */
  groups: string[];
  admin: boolean;
  roles: Role[];
  volunteer: VolunteerSpec | null;
}

/** A resident: `aResident().named("吴阿姨").inBuilding("3").room("402").build()`. */
export class ResidentBuilder {
  protected spec: ResidentSpec = { name: "居民", building: null, room: null, phone: null, lang: null, groups: [], admin: false, roles: [], volunteer: null };

  named(name: string): this {
    this.spec.name = name;
    return this;
  }
  inBuilding(key: string): this {
    this.spec.building = key;
    return this;
  }
  room(room: string): this {
    this.spec.room = room;
    return this;
  }
  phone(phone: string): this {
    this.spec.phone = phone;
    return this;
  }
  speaks(lang: Lang): this {
    this.spec.lang = lang;
    return this;
  }
  /** Member of these group chats (by title). */
  inChats(...titles: string[]): this {
    this.spec.groups.push(...titles);
    return this;
  }
  /** A group admin of the chats they are in. */
  asAdmin(): this {
    this.spec.admin = true;
    return this;
  }
  /** The grid captain of their building's grid. */
  asCaptain(): this {
    this.spec.roles.push("grid_captain");
    return this;
  }
  asCoordinator(): this {
    this.spec.roles.push("coordinator");
    return this;
  }
  asMediator(): this {
    this.spec.roles.push("mediator");
    return this;
  }
  build(): ResidentSpec {
    return structuredClone(this.spec);
  }
}

/** A volunteer: `aVolunteer().named("王师傅").withSkills("修水管").withItems("梯子")`. */
export class VolunteerBuilder extends ResidentBuilder {
  constructor() {
    super();
    this.spec.volunteer = { skills: [], items: [], hasCar: false, firstAid: false, medicalTraining: false, verified: false, quiet: null };
  }
  #volunteer(): VolunteerSpec {
    return this.spec.volunteer!;
  }
  withSkills(...skills: string[]): this {
    this.#volunteer().skills.push(...skills);
    return this;
  }
  withItems(...items: string[]): this {
    this.#volunteer().items.push(...items);
    return this;
  }
  withCar(): this {
    this.#volunteer().hasCar = true;
    return this;
  }
  firstAider(): this {
    this.#volunteer().firstAid = true;
    return this;
  }
  medicallyTrained(): this {
    this.#volunteer().medicalTraining = true;
    return this;
  }
  verified(): this {
    this.#volunteer().verified = true;
    return this;
  }
  /** Quiet hours, "22:00" to "07:00". */
  quiet(from: string, to: string): this {
    const minutes = (hhmm: string) => hhmm.split(":").map(Number).reduce((h, m) => h * 60 + m);
    this.#volunteer().quiet = { from: minutes(from), to: minutes(to) };
    return this;
  }
}

export const aResident = () => new ResidentBuilder();
export const aVolunteer = () => new VolunteerBuilder();

/** A group chat to seed. */
export interface ChatSpec {
  title: string;
  building: string | null;
  interest: string | null;
  lang: Lang;
}

/** A group chat: `aGroupChat("3栋邻里群").forBuilding("3")`. */
export class ChatBuilder {
  #spec: ChatSpec;
  constructor(title: string) {
    this.#spec = { title, building: null, interest: null, lang: "zh-CN" };
  }
  forBuilding(key: string): this {
    this.#spec.building = key;
    return this;
  }
  forInterest(interest: string): this {
    this.#spec.interest = interest;
    return this;
  }
  inEnglish(): this {
    this.#spec.lang = "en";
    return this;
  }
  build(): ChatSpec {
    return { ...this.#spec };
  }
}

export const aGroupChat = (title = "邻里群") => new ChatBuilder(title);

let counter = 0;

/** A message: `aMessage("谁家有梯子").from(person).in(chat).build()` gives the context a handler receives. */
export class MessageBuilder {
  #person: KnownPerson | undefined;
  #chat: KnownChat | undefined;
  #at: Date | undefined;
  #admin = false;
  #extra: Partial<InboundMessage> = {};

  constructor(readonly text: string) {}

  from(person: KnownPerson): this {
    this.#person = person;
    return this;
  }
  in(chat: KnownChat): this {
    this.#chat = chat;
    return this;
  }
  at(time: Date): this {
    this.#at = time;
    return this;
  }
  /** The platform says the sender is a group admin. */
  byAdmin(): this {
    this.#admin = true;
    return this;
  }
  with(extra: Partial<InboundMessage>): this {
    Object.assign(this.#extra, extra);
    return this;
  }
  get person(): KnownPerson | undefined {
    return this.#person;
  }
  get chat(): KnownChat | undefined {
    return this.#chat;
  }

  /** The context at the time given with `at`, else `now` (a world's clock), else T0. */
  build(now?: Date): MessageContext {
    const at = this.#at ?? now ?? T0;
    const person = this.#person;
    const chat = this.#chat;
    if (!person || !chat) throw new Error("aMessage: say who sends it (from) and where (in)");
    counter += 1;
    const message: InboundMessage = {
      id: `fake-${counter}`,
      chat: { platform: chat.platform, id: chat.externalId, kind: chat.kind, title: chat.title },
      sender: { platform: chat.platform, id: person.displayName, displayName: person.displayName, ...(this.#admin ? { isAdmin: true } : {}) },
      text: this.text,
      addressedToBot: chat.kind === "private",
      mentions: [],
      sentAt: at,
      ...this.#extra,
    };
    const lang = detectLang(message.text);
    const intent = parse(message.text, {
      now: at,
      timeZone: TIME_ZONE,
      botNames: [BOT_NAME],
      addressedToBot: message.addressedToBot,
      ...(lang ? { lang } : {}),
    });
    return { message, intent, chat, person, isAdmin: this.#admin, lang: lang ?? person.lang ?? chat.lang, now: at, botName: BOT_NAME };
  }
}

export const aMessage = (text: string) => new MessageBuilder(text);
