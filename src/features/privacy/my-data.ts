/**
 * `/我的数据` (`/mydata`): everything Linli holds about the sender, sent to them privately (from a group, the group only
 * hears "已私信发给您"). Long reports are split by the renderer.
 */
import type { PrivacyRepos } from "./repos.ts";
import type { CommandIntent } from "../../parse/intent.ts";
import type { Handler } from "../../app/shared/context.ts";
import { answerPrivately } from "../../app/shared/context.ts";
import { privacyTexts } from "./texts.ts";

/** How many ledger lines the report shows (the balance covers the rest; `/statement` shows them too). */
const LEDGER_LINES = 20;

/** `/mydata`. */
export const myDataCommand: Handler<CommandIntent, PrivacyRepos> = async (context, repos) => {
  const texts = privacyTexts(context.lang);
  const { id: personId, communityId } = context.person;
  const data = await repos.personalData.about(personId);
  if (!data) return answerPrivately(context, repos, texts.nothingHeld);
  const account = await repos.ledger.account(communityId, personId);
  const balanceMinutes = await repos.ledger.balance(account);
  const ledger = (await repos.ledger.statement(account, LEDGER_LINES)).map((line) => ({ at: line.at, minutes: line.minutes, kind: line.kind, counterparty: line.counterparty }));
  const timeZone = await repos.people.timeZoneOf(communityId);
  await repos.audit.append({ communityId, actorId: personId, action: "privacy.exported", subjectType: "Person", subjectId: personId });
  await answerPrivately(context, repos, texts.report(data, { balanceMinutes, ledger, timeZone }));
};
