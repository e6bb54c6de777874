/**
 * The rules the parser keeps beside its trained model. Structural ones decide before the model (a forward, a closing
 * word, a head count, a 接龙 list); the others read slots once the model has decided (a query's topic, a request's
 * urgency, a service's time-bank category, the kind of report or dispute). Every pattern is general, with a positive
 * and a negative example in `test/unit/rules.test.ts`. Patterns are lower-case and run on ASCII-lower-cased text
 * (`lowerAscii`): the `i` flag with `u` makes V8's regexes about ten times slower.
 */

/** Announcements and forwards are chatter, whatever words they contain. */
export const FORWARD = /^(?:转发|转自|【转】|fwd?:|forwarded)/u;

/** A-Z to a-z and nothing else, so positions in the text are unchanged (the rules have no `i` flag). */
export function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/gu, (letters) => letters.toLowerCase());
}

/**
 * A short message closing the sender's own request: done ("好了，谢谢", "借到了", "all sorted, thanks") or no longer
 * needed ("不用了", "never mind"). Whole-message patterns only: "王师傅帮我修好了水管" is thanks, not a closing.
 */
const THANKS_TAIL = String.raw`(?:[，,!！。~\s]*(?:谢谢|多谢|感谢)(?:大家|各位|邻居们|你们|您|啦|了)?)?[!！。~\s]*$`;
const THANKS_HEAD = String.raw`^(?:(?:谢谢|多谢|感谢)(?:大家|各位|邻居们|你们|您)?[，,!！。~\s]*)?`;
export const CLOSING = {
  done: new RegExp(
    `${THANKS_HEAD}(?:已经|都|我)?(?:好了|弄好了|修好了|解决了|搞定了|借到了|买到了|找到了|办好了|完成了|已解决|已完成|问题解决了)${THANKS_TAIL}` +
      String.raw`|^(?:all )?(?:done|sorted|solved|resolved|fixed|found (?:one|it)|got (?:one|it))(?: now)?(?:[,.!]? ?thanks?(?: (?:everyone|all|so much))?)?[.!\s]*$`,
    "u",
  ),
  withdrawn: new RegExp(
    `${THANKS_HEAD}(?:已经|我)?(?:不用了|不需要了|不用麻烦了|没事了|取消求助)${THANKS_TAIL}` +
      String.raw`|^(?:never ?mind|no longer needed|not needed any ?more|no need any ?more)(?:[,.!]? ?thanks?(?: (?:everyone|all))?)?[.!\s]*$`,
    "u",
  ),
};

/** A message that is only a head count, as a reply to an event in the chat: "+2", "我和老伴两个人", "我们一家三口". */
export const SIGNUP_PARTY =
  /^\s*\+\s*\d{1,2}\s*$|^(?:我和|我跟|我们|俺们|咱们|咱俩|我家|一家)[^，。,.!?！？]{0,6}?(?:两|俩|三|四|五|[2-9])(?:个|位)?(?:人|口)(?:参加|报名|去|来)?[。!！~]*$|^(?:me and my (?:wife|husband|son|daughter|kids|mum|mom|dad|partner)|my (?:wife|husband) and (?:i|me))(?:,? (?:both|two|2) of us)?[.!]*$/u;

/** Thanks opening a message ("谢谢王师傅…", "thanks @Ann …"): where the thanked person's name starts. */
export const THANKS_OPENER =
  /^(?:(?:收到|好的|太好了|哇|真是)[!！,，。\s]*)*(?:想)?(?:特别|十分|非常|万分|真心|再次|衷心)?(?:感谢|谢谢|多谢|谢了|多亏(?:了)?|表扬(?:一下)?|thank\s*(?:you|u)\b|thanks|thx\b|many thanks|big thank you|huge thanks|(?:really |so |very )?grateful to|(?:huge |big |massive )?shout-?out to|kudos to|props to|heartfelt thanks|sincere thanks|cheers to|hats off to|big ups to)/u;

/** What a question to the bot is about, tried in this order. */
export const QUERY_TOPICS: ReadonlyArray<readonly ["balance" | "events" | "my-requests" | "my-signups", RegExp]> = [
  ["my-requests", /求助|请求|单子|有人(?:接|应|回)|我发的|my (?:open |\w+ )?requests?|(?:taken|accepted|picked up|answered) my|anyone (?:taken|accepted|respond)/u],
  ["my-signups", /我报(?:了|过|的|名了)|报上了|报名了(?:吗|没|哪|什么|几)|我的报名|报了(?:哪|什么|几)|(?:signed|sign) (?:me )?up|sign-?ups?|registered|on the list|am i (?:in|on|down|still)|what have i got on/u],
  ["balance", /时间币|余额|积分|攒了|账户|时长|记上了|记了吗|服务记录|几次|多少(?:个)?(?:小时|币)|几个小时|balance|coins?\b|credit|hours|hrs\b|logged|time ?bank/u],
  ["events", /活动|讲座|安排|几点开始|events?\b|what'?s on|happening|activities|coming up|on this week|anything on/u],
];

/**
 * Cues: general signals of an intent that a character n-gram sees only piecemeal ("谁有…", "anyone could…" ask;
 * "可以找我", "if anyone needs" offer; a duration; a question). Each is one feature the model weighs, and a guess
 * the model is fairly but not fully sure of is acted on when its intent's cue agrees (`classify.ts`).
 */
export const CUES: ReadonlyArray<readonly [string, RegExp]> = [
  ["request", /谁(?:能|有|可以|会|方便|愿意|懂|家有)|有没有(?:人|邻居)|有冇人|有无人|哪位|求助|麻烦(?:哪位|大家|各位|邻居)|想(?:找|请|借)|\b(?:anyone|anybody|someone|somebody)\b|could (?:someone|anyone|you)|can (?:someone|anyone)|looking for|need (?:a|an|some|someone|help)\b/u],
  ["offer", /可以找我|找我就行|有需要(?:的)?(?:可以|请|就)?(?:找|叫|喊|联系)我|免费|闲置|多余|送给|谁需要|谁要|happy to|if anyone needs|free to (?:anyone|whoever|a good home)|i can (?:help|lend|drive|teach|fix)|feel free to|just (?:message|dm|ask) me/u],
  ["service_log", /\d+(?:\.\d+)?\s*(?:个)?(?:小时|钟头|分钟|hours?|hrs?|mins?|minutes?)|[一二两三四五六七八九十半]+(?:个)?(?:小时|钟头|个钟)|half an hour|an hour/u],
  ["query", /[?？]|吗|呢|\b(?:what|when|where|how|who|which|is there|are there|do i|did i|have i|am i)\b/u],
  ["thanks", /谢谢|感谢|多谢|多亏|唔该|thank|thanks|thx|cheers|grateful/u],
  ["signup", /报名|参加|算我|\+\d|sign (?:me|us) up|count (?:me|us) in|i'?m in\b|join/u],
  ["cancel_signup", /去不了|不去了|来不了|取消|退出|cancel|can'?t make|won'?t be|pull out|drop out|take (?:me|my name) off/u],
];

/** Urgency in a request. */
export const URGENT = /(?<!不着|不|别|不用)(?:紧)?急(?!诊)|马上|尽快|立刻|赶紧|urgent|asap|right now|immediately/u;

/** Time-bank categories of a service log: C emergency, B companionship; everything else A daily-life care. */
export const SERVICE_CATEGORY_C = /急救|抢救|送医|急诊|emergency|first aid|ambulance/u;
export const SERVICE_CATEGORY_B = /陪|聊|读报|散步|下棋|company|chat|sat with|visited|walk(?:ed)? with|read(?:ing)? to/u;

/** The kind of a report, tried in this order; "other" when none fits. */
export const REPORT_KINDS: ReadonlyArray<readonly ["fire" | "lift" | "water" | "light" | "rubbish" | "parking" | "greenery", RegExp]> = [
  ["fire", /消防|火灾|着火|起火|灭火器|飞线|充电|楼道[里内]?(?:堆|放|摆)|堆满|杂物|fire (?:lane|exit|door|escape|hydrant|extinguisher|hazard)|chained shut/u],
  ["lift", /电梯|elevator|\blifts?\b/u],
  ["water", /漏水|渗水|滴水|积水|爆管|水管|停水|下水道|污水|管道|冒水|水漫|pipe|leak|flood|puddle|water/u],
  ["light", /灯|lights?\b|lamp/u],
  ["rubbish", /垃圾|死老鼠|rubbish|trash|garbage|dumped|litter|bins?\b|dead rat/u],
  ["parking", /乱停|停车|车位|占道|挡道|parked|parking/u],
  ["greenery", /树|草坪|草地|绿化|花坛|tree|branch|grass|hedge|lawn/u],
];

/** The kind of a dispute, tried in this order; "other" when none fits. */
export const DISPUTE_KINDS: ReadonlyArray<readonly ["leak" | "parking" | "pets" | "noise" | "smell" | "shared", RegExp]> = [
  ["leak", /漏水|渗水|泡了|leak/u],
  ["parking", /车位|停车|停在|parking|parked/u],
  ["pets", /狗|猫|宠物|dog|cat|pet/u],
  ["smell", /异味|臭|油烟|烟味|熏|smell|stink|fumes|smoke/u],
  ["shared", /公共区域|公共空间|楼道.{0,4}堆|堆.{0,6}楼道|占用楼道|占着楼道|占了楼道|杂物|shared space|hallway|corridor|stairwell/u],
  ["noise", /吵|噪音|拖椅子|半夜|装修|电钻|音响|广场舞|跺脚|noise|loud|barks|music|stomp/u],
];

