/**
 * The organiser marks who came: `/签到 12 张阿姨 王师傅` or `/attended 12 @Ann @Bob` (`all` for everyone confirmed).
 * For a volunteer duty each attendee gets the event's hours as a pending time-bank credit.
 */
import type { TimeBankRepos } from "./repos.ts";
import type { CommandIntent } from "../../parse/intent.ts";
import type { Handler } from "../../app/shared/context.ts";
import { reply } from "../../app/shared/context.ts";
import { eventTexts } from "../events/texts.ts";
import { requestTexts } from "../requests/texts.ts";
import { mayManage, namedEvent } from "../events/index.ts";
import { t } from "../../app/shared/texts.ts";
import { askLeadersAll } from "./settle-credit.ts";

/** `/attended 12 names…`. */
export const recordAttendance: Handler<CommandIntent, TimeBankRepos> = async (context, repos) => {
  const texts = eventTexts(context.lang);
  const event = await namedEvent(context, repos);
  if (!event) return;
  if (!(await mayManage(context, repos, event))) return reply(context, repos, t(context.lang).needAdmin);
  if (event.state === "cancelled" || context.now < event.startsAt) return reply(context, repos, texts.notStarted(event.title));
  const words = context.intent.args.replace(/^\s*#?\d+/u, "").split(/[\s,，、]+/u).map((word) => word.replace(/^@/u, "")).filter(Boolean);
  const signUps = (await repos.events.signUps(event.id)).filter((one) => one.state === "confirmed");
  const everyone = words.length === 1 && /^(?:all|全部|都到了|全到)$/iu.test(words[0]!);
  if (words.length === 0) return reply(context, repos, texts.attendanceHowTo);
  const mentioned = new Set(context.message.mentions.map((mention) => mention.displayName));
  const came = everyone ? signUps : signUps.filter((one) => words.includes(one.displayName) || mentioned.has(one.displayName));
  const unknown = everyone ? [] : words.filter((word) => !came.some((one) => one.displayName === word));
  const credits: number[] = [];
  for (const one of came) {
    await repos.events.setAttended(event.id, one.personId, true);
    if (event.kind === "duty" && event.creditMinutes > 0) {
      const created = await repos.credits.create({
        helperId: one.personId,
        beneficiaryId: null,
        minutes: event.creditMinutes,
        category: "A",
        source: "event",
        sourceId: event.id,
        description: event.title,
        startedById: context.person.id,
        chatId: context.chat.kind === "group" ? context.chat.id : null,
      });
      if (created) credits.push(created.id);
    }
  }
  // A duty is done for the community: the leaders confirm its credits for the fund, in one message.
  if (credits.length) await askLeadersAll(repos, credits, { chat: context.chat, chatId: context.chat.id }, event.title);
  await repos.audit.append({ communityId: event.communityId, actorId: context.person.id, action: "event.attendance", subjectType: "Event", subjectId: event.id, detail: { people: came.map((one) => one.personId) } });
  const credited = event.kind === "duty" && event.creditMinutes > 0 ? requestTexts(context.lang).hours(event.creditMinutes) : null;
  const lines = [...(came.length ? [texts.attended(event.title, came.map((one) => one.displayName), credited)] : []), ...(unknown.length ? [texts.unknownNames(unknown)] : [])];
  await reply(context, repos, lines.join("\n"));
};
