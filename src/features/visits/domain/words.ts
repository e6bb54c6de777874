/**
 * What a volunteer says about a visit, read with general patterns: that they cannot go this week ("这周三去不了",
 * "这周去不了", "I can't make it this week"), and whether a note about the elder worries ("她说头晕好几天了", "摔了一跤",
 * "she fell"), so her grid captain follows up.
 */

const CANT_GO_ZH = /(?:去不了|去不成|来不了|来不了了|没法去|没办法去|不能去|去不了了|抽不出空|没空去|有事去不了|请假)/u;
const CANT_GO_EN = /\b(?:can(?:no|')t|cannot|won't be able to|unable to)\s+(?:go|make it|come|visit|do it)\b/iu;
const NEGATED = /(?:不是|并非|没说)(?:去不了|不能去)/u;

/** Whether the text says the volunteer cannot go (this week). */
export function saysCannotGo(text: string): boolean {
  if (NEGATED.test(text)) return false;
  return CANT_GO_ZH.test(text) || CANT_GO_EN.test(text);
}

/** Words about an elder that call for a follow-up: illness, a fall, not eating, low mood, something broken at home. */
const WORRY_ZH = [
  "头晕", "头疼", "头痛", "摔", "跌倒", "跌了", "不舒服", "没吃饭", "不吃饭", "吃不下", "发烧", "发热", "咳嗽", "胸闷", "胸口疼",
  "喘不上气", "呼吸困难", "住院", "生病", "病了", "糊涂", "认不出", "走不动", "起不来", "疼得", "哭", "情绪不好", "不想活",
  "血压高", "血糖", "没药", "药吃完", "停水", "停电", "漏水", "煤气", "受伤", "出血", "呕吐", "拉肚子", "失眠",
];
const WORRY_EN = /\b(?:dizz(?:y|iness)|fell|fall(?:en)?|unwell|sick|ill|fever|pain|hurt|injur(?:ed|y)|bleeding|vomit(?:ing|ed)?|confused|not eating|hasn't eaten|didn't eat|short of breath|chest pain|hospital|crying|depressed|lonely|no medicine|out of (?:medicine|pills))\b/iu;
const HEALTHY_NEGATION = /(?:不|没有?)(?:头晕|发烧|不舒服)/gu;

/** The worrying words a note holds (empty when it does not worry). */
export function worries(note: string): string[] {
  const cleaned = note.replace(HEALTHY_NEGATION, "");
  const found = WORRY_ZH.filter((word) => cleaned.includes(word));
  const en = WORRY_EN.exec(cleaned);
  return en ? [...found, en[0].toLowerCase()] : found;
}

/** The note of a visit log: the text without the "went for an hour" part and its punctuation ("精神不错"). */
export function noteOf(text: string): string | null {
  const note = text
    .replace(
      /^(?:我|i)?\s*(?:今天|刚才|刚|just)?\s*(?:去了|去过了|去过|看过了|看了|陪了|visited|went|been|stayed|spent|was\s+there)[^，,。.;；]*?(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半]+|an?|one|two|three|four|half\s+an?)\s*(?:个)?(?:小时|钟头|分钟|hours?|hrs?|minutes?|mins?)(?:\s+(?:with|there|at\s+hers?|at\s+his)(?:\s+(?:her|him|them))?)?[，,。.;；\s]*/iu,
      "",
    )
    .trim();
  return note ? note.slice(0, 300) : null;
}
