/**
 * What an offer gives: items to lend ("家里有梯子", "got a spare drill") and skills ("会修电脑", "I can tutor maths").
 * The abilities an emergency needs are named the same way whatever the wording: first aid ("懂急救", "有急救证",
 * "first-aid trained", "CPR certified"), a car ("我有车", "can drive"), medical training ("退休护士", "I'm a nurse"),
 * so an offer that mentions them registers them and the next real emergency reaches that volunteer.
 */
import { SKILL } from "./sos.ts";

/** Canonical skill and item names the matching code recognises (domain/requests: `abilitiesOf`). */
export const FIRST_AID = "急救";
export const CAR = "车";
export const MEDICAL = "医护";

const FIRST_AID_WORDS = new RegExp(`${SKILL.source}|急救|first[- ]?aid|\\bcpr\\b|心肺复苏`, "u");
const CAR_WORDS = /(?:我|家里|我家)(?:有|有辆|有一辆)(?:私家)?车|有车|开车|车接|接送|\b(?:have|'ve got|got|own) a car\b|\bmy car\b|can drive|happy to drive|give (?:a )?lifts?|driving/u;
const MEDICAL_WORDS = /护士|医生|大夫|药剂师|护理员|nurse|doctor|paramedic|pharmacist|\bgp\b/u;

const ITEMS = /(?:我家有|家里有|家中有|有多余的?|有闲置的?|闲置的?|多了(?:一|几)?[个箱台把件]?|(?:got|have) (?:a |an |some )?spare|spare)\s*([^，。,.!！?？]+)/u;
const SKILLS = /(?:本人会|我会|我懂|擅长|我能|可以(?:帮忙|帮|教|陪)|\bi can|happy to|and can|good at)\s*([^，。,.!！?？]+)/u;
const NOT_WHAT = /^(?:忙|帮忙|大家|的|人|help|you|anyone|out)$/u;

function list(match: RegExpExecArray | null): string[] {
  return (match?.[1] ?? "")
    .split(/和|、|及|以及|,|\band\b|\bor\b|或者/u)
    .map((part) => part.trim())
    .filter((part) => part && !NOT_WHAT.test(part) && [...part].length <= 24);
}

/** Items and skills of an offer (lower-cased text), with the emergency abilities under their canonical names. */
export function offered(text: string): { items: string[]; skills: string[] } {
  const items = list(ITEMS.exec(text));
  const skills = list(SKILLS.exec(text));
  if (FIRST_AID_WORDS.test(text) && !skills.includes(FIRST_AID)) skills.push(FIRST_AID);
  if (MEDICAL_WORDS.test(text) && !skills.includes(MEDICAL)) skills.push(MEDICAL);
  if (CAR_WORDS.test(text) && !items.includes(CAR)) items.push(CAR);
  return { items, skills };
}
