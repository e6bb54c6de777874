/**
 * The emergency detector: is someone in danger NOW? Safe both ways: it must catch emergencies that never say 救命
 * (stroke signs, chest pain, waters broken, gas, smoke, someone trapped, unconscious, a lost elder) and must not raise
 * the alarm for skills ("懂急救"), past or reported events ("上周5栋着火了"), hazards that are not happening
 * ("万一着火就麻烦了"), figurative speech ("笑死我了救命", "this traffic is killing me") or questions about emergencies
 * ("急救电话是多少").
 *
 * It reads a message clause by clause: an emergency EVENT (or a CALL for help) counts unless that clause frames it as a
 * skill, a hypothesis, the past, hearsay, fiction or a question about emergencies; a whole message that says the
 * danger is over, or that it is joking, raises nothing. Every pattern here is a general one, with a positive and a
 * negative example in `test/unit/sos.test.ts`; the table of 150+ emergencies and 150+ hard non-emergencies in
 * `corpus/training/sos-table.jsonl` checks the whole (`test/unit/sos.test.ts`).
 */
import type { SosIntent } from "./intent.ts";

/** What kind of emergency, for the alert's wording and for whom to alert. */
export type Emergency = SosIntent["emergency"];

/** The detector's answer for one message. */
export interface SosReading {
  sos: boolean;
  emergency: Emergency;
  /** Why an emergency word did not count, for the parse CLI and tests. */
  vetoed?: "skill" | "hypothetical" | "past" | "reported" | "figurative" | "question" | "over" | "drill";
  /** An emergency word (or a call for help) was there, counted or vetoed. */
  alarm: boolean;
}

/** Who can be in danger, in Chinese (simplified, Cantonese) — a missing-person word needs one of them nearby. */
const PERSON = String.raw`(?:人|老人|老太太|老爷子|老头|老太|婆婆|阿婆|伯伯|阿伯|阿爷|阿嫲|嫲嫲|公公|爷爷|奶奶|外婆|外公|姥姥|姥爷|大爷|大妈|阿姨|叔叔|我妈|我爸|妈|爸|老豆|老母|家父|家母|父亲|母亲|老伴|老公|老婆|孩子|小孩|细路|儿子|女儿|仔|囡|宝宝|二宝|孙子|孙女|外孙|小朋友|小女孩|小男孩|男孩|女孩|女仔|男仔|老爷爷|老奶奶|老婆婆|弟弟|妹妹|邻居|他|她|佢)`;

/** The same in English (Singlish and Indian English kinship words too); "old" covers "old man", "old lady". */
const PERSON_EN = String.raw`\b(?:i|he|she|they|we|mum|mom|mummy|mother|dad|daddy|father|grandma|grandpa|granny|gran|grandad|grandmother|grandfather|nan|nana|ah ma|ah gong|ahma|popo|amah|pakcik|makcik|man|woman|lady|guy|bloke|neighbou?r|someone|somebody|uncle|auntie|aunty|husband|wife|son|daughter|kid|child|boy|girl|baby|toddler|teen|resident|elderly|old|mr|mrs|ms|friend|mate|person|people|father-in-law|mother-in-law|\d+ ?(?:yo|year old|yr old))\b`;

/** Dementia and confusion, which make an elder out of sight an emergency. */
const CONFUSED = String.raw`(?:老年痴呆|痴呆|失智|认知障碍|脑退化|糊涂|dementia|alzheimer|confused)`;
const GONE = String.raw`(?:没回|未归|不见|找不到|走丢|走失|行失|失联|出门|出去|离开|走了|left|not back|wander|walked|went (?:out|off)|isn'?t answering|not answering|missing)`;

/** One emergency kind's words: alternatives joined into one pattern. */
function words(...alternatives: string[]): RegExp {
  return new RegExp(alternatives.join("|"), "u");
}

/** Emergencies, by kind: things happening to a person or a place that need people now. Tried in this order. */
export const EVENTS: ReadonlyArray<readonly [Emergency, RegExp]> = [
  [
    "fire",
    words(
      String.raw`(?<!打不|点不|打|点)着火|起火|失火|火灾|火警|火烧|(?<!又|发|高)烧起来|(?:燃气灶|灶|锅)[^，。]{0,8}(?:一直)?烧着|火很大|火势|冒烟|浓烟|黑烟|好大烟|大烟|大火|火苗|火光`,
      String.raw`(?:煤气|燃气|瓦斯)(?=\s*[!！]*$|味|的味|漏|泄|中毒|很浓|好浓|好大)|一氧化碳`,
      String.raw`\bon fire\b|\bfire\b(?!\s*(?:lane|exit|escape|door|alarm|drill|extinguisher|hydrant|station|brigade|service|safety|hazard|risk|code|blanket|test|truck|engine|pit|wood|works|fighter|warden|marshal|evacuation|insurance|certificate|regulation)s?)|flames?\b|smoke\b(?! alarm| detector)|smoky|burning`,
      String.raw`smell(?:s|ing)? (?:of )?gas|gas (?:smell|leak)|smell gas|smells like gas|full of gas|gas (?:hose|pipe|cooker|cylinder)[^.!?]{0,15}(?:burst|leak)|carbon monoxide`,
    ),
  ],
  [
    "unconscious",
    words(
      String.raw`晕倒|晕过去|晕低|${PERSON}[^，。]{0,4}晕了|昏倒|昏迷|昏过去|不省人事|叫不醒|喊不醒|拍不醒|未醒|唔醒|(?:(?<!呼)叫|喊|拍|摇)[^，。]{0,6}(?:不应|唔应|不答应|没反应|冇反应|没有反应|没动静)|没意识|失去意识|意识不清|神志不清|迷迷糊糊|没呼吸|没有呼吸|冇呼吸|不喘气|瓞低咗|倒地|倒下|一头栽|栽倒|(?:就|突然|一下子)倒了|没动静|一动不动|(?<![搬拿走拧扛推拉抬])不动了|(?:趴|躺)(?:着|在)[^，。]{0,6}(?:不动|没动)|眼睛(?:也)?不睁`,
      String.raw`unconscious|unresponsive|not responding|not breathing|stopped breathing|isn'?t breathing|no pulse|won'?t wake|can'?t wake|(?:is ?n'?t|not) waking|passed out|faint(?:ed)?\b|collapsed?\b|blacked out|out cold|pengsan|not conscious|not moving|isn'?t moving|no response|going down`,
    ),
  ],
  [
    "fall",
    words(
      String.raw`摔倒|跌倒|滑倒|绊倒|撞倒|摔了|跌了|摔在|跌在|摔下|跌下|滚下|掉下|倒在地|倒在|起不来|爬不起来|站不起来|跌亲|仆亲|跌低|扑街`,
      String.raw`${PERSON_EN}[^.!?]{0,24}\b(?:fell|fallen|falls? down|fell down|(?:had|taken) a (?:bad )?fall|slipped)\b|(?:lying|collapsed|passed out) on the (?:floor|ground)|can'?t get up|can ?not get up|unable to get up|can'?t stand|cannot stand`,
    ),
  ],
  [
    "missing",
    words(
      String.raw`${PERSON}[^。.!！?？]{0,30}(?:走丢|走失|行失|不见了|唔见|丢了|找不到|找唔到|没回来|冇返|还没回|未归|联系不上|失联|打不通|失踪|迷路)|(?:一转眼|转眼)(?:就)?不见了`,
      String.raw`${CONFUSED}[^。.!！?？]{0,60}${GONE}|${GONE}[^。.!！?？]{0,60}${CONFUSED}`,
      String.raw`${PERSON_EN}[^.!?]{0,16}\b(?:missing|walked (?:off|out|away)|never came? back|is gone|she'?s gone|he'?s gone|(?:is ?n'?t|not|has ?n'?t) (?:back|come back|home))\b|missing since|wandered (?:off|away)|wandering (?:alone|on (?:his|her) own)`,
      String.raw`can'?t find (?:my|our|her|his|the) (?:\d+ ?(?:yo|year old)|mum|mom|mother|dad|father|son|daughter|child|kid|boy|girl|grand|husband|wife|elderly|toddler|baby|little)|lost my (?:\d+ ?(?:yo|year old)|son|daughter|kid|child|boy|girl|toddler|baby)|\blost (?:child|kid|boy|girl|elderly|old)`,
    ),
  ],
  [
    "medical",
    words(
      // stroke signs
      String.raw`嘴歪|口歪|口眼歪|歪嘴|歪咗|耷拉|口水(?:往外)?流|说不出话|讲不出话|讲唔到嘢|说话不清|话说不清|口齿不清|黐脷|(?:半边|一边|一侧)(?:身子?|脸|手|胳膊|腿|身体)?(?:动不了|发?麻|没知觉|不能动|没劲|没力气|抬不起来)|手(?:又|都)?(?:冇|没)(?:晒)?力|手脚(?:发麻|不能动|动不了)|看不清东西|中风(?!后|过|的|以后|之后)|脑梗|脑出血`,
      // heart, breathing, choking, seizures
      String.raw`胸口(?:好)?(?:痛|疼|闷)|捂着胸口|胸痛|心口(?:好)?(?:痛|疼)|心绞痛|心脏病(?:发|犯)|心梗|喘不(?:上|过)气|透不过气|透唔到气|唞唔到气|抖唔到气|呼吸困难|上不来气|嘴唇(?:发)?(?:紫|青)|噎住|哽亲|哽住|卡住(?:了)?喉咙|咳唔出|窒息|抽搐|(?<!腿|脚|小腿)抽筋|眼睛往上翻|翻白眼|癫痫|羊癫疯|口吐白沫|冒冷汗|低血糖`,
      // bleeding, burns, poisoning
      String.raw`大出血|血流不止|流血不止|血止不住|止不住(?:地)?流血|一直(?:在)?流血|流紧血|血流了一地|一大滩血|成身血|流(?:了)?(?:很多|好多)血|满(?:头|身|地)(?:是)?血|止不住血|烫(?:伤|了|到)|误吞|误食|吞了(?:一颗|一个|个)?(?:纽扣)?(?:电池|硬币|磁铁)|吃错(?:了)?药|整瓶(?:的)?药|一大把[^，。]{0,4}药|药吃(?:多|错)了|吞(?:了)?(?:安眠药)|喝(?:了)?农药|煤气中毒|呼吸机停`,
      // labour, shock, drowning, self-harm, violence
      String.raw`羊水|破水|要生了|快生了|阵痛|宫缩|触电|被电到|溺水|遇溺|${PERSON}[^，。]{0,8}(?:落水|沉下去|掉进[^，。]{0,8}(?:池|河|湖|水|井))|过敏(?:休克|性休克)|喉咙肿|要跳(?:楼|下去)|想跳楼|想不开|(?:天台|楼顶|阳台)(?:边|外)|割腕|自杀|持刀|拿(?:着)?刀|砍人|追人|被(?:车|电动车|摩托车?)撞|畀车撞`,
      String.raw`chest pains?|clutching (?:his|her|my) chest|heart attack|cardiac|(?:can'?t|cannot|struggling to|trouble|difficulty) (?:breath|catch (?:his|her|my) breath)|short of breath|lips are blue|asthma attack|choking|stroke|droop(?:y|ing)?|slurr|can'?t get (?:his|her|their|the) words out|can'?t (?:speak|talk|smile|lift (?:his|her) (?:\w+ )?arm|move (?:his|her|one|the left|the right))|face (?:went|is|has gone) numb|arm is numb|seizure|convuls|fitting|having a fit`,
      String.raw`bleeding (?:heavily|badly|a lot|everywhere|profusely)|bleeding (?:won'?t|will not|doesn'?t) stop|(?:head|face|he|she|it) (?:is )?bleeding|bleeding from|spurting|gushing blood|lots of blood|blood everywhere|won'?t stop bleeding|scald|swallowed (?:a |some |the )?(?:battery|button|coin|magnet|bleach|pills|tablets)|overdose`,
      String.raw`waters? (?:has |have |just )?broke|water ?bag (?:burst|broke)|in labou?r|contractions|baby (?:is )?coming|electric shock|electrocuted|drowning|face down in (?:the )?(?:\w+ )?(?:pool|water|river|lake|pond)|fell in(?:to)? the (?:pool|river|lake|water|pond)|anaphyla|allergic reaction|throat (?:is )?swell|threatening to jump|going to jump|(?:window )?ledge|suicid|knife|stabbed|attacking|hit by a (?:car|bus|van|truck|bike)|come off (?:his|her) bike`,
    ),
  ],
  [
    "other",
    words(
      String.raw`困在|困咗|被困|困住|电梯(?:卡|停)在|卡在电梯|关在电梯|电梯(?:里)?困|电梯卡住|电梯井|电梯[^，。]{0,12}(?:往下掉|掉下|坠)|锁在(?:车|屋|家|房)|车里锁|反锁|(?:人|孩子|小孩|老人|他|她)(?:被)?(?:卡|困|挂)(?:在|住)|头卡在|卡在(?:阳台|防盗网|栏杆|护栏|窗)|拔不出来|缩不回来|[\d两三四五几]天没(?:开门|出门|露面)|敲门没人应`,
      String.raw`trapped|stuck in (?:the |a )?(?:lift|elevator)|stuck between floors|(?:lift|elevator) (?:is )?stuck with|locked in (?:the |a |his |her )?(?:car|room|bathroom|flat)|(?:lift|elevator)[^.!?]{0,30}(?:stopped|stuck|broke down)[^.!?]{0,30}(?:inside|in it|in there)|\b(?:kid|child|toddler|baby|boy|girl|someone|somebody|man|woman|lady|son|daughter)[^.!?]{0,6}\bstuck\b`,
    ),
  ],
];

const MISSING = EVENTS.find(([kind]) => kind === "missing")![1];

/** A call for help now, with or without an event. */
export const CALL =
  /救命|救救|快来|来人啊|来人呀|快叫救护车|叫(?:了)?救护车|打(?:了)?120|call(?:ing)? (?:an )?ambulance|call (?:911|999|995|000|120|112)|calling (?:911|999|995|000|120|112)|^sos\b|\bsos!|🆘|help!|help me\s*[!！]|need help now|(?:somebody|someone) (?:please )?help(?: us| me)?\s*[!！]|快啲嚟|快d嚟|嚟人|get the aed|aed (?:now|here)/u;

/** Skills and equipment: "懂急救", "first-aid trained", "有AED" — stripped before anything is read. */
export const SKILL =
  /(?:懂|会|学过|学了|考了|考过|持有|拿到|有)(?:点|些|一点)?(?:急救|心肺复苏|cpr|护理|包扎)(?:证|知识|技能|培训|技术)?|急救(?:证|员证|培训|课|知识|技能|箱|包)|(?:first[- ]?aid|cpr|aed)(?:[- ](?:trained|certified|certificate|qualified|course|class|training|kit|box|skills?))|(?:trained|certified|qualified) (?:in )?(?:first[- ]?aid|cpr)|know(?:s)? (?:first[- ]?aid|cpr)|(?:ex-|retired |former )?(?:nurse|paramedic|doctor|firefighter)|(?:我是|本人是|本人)[^，。]{0,8}(?:护士|医生|大夫|急救员|消防员)/u;

const SKILLS = new RegExp(SKILL.source, "gu");

/** Not happening: a risk, a hypothesis, advice. Vetoes an event in the same clause. */
export const HYPOTHETICAL =
  /万一|如果|要是|真要|假如|假设|一旦|以防|防止|预防|隐患|小心|注意|当心|容易|可能会|会不会|(?<!好|很|害|太)怕(?!死|了|啊|是)|就麻烦|就完了|就危险|要出事|会出事|迟早|早晚|差点|差一点|险些|危险|不安全|好易|要掉|要摔|会掉|会摔|的话|担心|以后|将来|下周|下个?月|明天|后天|防[^，。]{0,2}(?:摔|走失|火)|worried|in future|next (?:week|month)|tomorrow|\bif\b|in case|what if|could (?:start|cause|catch|fall|trip|hurt)|might|risk|hazard|waiting to happen|before (?:someone|somebody)|nearly|almost|dangerous|not safe|unsafe|could get hurt|someone'?s going to/u;

/** Over or in the past: vetoes an event in the same clause unless the clause says it is still going on. */
export const PAST =
  /上周|上个?星期|上个?礼拜|上个?月|去年|前年|前几天|前些天|那天|那次|当时|以前|之前|曾经|上次|昨天|昨晚|前天|前阵子|前段时间|年轻时|小时候|那年|last (?:week|month|year|night|time)|yesterday|the other day|years? ago|months? ago|weeks? ago|back in|once had/u;
/** Still happening (overrides PAST). */
export const ONGOING = /还(?:在|没|是|有|躺|趴|未)|仍|一直|到现在|现在(?:还|仍)|至今|开始|still|right now|since|ongoing/u;
/** The danger is over: the whole message raises nothing. */
export const OVER =
  /已经(?:找到|回来|回家|没事|送(?:去)?医|送到医院|出院|好了|灭了|扑灭|救出|稳定|脱险)|找到了|灭了|扑灭了|救出来了|没事了|确认没事|虚惊|误报|出院了|平安(?:回来|到家|了)|康复|复康|恢复|好转|住院|已经送(?:到|去)?医院|幸亏|幸好|已经解决|搵返|搵到|找回|原来是|不是(?:着火|火灾|真的)|没(?:有)?着火|home safe|safe and sound|is safe|in hospital|never ?mind|found (?:him|her|them|safe)|been found|is fine now|are fine now|all fine now|is ok(?:ay)? now|safe now|back home safe|out of hospital|discharged|recovering|put (?:it )?out|(?:all|fire'?s?|it'?s) out now|false alarm|all clear|turned out|i'?m (?:fine|ok|okay)\b|火灭了/u;
/** Habitual or repeated, not one happening now: vetoes an event in the same clause. */
export const HABITUAL =
  /每天|每晚|每次|天天|总是|老是|经常|一般|通常|平时|usually|generally|好几(?:个|次)|好多(?:人|次)|几个人|every (?:night|day|time|evening|morning|week)|always|twice|several times|a few people|many times|this month|all the time/u;

/** Hearsay, news, forwards, fiction: vetoes the whole message. */
export const REPORTED =
  /听说|据说|新闻|报道|朋友圈|转发|【转】|看到(?:新闻|报道|群里|朋友圈|网上)|吓我一跳|网上(?:说|看|传)|抖音|视频里|电视剧|电影|剧里|这剧|追剧|剧情|结局|小说|游戏里|综艺|\bnews\b|reportedly|heard (?:that|there)|saw (?:on|in) the|on tv|in the (?:movie|film|show|series|game)\b|episode|netflix|drama/u;
/** Figurative or joking: vetoes the whole message. */
export const FIGURATIVE =
  /哈哈|呵呵|笑死|笑哭|笑到|好笑|搞笑|太逗|累死|热死|冷死|饿死|困死|气死|烦死|吵死|无聊死|尴尬死|要命(?:的|了)?(?:堵|热|冷|累|作业)|😂|🤣|😆|\blol\b|\blmao\b|\brofl\b|haha|killing me|drowning in|要晕倒了|dying (?:to|of|for)|i'?m dead|kills me|so dead|dead tired|bored to death|to die for|died laughing/u;
/** Thanks for help already given, or an offer of help: the writer is not in danger. Vetoes the whole message. */
export const THANKED_OR_OFFERED =
  /^(?:@\S+\s*)?(?:谢谢|感谢|多谢|表扬|thank|thanks|cheers|kudos|grateful)|救命恩人|可以找我|找我就行|随时(?:叫|喊|找)我|有需要(?:的)?(?:可以)?(?:找|叫|喊)我|ping me|call me if|feel free to (?:call|ask|message)|happy to help|i can help/u;

/** Drills, classes and talks about emergencies: vetoes the whole message. */
export const DRILL = /(?<!不是|not a |not an )(?:演习|drill)|演练|培训|讲座|课程|报名|上课|逃生|学习|想学|请教|workshop|training (?:session|course|day)|(?:cpr|first aid|fire) training|course|class|seminar|talk on|sign(?:ed)? up|register/u;
/** A question about emergencies in general ("急救电话是多少", "where is the AED"), not an emergency. */
export const ABOUT =
  /多少|是什么|在哪|哪里有|怎么(?:用|学|报|打|办理)|如何|有没有人知道|请问|谁知道|号码|电话是|what(?:'s| is) the (?:number|phone)|where(?:'s| is) the|how (?:do|to|can)|does anyone know|anyone know/u;

/** Clauses: a message's parts between sentence punctuation (a voice message without any is one clause). */
function clauses(text: string): string[] {
  return text.split(/[，,。.;；\n]+|(?<=[!！?？])/u).filter((part) => part.trim());
}

/** The first emergency event in a clause, if any. */
export function eventIn(clause: string): Emergency | undefined {
  return EVENTS.find(([, pattern]) => pattern.test(clause))?.[0];
}

/** Read one normalised, ASCII-lower-cased message. */
export function detectSos(raw: string): SosReading {
  const text = raw.replace(SKILLS, " ");
  let event: Emergency | undefined;
  let called = false;
  let vetoed: SosReading["vetoed"];
  for (const clause of clauses(text)) {
    const found = eventIn(clause);
    const call = CALL.test(clause);
    if (!found && !call) continue;
    if (HYPOTHETICAL.test(clause) || HABITUAL.test(clause)) {
      vetoed ??= "hypothetical";
      continue;
    }
    event ??= found;
    called ||= call;
  }
  // A missing person is often told across clauses ("我爸有老年痴呆，早上出门，到现在没回来").
  if (!event && !called && MISSING.test(text) && !HYPOTHETICAL.test(text) && !HABITUAL.test(text)) event = "missing";
  if (!event && !called) {
    if (vetoed) return { sos: false, emergency: "other", alarm: true, vetoed };
    const skilled = text !== raw && (eventIn(raw) !== undefined || CALL.test(raw));
    return skilled ? { sos: false, emergency: "other", alarm: true, vetoed: "skill" } : { sos: false, emergency: "other", alarm: false };
  }
  const emergency = event ?? "other";
  const veto = wholeMessageVeto(text, event !== undefined);
  return veto ? { sos: false, emergency, alarm: true, vetoed: veto } : { sos: true, emergency, alarm: true };
}

/** What makes a whole message no emergency, even with an emergency word in it. */
function wholeMessageVeto(text: string, event: boolean): SosReading["vetoed"] {
  if (OVER.test(text)) return "over";
  if (PAST.test(text) && !ONGOING.test(text)) return "past";
  if (FIGURATIVE.test(text)) return "figurative";
  if (REPORTED.test(text)) return "reported";
  if (DRILL.test(text)) return "drill";
  if (THANKED_OR_OFFERED.test(text)) return "over";
  if (!event && ABOUT.test(text)) return "question";
  return undefined;
}
