/** The meaning of one message: a discriminated union, so each handler gets typed slots. */

/** A language Linli replies in. */
export type Lang = "zh-CN" | "en";

/** A place named in a message: a building, optionally a unit and a room. */
export interface Place {
  /** Normalised building key: "3" for 3栋, 3号楼, building 3. */
  building: string;
  unit?: string;
  room?: string;
}

/** The commands Linli knows, by canonical name. */
export type CommandName = "help" | "register";

/** A slash or hash command, with its arguments as typed. */
export interface CommandIntent {
  kind: "command";
  name: CommandName;
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

/** Chatter that needs no action: no reply, nothing written. */
export interface NoneIntent {
  kind: "none";
}

/** Everything the parser can return. Later issues add the natural-language intents here. */
export type Intent = CommandIntent | UnknownCommandIntent | RegisterIntent | NoneIntent;

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
