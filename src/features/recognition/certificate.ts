/**
 * `/证书` (`/certificate`): a PNG certificate card sent privately — the community's name, the person's name, their
 * confirmed hours, a thank-you and today's date, in their language. The handler only writes the SVG into the outbox
 * message; the dispatcher draws it to PNG when it sends (never inside this transaction), or says the fallback (no
 * font on this server) instead. `/荣誉 公开|不公开` (`/honours public|private`): whether milestones reach the groups.
 */
import type { CommandIntent } from "../../parse/intent.ts";
import type { Handler } from "../../app/shared/context.ts";
import type { RecognitionRepos } from "./repos.ts";
import { answerPrivately, reply, replyPrivately } from "../../app/shared/context.ts";
import { t } from "../../app/shared/texts.ts";
import { localDate } from "../../kernel/zoned-time.ts";
import { certificateSvg } from "./domain/certificate.ts";
import { hoursOf } from "./domain/stars.ts";
import { recognitionTexts } from "./texts.ts";

/** `/证书`. */
export const certificateCommand: Handler<CommandIntent, RecognitionRepos> = async (context, repos) => {
  // Their own language (a private chat's, or what they set), not the group's.
  const lang = context.chat.kind === "private" ? context.lang : (context.person.lang ?? context.lang);
  const texts = recognitionTexts(lang);
  const minutes = await repos.honours.confirmedMinutes(context.person.id);
  if (minutes === 0) return answerPrivately(context, repos, recognitionTexts(context.lang).noHoursYet);
  const community = (await repos.communities.list()).find((one) => one.id === context.person.communityId);
  const svg = certificateSvg({
    community: community?.name ?? "",
    name: context.person.displayName,
    hours: hoursOf(minutes),
    date: localDate(context.now, await repos.people.timeZoneOf(context.person.communityId)),
    lang,
  });
  const message = { text: texts.certificateText(hoursOf(minutes)), picture: { name: "certificate.png", svg, fallback: texts.certificateUnavailable } };
  if (context.chat.kind === "private") return reply(context, repos, message);
  await replyPrivately({ ...context, lang }, repos, message);
  await reply(context, repos, t(context.lang).sentPrivately);
};

const PUBLIC = /^(?:公开|开|开启|public|on|yes)$/iu;
const PRIVATE = /^(?:不公开|关|关闭|私下|private|off|no)$/iu;

/** `/荣誉`, `/荣誉 公开`, `/荣誉 不公开`. */
export const honoursCommand: Handler<CommandIntent, RecognitionRepos> = async (context, repos) => {
  const texts = recognitionTexts(context.lang);
  const word = context.intent.args.trim();
  if (!word) {
    const honour = await repos.honours.get(context.person.id);
    return answerPrivately(context, repos, texts.honoursStatus(honour.public, hoursOf(await repos.honours.confirmedMinutes(context.person.id))));
  }
  if (!PUBLIC.test(word) && !PRIVATE.test(word)) return answerPrivately(context, repos, texts.honoursUsage);
  const open = PUBLIC.test(word);
  await repos.honours.setPublic(context.person.id, open);
  await answerPrivately(context, repos, open ? texts.honoursPublic : texts.honoursPrivate);
};
