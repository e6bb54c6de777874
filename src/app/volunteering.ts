/**
 * Residents opt in as volunteers by command (`/volunteer 修水管 梯子`) or by offering help in their own words
 * ("本人会修电脑，邻居有需要可以找我"), and set quiet hours (`/quiet 22:00-07:00`). The reply thanks them in the
 * chat without repeating anything private.
 */
import type { CommandIntent, OfferIntent } from "../parse/intent.ts";
import type { Handler, MessageContext } from "./message-context.ts";
import type { Repositories } from "../domain/ports.ts";
import { reply } from "./message-context.ts";
import { t } from "../i18n/index.ts";

async function volunteer(context: MessageContext, repos: Repositories, skills: string[], items: string[]): Promise<void> {
  await repos.volunteers.enroll(context.person.id, skills, items);
  await repos.audit.append({ communityId: context.person.communityId, actorId: context.person.id, action: "volunteer.enrolled", detail: { skills, items } });
  await reply(context, repos, t(context.lang).volunteered([...skills, ...items].join(context.lang === "en" ? ", " : "、")));
}

/** `/volunteer 修水管 电工 梯子`: every word is something they can do or lend (recorded as skills). */
export const volunteerCommand: Handler<CommandIntent> = (context, repos) =>
  volunteer(context, repos, context.intent.args.split(/[\s,，、;；]+/u).filter(Boolean), []);

/** An `offer` message: its skills and items. */
export const volunteerFromOffer: Handler<OfferIntent> = (context, repos) =>
  volunteer(context, repos, context.intent.skills ?? [], context.intent.items ?? []);

function minutes(text: string): number | undefined {
  const match = /^(\d{1,2})(?:[:：点](\d{2})?)?$/u.exec(text);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  return hour < 24 && minute < 60 ? hour * 60 + minute : undefined;
}

const hhmm = (total: number) => `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;

/** `/quiet 22:00-07:00` or `/quiet off` (`/免打扰 关`). */
export const setQuietHours: Handler<CommandIntent> = async (context, repos) => {
  const texts = t(context.lang);
  const args = context.intent.args.trim();
  if (/^(?:off|关|关闭|取消|none)$/iu.test(args)) {
    await repos.volunteers.setQuietHours(context.person.id, null);
    return reply(context, repos, texts.quietOff);
  }
  const [from, to] = args.split(/\s*(?:-|~|～|到|至|—)\s*/u).map(minutes);
  if (from === undefined || to === undefined || from === to) return reply(context, repos, texts.quietHowTo);
  await repos.volunteers.setQuietHours(context.person.id, { from, to });
  await reply(context, repos, texts.quietSet(hhmm(from), hhmm(to)));
};
