/** The meaning of one message: a discriminated union, so each handler gets typed slots. */

import type { Lang } from "../kernel/lang.ts";
import type { Place } from "../kernel/place.ts";

/** A slash or hash command, with its arguments as typed. */
export interface CommandIntent {
  kind: "command";
  /** The command's canonical name (the registry's, src/app/commands.ts). */
  name: string;
  args: string;
}

/** A slash command Linli does not know: it gets a helpful reply instead of silence. */
export interface UnknownCommandIntent {
  kind: "unknown_command";
  command: string;
}

/** A resident saying where they live ("我住3栋502"). */
export interface RegisterIntent {
  kind: "register";
  place: Place;
}

/**
 * Chatter that needs no action: no reply, nothing written. `closing` marks a short message that would close the
 * sender's own help request ("好了，谢谢" done, "不用了" withdrawn): it acts only if they have one, and says nothing otherwise.
 */
export interface NoneIntent {
  kind: "none";
  closing?: "done" | "withdrawn";
  /** The model was unsure and the message was not addressed to the bot: kept for coordinators to review. */
  unsure?: boolean;
  understood?: Understanding;
}

/** How a free-text intent was decided, and how sure the parser is (kept with unsure messages, printed by `npm run parse`). */
export interface Understanding {
  /** A structural rule, the emergency detector, the trained model, or the language model's second opinion. */
  by: "rule" | "sos" | "model" | "llm";
  /** The probability of the chosen meaning (1 for rules and the detector). */
  confidence: number;
  /** The model's best guesses, best first (without SOS, which only the detector raises). */
  guesses: Array<{ label: string; p: number }>;
}

/** What a help request is about. */
export type RequestCategory =
  | "borrow"
  | "errand"
  | "repair"
  | "ride"
  | "childcare"
  | "care"
  | "companionship"
  | "medical"
  | "other";

/** A date a message refers to, in the community's zone; `start`/`end` only when a time of day is stated. */
export interface When {
  /** YYYY-MM-DD in the configured time zone. */
  date: string;
  start?: Date;
  end?: Date;
}

/** Someone needs an item or a service from neighbours. */
export interface RequestIntent {
  kind: "request";
  category: RequestCategory;
  what: string;
  when?: When;
  place?: Place;
  urgent?: boolean;
}

/** Someone offers an item, a service or a skill. */
export interface OfferIntent {
  kind: "offer";
  what: string;
  /** Skills offered ("修电脑", "drive people to appointments"). */
  skills?: string[];
  /** Items offered to lend or give ("梯子", "工具箱"). */
  items?: string[];
  when?: When;
}

/** Which event a sign-up or cancellation means: by date and/or title words. */
export interface EventRef {
  when?: When;
  title?: string;
}

/** Joining an event ("报名", "+2", "算我一个", a 接龙 entry). */
export interface SignupIntent {
  kind: "signup";
  event: EventRef;
  count: number;
  /** When the sign-up is a 接龙 list: its entries, to compare with the last copy in that chat. */
  list?: { title: string; entries: Array<{ n: number; text: string }> };
}

/** Leaving an event. */
export interface CancelSignupIntent {
  kind: "cancel_signup";
  event: EventRef;
}

/** Help already given, with how long it took (time-bank credit). */
export interface ServiceLogIntent {
  kind: "service_log";
  hours?: number;
  beneficiary?: string;
  /** The helper, when the beneficiary records it ("张阿姨帮我读报2小时"); the writer is the helper otherwise. */
  helper?: string;
  when?: When;
  /** Time-bank category: A daily-life care, B companionship, C emergency. */
  category: "A" | "B" | "C";
}

/** Thanks to a named neighbour (a good deed to record). */
export interface ThanksIntent {
  kind: "thanks";
  /** A mention's name or the name as written. */
  helper: string;
  for?: string;
}

/** An emergency that needs people now. */
export interface SosIntent {
  kind: "sos";
  place?: Place;
  emergency: "fall" | "fire" | "unconscious" | "missing" | "medical" | "other";
}

/** A problem in the shared environment. */
export interface ReportIntent {
  kind: "report";
  place?: Place;
  /** light, lift, water, fire safety (a blocked fire lane, things piled in a stairwell), rubbish, parking, greenery. */
  problem: "light" | "lift" | "water" | "fire" | "rubbish" | "parking" | "greenery" | "other";
}

/** A conflict between neighbours that asks for mediation. */
export interface DisputeIntent {
  kind: "dispute";
  issue: "noise" | "leak" | "pets" | "parking" | "smell" | "shared" | "other";
}

/** A resident living alone saying they are fine today. */
export interface CheckinIntent {
  kind: "checkin";
}

/** A question to the bot about its own records. */
export interface QueryIntent {
  kind: "query";
  topic: "balance" | "events" | "my-requests" | "my-signups";
}

/** The natural-language intents (no command), each with how it was understood when the parser says. */
export type NaturalIntent = (
  | RequestIntent
  | OfferIntent
  | SignupIntent
  | CancelSignupIntent
  | ServiceLogIntent
  | ThanksIntent
  | SosIntent
  | ReportIntent
  | DisputeIntent
  | CheckinIntent
  | QueryIntent
) & { understood?: Understanding };

/** The kinds of the natural-language intents. */
export type NaturalKind = NaturalIntent["kind"];

/**
 * A message addressed to the bot whose meaning is unclear: the bot asks one short question instead of guessing, with
 * the likely meanings as numbered choices; the answer is handled as that meaning.
 */
export interface ClarifyIntent {
  kind: "clarify";
  choices?: NaturalKind[];
  understood?: Understanding;
}

/** Everything the parser can return. */
export type Intent = CommandIntent | UnknownCommandIntent | RegisterIntent | NaturalIntent | ClarifyIntent | NoneIntent;

/** What the parser may use besides the text. No I/O: everything it needs is passed in. */
export interface ParseContext {
  now: Date;
  timeZone: string;
  /** Names the bot answers to (for stripping "@邻里小助手" and "/help@linli_bot"). */
  botNames: string[];
  lang?: Lang;
  addressedToBot?: boolean;
}

/** A parser: a pure function from text (+ context) to an Intent. Plugged into the pipeline. */
export type Parser = (text: string, context: ParseContext) => Intent;
