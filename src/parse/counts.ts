/**
 * How many people a sign-up counts, in residents' words: +2, 报名 2人, 两个人, 一家三口, 我和老伴, 带孩子,
 * me and my husband, bringing my wife, 2 people, two of us, party of 3.
 * Numbers in places and times (3栋502, 周六上午9点, 2小时) never count: every rule needs a word for people.
 */
import { chineseNumber } from "../kernel/place.ts";

const ZH = "(\\d{1,2}|[一二两俩兩三四五六七八九十]{1,3})";
const EN = "(\\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)";
const EN_N = "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)";
const EN_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** "2", "两", "俩", "十二", "two" as a number; undefined for anything else. */
function amount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/^\d+$/u.test(text)) return Number(text);
  return EN_WORDS[text.toLowerCase()] ?? chineseNumber(text.replace(/[俩兩]/gu, "两"));
}

/** A sensible head count (1-50), or undefined. */
const people = (n: number | undefined): number | undefined => (n !== undefined && n >= 1 && n <= 50 ? n : undefined);

/** One way of stating a number of people outright; the first rule that matches wins. */
const EXPLICIT: { re: RegExp; count: (m: RegExpExecArray) => number | undefined }[] = [
  // +2, +1, 报名+1 (a sign-up line); not +86 phone prefixes, not 1+1
  { re: /(?<![0-9a-z+])\+\s?(\d{1,2})(?![\d.])(?!\s*\d)/u, count: (m) => amount(m[1]) },
  // 2大1小, 两大一小: adults and children
  { re: new RegExp(`${ZH}\\s*大\\s*${ZH}\\s*小(?![时時])`, "u"), count: (m) => (amount(m[1]) ?? 0) + (amount(m[2]) ?? 0) },
  // 一家三口, 全家四口, 三口人, 三口之家
  { re: new RegExp(`(?:一家|全家|我家|家里|家裡)\\s*${ZH}\\s*口|${ZH}\\s*口(?:人|之家)`, "u"), count: (m) => amount(m[1] ?? m[2]) },
  // 两口子, 老两口
  { re: /两口子|兩口子|老两口|老兩口/u, count: () => 2 },
  // 报名 2人, 2位, 两个人, 三名 (not 限20人, 还差3人, 第2位, 2位数, 20人以上)
  { re: new RegExp(`(?<![限满滿差剩缺招需第前约約超过過多最几幾每\\d一二两三四五六七八九十])${ZH}\\s*(?:个|個)?\\s*(?:人|位|名)(?!额|額|字|单|單|数|數|以上|以下|以内|左右|起|份|次|民|家|间|座|桌|气|氣)`, "u"),
    count: (m) => amount(m[1]) },
  // 我们俩, 夫妻俩, 咱仨
  { re: /(?:们|們|妻|子|女|娘|爷|爺|孙|孫|弟|妹|姐|兄|婆|公|伴|咱|我)(俩|倆|仨)/u, count: (m) => (m[1] === "仨" ? 3 : 2) },
  // 我们两个, 算我一个, 算我们三个
  { re: new RegExp(`(?:我们|咱们|我們|咱們|算我们?|算我們|算上我)\\s*${ZH}\\s*(?:个|個)(?!月|小时|小時|星期|礼拜|禮拜|钟|鐘)`, "u"),
    count: (m) => amount(m[1]) },
  // English: party of 3, table for 4, we're 3, the two of us, both of us
  { re: new RegExp(`\\b(?:party|group|table|family)\\s+(?:of|for)\\s+${EN_N}\\b`, "u"), count: (m) => amount(m[1]) },
  { re: new RegExp(`\\bwe(?:'re|\\s+are|'ll\\s+be|\\s+will\\s+be)\\s+${EN_N}\\b(?!\\s*(?:min|hour|pm|am|o'clock))`, "u"), count: (m) => amount(m[1]) },
  { re: new RegExp(`\\b${EN_N}\\s+of\\s+us\\b`, "u"), count: (m) => amount(m[1]) },
  { re: /\bboth\s+of\s+(?:us|them)\b/u, count: () => 2 },
  // me + hubby, me & the wife
  { re: /\bme\s*(?:\+|&)\s*(?:the\s+|my\s+)?(?:hubby|wifey|missus|husband|wife|partner|son|daughter|kid|mum|mom|dad|friend|sister|brother)\b/u, count: () => 2 },
  { re: /\b(?:just|only)\s+(?:me|myself)\b/u, count: () => 1 },
];

/** English head counts that add up: 2 adults and 2 kids, 3 people. */
const EN_HEADS = new RegExp(`\\b${EN}\\s+(people|persons|ppl|pax|adults?|guests?|seniors?|kids?|children|child)\\b`, "gu");

const ZH_KIN = "老伴|老公|老婆|爱人|愛人|媳妇|媳婦|妻子|丈夫|先生|太太|孩子|小孩|儿子|兒子|女儿|女兒|孙子|孫子|孙女|孫女|外孙女?|宝宝|寶寶|娃|妈妈|媽媽|爸爸|妈|媽|爸|父亲|母亲|朋友|同事|邻居|鄰居|闺蜜|姐姐|妹妹|哥哥|弟弟|爷爷|爺爺|奶奶|姥姥|姥爷|外婆|外公|父母|爸妈|爸媽";
/** 我和老伴, 我跟我妈、孩子: the sender plus each companion named (父母/爸妈 are two). */
const ZH_WITH = new RegExp(`我(?:和|跟|与|與|同|带着?|帶著?)((?:\\s*(?:我的?|我家)?(?:${ZH_KIN})\\s*[、,，和跟及与與]?)+)`, "u");
const ZH_KIN_ONE = new RegExp(`(?:${ZH_KIN})`, "gu");
/** 带孩子, 带俩孩子, 带上老伴: the sender plus those brought along. */
const ZH_BRING = new RegExp(`(?:带|帶)(?:着|著|上)?\\s*(?:我(?:的|家)?)?\\s*(?:${ZH}\\s*(?:个|個)?\\s*)?(孩子|小孩|娃|宝宝|寶寶|儿子|兒子|女儿|女兒|孙子|孫子|孙女|孫女|老伴|老太太|老头子|老头|老公|老婆|爱人|愛人|家属|家屬|朋友|父母|爸妈|爸媽)`, "u");

const EN_KIN_ONE = "hubby|wifey|missus|husband|wife|partner|spouse|son|daughter|kid|child|baby|mom|mum|mother|dad|father|friend|neighbou?r|sister|brother|grandma|grandpa|grandmother|grandfather|grandson|granddaughter|boyfriend|girlfriend|roommate|fiancee?";
const EN_KIN_MANY = "parents|kids|children|sons|daughters|friends|grandkids|grandchildren|twins";
/** me and my wife, my husband and I, bringing my wife, with my 2 kids, plus a friend */
const EN_WITH = /\b(?:me\s+and|and\s+(?:i|me)\b|bringing|with|plus|along\s+with|&)|\bme\s*\+/u;
const EN_KIN = new RegExp(`\\b(?:(?:my|our)\\s+(?:${EN}\\s+)?|${EN}\\s+)(?:(${EN_KIN_ONE})|(${EN_KIN_MANY}))\\b`, "gu");

/** Cheap pre-check: something a head count needs (a plus sign, a people word, a companion word). */
const ANY = /[+人位名口俩倆仨个個带帶和跟与與同大]|\b(?:people|persons|ppl|pax|adults?|guests?|kids?|child|children|of\s+us|party|table|family|we|me|my|just|only|with|bringing|plus)\b|&/u;

/**
 * How many people a sign-up message counts, or undefined when nothing says a number.
 * Order: an explicit count (+2, 2人, 一家三口, two of us) wins over companions (我和老伴 → 2, bringing my wife → 2).
 * "算我一个" and "+1" return 1; "count me in" returns undefined (no number said).
 */
export function findCount(text: string): number | undefined {
  const lower = text.replace(/[A-Z]+/gu, (s) => s.toLowerCase()); // English patterns then need no slow `iu` flag
  if (!ANY.test(lower)) return undefined;
  for (const rule of EXPLICIT) {
    const m = rule.re.exec(lower);
    if (m) {
      const n = people(rule.count(m));
      if (n !== undefined) return n;
    }
  }
  return people(englishHeads(lower) ?? chineseCompanions(lower) ?? englishCompanions(lower));
}

/** (On lower-cased text.) "2 adults and 2 kids" → 4, "3 people" → 3; kids alone are brought by the sender: "bringing 2 kids" → 3. */
function englishHeads(text: string): number | undefined {
  let total = 0;
  let grownUps = false;
  for (const m of text.matchAll(EN_HEADS)) {
    total += amount(m[1]) ?? 0;
    if (!/^(?:kids?|child|children)$/u.test(m[2]!)) grownUps = true;
  }
  if (total === 0) return undefined;
  return grownUps ? total : total + 1;
}

function chineseCompanions(text: string): number | undefined {
  const withWho = ZH_WITH.exec(text);
  if (withWho) {
    let n = 1;
    for (const kin of withWho[1]!.matchAll(ZH_KIN_ONE)) n += /^(?:父母|爸妈|爸媽)$/u.test(kin[0]) ? 2 : 1;
    return n;
  }
  const bring = ZH_BRING.exec(text);
  if (bring) return 1 + (amount(bring[1]) ?? (/^(?:父母|爸妈|爸媽)$/u.test(bring[2]!) ? 2 : 1));
  return undefined;
}

function englishCompanions(text: string): number | undefined {
  if (!EN_WITH.test(text)) return undefined;
  let n = 1;
  for (const m of text.matchAll(EN_KIN)) {
    const said = amount(m[1] ?? m[2]);
    if (m[3]) n += said ?? 1;
    else if (said !== undefined) n += said;
    else if (/^(?:parents|twins)$/u.test(m[4]!)) n += 2;
    else return undefined; // "my kids": how many is not said
  }
  return n > 1 ? n : undefined;
}
