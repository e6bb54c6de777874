/**
 * Who is thanked in a thanks message: a mention ("@王师傅", "@Priya"), a name after the thanks ("谢谢5栋的小陈…",
 * "thanks to Mr. Zhou"), a name before it ("赵大姐 拿到了 太谢谢您了", "Dear Grace, thank you"), praise ("给4栋老李点个
 * 赞"), or else the first name-like words near a thanks word ("多亏11栋的吴医生…", "a big thank you to Maria on the
 * third floor"). Nobody when it is everyone ("谢谢大家", "thanks all").
 */
import { THANKS_OPENER, lowerAscii } from "./rules.ts";

/** The helper's name as written, and what for when the message says. */
export interface Thanked {
  helper: string;
  for?: string;
}

/** "3栋的小陈" → "小陈": the building is not part of the name. */
export function stripBuilding(name: string): string {
  return name.replace(/^.*?[\d一二三四五六七八九十]+\s*(?:栋|号楼|楼|座|樓|棟)(?:的|嘅)?/u, "").replace(/^(?:楼下|楼上|对门|隔壁|住喺|住在)(?:的|嘅)?/u, "").trim();
}

/** Words after "谢谢"/"thanks" that are no helper's name ("谢谢提醒", "thanks for the info"). */
const NOT_A_NAME =
  /^(?:大家|各位|所有人|你|您|你们|您们|提醒|分享|关心|支持|帮助|帮忙|配合|理解|通知|信息|关注|啦|了|哈|呀|啊|all|everyone|everybody|guys|you|u|ya|for|so|a|the|again|very|much|lot|in advance|i|we|my|our|linli|mate)$/iu;
const CUE = /帮|昨天|今天|前天|刚才|上次|这(?:一个|个)?(?:月|周|星期)|跑了|送|给|陪|替|的帮助|对|\bfor\b|\bin\b/iu;
const HONORIFIC = /^((?:Mr|Mrs|Ms|Miss|Dr|Auntie|Aunty|Uncle|Madam)\.?\s+[A-Z][\w'-]*)/u;

/** The hundred or so most common surnames: "小陈", "吴医生", "周叔" are names; "小区", "老人" are not. */
const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
const TITLES = "师傅|阿姨|叔叔|叔|大姐|大哥|姐姐|哥哥|姐|哥|老师|医生|护士|奶奶|爷爷|大爷|大妈|主任|书记|太太|太|生|姑娘|伯伯|伯|婆婆|先生|女士|小姐|大叔|大婶";
/** A Chinese name: 小陈, 老李, 阿明, 吴医生, 周叔, 王大哥. */
const ZH_NAME = new RegExp(`[小老][${SURNAMES}]|阿(?!姨|婆|公|爸|妈|嫲|爷|伯|叔|哥|姐)[\\u4e00-\\u9fff]|[${SURNAMES}][\\u4e00-\\u9fff]?(?:${TITLES})`, "u");
/** An English name after a thanks word: "thank you to Maria", "cheers Pete", "shoutout 2 @Dave". */
const EN_AFTER =
  /(?:thanks?|thank you|thx|cheers|shout-?out|kudos|grateful|props|big ups)(?: so much| a million| a lot| heaps| again| mate| loads)?[^.!?\n]{0,24}?\b(?:to |2 |@)?((?:Mr|Mrs|Ms|Miss|Dr|Auntie|Aunty|Uncle|Madam)\.?\s+[A-Z][\w'-]+|(?!I\b|You\b|The\b|So\b|All\b|Everyone\b|Again\b)[A-Z][a-z][\w'-]*)/u;
const EN_BEFORE = /^(?:dear|hi|hey)\s+([A-Z][\w'-]+)[,!\s]/iu;
/** "给4栋老李点个赞": praise naming the helper first. */
const PRAISE = /^给(.{1,10}?)点(?:个|一个)?(?:大大的|大)?赞/u;
/** "赵大姐 拿到了 太谢谢您了": a name, then thanks to "you". */
const NAME_THEN_THANKS = /^@?([\u4e00-\u9fff]{2,4}|[A-Za-z][\w-]{1,20})[\s，,].{0,20}?(?:谢谢|感谢|多亏|感激)(?:您|你|了|不尽)?/u;
const MENTION = /@([^\s@，,:：。!！?？\u2005]+)(?:\s+([A-Z][\w'-]+))?/u;

/** Who is thanked, or undefined when no one in particular is. */
export function thankedHelper(text: string): Thanked | undefined {
  const praised = PRAISE.exec(text) ?? NAME_THEN_THANKS.exec(text);
  if (praised && !NOT_A_NAME.test(praised[1]!)) return { helper: stripBuilding(praised[1]!) };
  return afterOpener(text) ?? anywhere(text);
}

/**
 * "谢谢王师傅帮我修好了水管", "Thanks Emma for the seedlings": a message that opens by thanking a person by name (a
 * Chinese name with a title or surname, or a capitalised English name), so the rule is precise; "谢谢大家" and
 * "thanks for the info" name nobody.
 */
export function openingThanks(text: string): Thanked | undefined {
  const thanked = afterOpener(text);
  if (!thanked) return undefined;
  const named = ZH_NAME.test(thanked.helper) || /^@|^(?:Mr|Mrs|Ms|Miss|Dr|Auntie|Aunty|Uncle|Madam)\.?\s|^[A-Z][a-z]+$/u.test(thanked.helper);
  return named && !/^(?:God|Heaven|Goodness|Lord)$/u.test(thanked.helper) ? thanked : undefined;
}

/** "谢谢王师傅帮我修好了水管": the name right after a thanks that opens the message. */
function afterOpener(text: string): Thanked | undefined {
  const opener = THANKS_OPENER.exec(lowerAscii(text));
  if (!opener) return undefined;
  const rest = text
    .slice(opener.index + opener[0].length)
    .replace(/^(?:\s*(?:to|一下|so much|very much|a lot|a ton|a bunch|heaps|loads)\s*|\s*@\s*|[\s，,]+)+/iu, "");
  const honorific = HONORIFIC.exec(rest);
  let helper = honorific ? honorific[1]! : (rest.split(/[\s，,。.!！?？、~～]/u)[0] ?? "");
  const cue = CUE.exec(helper);
  if (!honorific && cue && cue.index > 0) helper = helper.slice(0, cue.index);
  helper = stripBuilding(helper).split(/和|及|与/u)[0]!.trim();
  if ([...helper].length > 4 && /[\u4e00-\u9fff]/u.test(helper)) helper = ZH_NAME.exec(helper)?.[0] ?? helper;
  if (!helper || NOT_A_NAME.test(helper)) return undefined;
  const reason = rest.slice(rest.indexOf(helper) + helper.length).replace(/^[\s，,]+/u, "").trim();
  return reason ? { helper, for: reason } : { helper };
}

/** A mention, else a Chinese name, else an English name near a thanks word, else "Dear X,". */
function anywhere(text: string): Thanked | undefined {
  const mention = MENTION.exec(text);
  if (mention) {
    const name = /^(?:Dr|Mr|Mrs|Ms|Miss|Auntie|Aunty|Uncle|Madam)\.?$/u.test(mention[1]!) && mention[2] ? `${mention[1]} ${mention[2]}` : mention[1]!;
    const helper = stripBuilding(name);
    if (helper && !NOT_A_NAME.test(helper)) return { helper };
  }
  const zh = ZH_NAME.exec(text);
  if (zh) return { helper: zh[0] };
  const en = EN_AFTER.exec(text) ?? EN_BEFORE.exec(text);
  if (en && !NOT_A_NAME.test(en[1]!)) return { helper: en[1]! };
  return undefined;
}
