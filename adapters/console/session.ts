/**
 * Runs console lines against a running Linli: posts go through the real pipeline, then the outbox is drained so
 * replies print right after the line that caused them. With a virtual clock, !time and !advance move time and run
 * every job that falls due on the way, in order.
 */
import type { Linli } from "../../src/linli.ts";
import type { VirtualClock } from "../../src/kernel/clock.ts";
import type { ConsoleAdapter } from "./console-adapter.ts";
import type { ScriptLine } from "./script.ts";
import { parseScriptLine } from "./script.ts";
import { saveVirtualNow } from "../../src/infra/persisted-clock.ts";

/** A console session over one adapter and app. */
export class ConsoleSession {
  /** The last chat and person posted as: a plain line in the interactive console posts as them again. */
  last: { chat: string | null; person: string } | undefined;

  constructor(
    private readonly adapter: ConsoleAdapter,
    private readonly linli: Linli,
    private readonly clock: VirtualClock | null,
    private readonly report: (line: string) => void,
  ) {}

  /** Run one parsed line; false when it was an error (reported). */
  async run(line: ScriptLine): Promise<boolean> {
    switch (line.kind) {
      case "skip":
        return true;
      case "error":
        this.report(line.message);
        return false;
      case "post":
        this.last = { chat: line.chat, person: line.person };
        await this.adapter.post(line.chat, line.person, line.text);
        break;
      case "dm":
        this.last = { chat: null, person: line.person };
        await this.adapter.dm(line.person, line.text);
        break;
      case "admin":
        this.adapter.makeAdmin(line.chat, line.person);
        return true;
      case "join":
      case "leave":
        await this.adapter.members(line.chat, line.kind === "join" ? "members_joined" : "members_left", line.people);
        break;
      case "redeliver":
        if (!(await this.adapter.redeliver())) this.report("!redeliver: no message to deliver again yet");
        break;
      case "time":
      case "advance": {
        if (!this.clock) {
          this.report(`!${line.kind} works only in script mode (npm start -- --script FILE), where the clock is virtual`);
          return false;
        }
        const target = line.kind === "time" ? line.at : new Date(this.clock.now().getTime() + line.ms);
        await this.advanceTo(target);
        return true;
      }
    }
    await this.linli.dispatcher.drain();
    return true;
  }

  /** Move the virtual clock to `target`, stopping at each job's due time on the way to run it. */
  async advanceTo(target: Date): Promise<void> {
    const clock = this.clock!;
    if (target <= clock.now()) clock.set(target);
    for (;;) {
      const next = await this.linli.scheduler.nextDueAt();
      if (!next || next > target) break;
      if (next > clock.now()) clock.set(next);
      await this.linli.tick();
    }
    clock.set(target);
    await this.linli.tick();
    await this.linli.db.use((prisma) => saveVirtualNow(prisma, target));
  }

  /** Run a whole script; returns the number of lines in error. A leading !time applies before any job runs. */
  async runScript(lines: string[]): Promise<number> {
    let errors = 0;
    for (const [index, text] of lines.entries()) {
      const parsed = parseScriptLine(text);
      if (parsed.kind === "error") {
        this.report(`line ${index + 1}: ${parsed.message}`);
        errors += 1;
        continue;
      }
      try {
        if (!(await this.run(parsed))) errors += 1;
      } catch (error) {
        this.report(`line ${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
        errors += 1;
      }
    }
    await this.linli.dispatcher.drain();
    return errors;
  }
}

/** The time a script starts at: its leading !time line (before any other message or directive), if it has one. */
export function leadingTime(lines: string[]): Date | undefined {
  for (const text of lines) {
    const parsed = parseScriptLine(text);
    if (parsed.kind === "skip") continue;
    return parsed.kind === "time" ? parsed.at : undefined;
  }
  return undefined;
}
