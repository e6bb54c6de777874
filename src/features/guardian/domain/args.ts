/** Reading guardian mode's commands: a name first, then an address, an ending word, or what the elder needs. Pure. */

/** Words that end guardian mode for someone (`/代管 李奶奶 关闭`). */
const END = /^(?:关闭|结束|取消|停止|解除|off|end|stop)$/iu;

/** What `/代管 …` asks: the list, to end it for someone, or to register someone at an address (`rest`). */
export type GuardianArgs = { kind: "list" } | { kind: "end"; name: string } | { kind: "register"; name: string; rest: string };

/** `/代管` (list), `/代管 李奶奶 关闭` (end), `/代管 李奶奶 3栋101` (register; the address is read by the caller). */
export function readGuardianArgs(args: string): GuardianArgs {
  const split = nameAndRest(args);
  if (!split) return { kind: "list" };
  if (END.test(split.rest)) return { kind: "end", name: split.name };
  return { kind: "register", name: split.name, rest: split.rest };
}

/**
 * The name at the start of the arguments and what follows it ("李奶奶 明天上午陪去医院", "@李奶奶 …", "Mrs Li, …" is not
 * supported: names are one word, as the bot's other commands read them). Undefined when there is no name.
 */
export function nameAndRest(args: string): { name: string; rest: string } | undefined {
  const match = /^@?(\S+?)[\s,，:：]+([\s\S]*)$/u.exec(args.trim()) ?? /^@?(\S+)$/u.exec(args.trim());
  if (!match) return undefined;
  return { name: match[1]!, rest: (match[2] ?? "").trim() };
}
