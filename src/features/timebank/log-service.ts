/**
 * "今天帮李奶奶读报2小时": help already given becomes a pending time-bank credit, and the other side is asked to
 * confirm it privately. The helper may record it, or the beneficiary ("张阿姨帮我读报2小时"). Without a named
 * beneficiary the help was for the community (a canteen shift): a coordinator confirms. A named elder the bot cannot
 * reach (someone in no chat) is confirmed by a coordinator too.
 */
import type { TimeBankRepos } from "./repos.ts";
import type { ServiceLogIntent } from "../../parse/intent.ts";
import type { Handler } from "../../app/shared/context.ts";
import { reply } from "../../app/shared/context.ts";
import { resolvePerson } from "../../app/shared/resolve-person.ts";
import { askToConfirm } from "./settle-credit.ts";
import { timeBankTexts } from "./texts.ts";
import { policyOf } from "./domain/policy.ts";

/** Whether `text` has `word`: as a whole word for Latin letters ("art" is not in "start"), anywhere for Chinese. */
function mentions(text: string, word: string): boolean {
  if (!/^[a-z0-9 ]+$/u.test(word)) return text.includes(word);
  return new RegExp(`\\b${word}\\b`, "u").test(text);
}

/** The words that name a configured category: itself, and its other-language name for the two usual ones. */
function categoryWords(category: string): string[] {
  const twins: Record<string, string> = { culture: "文化", training: "培训", 文化: "culture", 培训: "training" };
  return [category.toLowerCase(), ...(twins[category.toLowerCase()] ? [twins[category.toLowerCase()]!] : [])];
}

const MAX_MINUTES = 12 * 60;

/** A `service_log` intent. */
export const logService: Handler<ServiceLogIntent, TimeBankRepos> = async (context, repos) => {
  const texts = timeBankTexts(context.lang);
  const { intent, person } = context;
  if (intent.hours === undefined) return;
  // Whole quarter hours, at least one, at most a long day.
  const minutes = Math.min(Math.max(Math.round((intent.hours * 60) / 15) * 15, 15), MAX_MINUTES);
  const named = intent.helper ?? intent.beneficiary;
  const other = named ? await resolvePerson(context, repos, named) : { kind: "none" as const };
  if (other.kind === "many") return reply(context, repos, texts.whichPerson(named!));
  if (intent.helper && other.kind !== "one") return reply(context, repos, texts.unknownPerson(intent.helper));
  const otherId = other.kind === "one" ? other.personId : null;
  if (otherId === person.id) return;
  const helperId = intent.helper ? otherId! : person.id;
  const beneficiaryId = intent.helper ? person.id : otherId;
  const description = context.message.text.trim().slice(0, 120);
  // A category of the community's own (培训, culture …) when the words name one; else A, B or C as understood.
  const policy = policyOf(await repos.communities.settings(person.communityId));
  const said = description.toLowerCase();
  const category = policy.categories.find((one) => categoryWords(one).some((word) => mentions(said, word))) ?? intent.category;
  const created = await repos.credits.create({
    helperId,
    beneficiaryId,
    minutes,
    category,
    source: "service_log",
    sourceId: null,
    description: beneficiaryId === null && named ? `${named}: ${description}` : description,
    startedById: person.id,
    chatId: context.chat.kind === "group" ? context.chat.id : null,
  });
  const id = created!.id;
  const confirmer = await askToConfirm(repos, id, { chat: context.chat, chatId: context.chat.id }, context.lang);
  const helperName = intent.helper && other.kind === "one" ? other.name : person.displayName;
  const beneficiaryName = intent.helper ? person.displayName : other.kind === "one" ? other.name : (named ?? null);
  await repos.audit.append({ communityId: person.communityId, actorId: person.id, action: "credit.logged", subjectType: "PendingCredit", subjectId: id, detail: { helperId, beneficiaryId, minutes } });
  await reply(context, repos, texts.logged(id, helperName, beneficiaryName, minutes, confirmer ?? texts.communityStaff));
};
