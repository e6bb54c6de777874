/**
 * Milestones: when a credit is confirmed and the helper's confirmed hours cross 10, 50 or 100, they are told privately,
 * once per milestone (the highest told is kept); if they chose `/荣誉 公开`, their groups hear it too (default: not).
 */
import type { RecognitionRepos } from "./repos.ts";
import type { ChatOfOrigin } from "../../app/shared/tell.ts";
import { tell } from "../../app/shared/tell.ts";
import { milestoneReached } from "./domain/stars.ts";
import { recognitionTexts } from "./texts.ts";

/** After a confirmed credit: tell the helper of a milestone newly reached (and their groups, if they allow it). */
export async function noteMilestone(repos: Pick<RecognitionRepos, "honours" | "outboxes" | "people">, helper: { personId: number; name: string }, where: ChatOfOrigin): Promise<void> {
  const honour = await repos.honours.get(helper.personId);
  const hours = milestoneReached(await repos.honours.confirmedMinutes(helper.personId), honour.milestoneHours);
  if (hours === null || !(await repos.honours.markMilestone(helper.personId, hours))) return;
  await tell(repos, helper.personId, where, (lang) => {
    const texts = recognitionTexts(lang);
    return honour.public ? texts.milestone(hours) : `${texts.milestone(hours)}\n${texts.milestoneAsk}`;
  });
  if (!honour.public) return;
  for (const chat of await repos.honours.groupsOf(helper.personId)) {
    await repos.outboxes.enqueue({ kind: "chat", platform: chat.platform, chatId: chat.externalId }, { text: recognitionTexts(chat.lang).milestoneGroup(helper.name, hours) }, { lang: chat.lang, priority: 0 });
  }
}
