/**
 * The word patterns behind intent classification, in zh and en. Each pattern is a signal; `classify.ts` decides
 * with them in a fixed order of precedence (emergencies first, chatter last). Kept apart so they can be reviewed
 * and extended without touching the decision logic. Patterns are lower-case and run on ASCII-lower-cased text
 * (`lowerAscii`): the `i` flag with `u` makes V8's regexes about ten times slower.
 */

/** Emergencies: someone needs people now. */
export const SOS = {
  /** Enough on their own. */
  strong: /救命|紧急|急救|快来人|煤气泄漏|燃气泄漏|漏煤气|漏气了|gas leak|choking|电梯卡在|卡在电梯|困在电梯|lift (?:is )?stuck|elevator (?:is )?stuck|(?<!要|是|万一|如果|一旦|假如|打不|点不|不|容易)着火|失火|火灾|困人|被困|困在电梯|emergency|\bhelp\s*!|\bsos\b|not breathing|\bcpr\b|\bon fire\b|\bfire!|trapped|stuck in the (?:lift|elevator)/u,
  /** An emergency only when the message also calls for people or says where ("电视剧里那个人摔倒了" is not one). */
  weak: /摔倒|跌倒|摔在|跌亲|跌親|起唔到|唔醒|\bfell\b|bleeding|hit (?:his|her) head|晕倒|晕过去|昏倒|昏迷|不省人事|叫不醒|没反应|(?<![搬拿走拧扛推拉])不动了|倒在地上|起不来|走丢|走失|冒烟|心脏病|抽搐|呼吸困难|满头是血|血流不止|流了很多血|滚下来|噎住|窒息|煤气味|collapsed|fainted|passed out|won'?t wake|not moving|lying on the (?:ground|floor)|unconscious|went missing|is missing|wandered off|heart attack|seizure|smoke (?:coming|everywhere|from|in|pouring)|smoke is pouring|smell(?:s)? (?:of )?smoke|浓烟|slipped|can'?t get up|call (?:120|an ambulance)/u,
  urgentContext: /快|救|起不来|来人|嚟人|幫手|帮忙|找找|看看|栋|楼|单元|门口|家里|在家|[!！]|120|119|110|\bhelp\b|please|pls|last seen|\bcome\b|\bnow\b|hallway|building|gate|i'?m with (?:her|him)/u,
  /** A person missing: an elder or a child not back, not answering. */
  missingPerson: /(?:奶奶|爷爷|外婆|外公|姥姥|姥爷|婆婆|公公|老太太|老爷子|老人|老伴|我爸|我妈|父亲|母亲|大爷|孩子|儿子|女儿|grandma|grandpa|my (?:dad|mum|mom|father|mother|son|daughter|grandma|grandpa)|elderly)[^。.]{0,40}?(?:还?没回来|不见了|找不到|联系不上|走丢|走失|电话也?不接|hasn'?t come back|not back|can'?t find|missing|wandered off)|(?:has been|been) missing|missing since|(?:老年痴呆|痴呆|dementia)[^。.]{0,30}?(?:没回来|不见|走丢|找不到|missing|not back)|(?:没回来|不见了|找不到|走丢)[^。.]{0,30}?(?:老年痴呆|痴呆|dementia)/u,
  /** "not an emergency": said outright. */
  notEmergency: /not an emergency|not urgent|no rush|不是急事|不紧急|不算紧急|不着急/u,
  joking: /哈哈|笑死|好笑|太逗|搞笑|视频|😂|🤣|\blol\b|\blmao\b|funny|hilarious/u,
  /** News, hearsay or a past, resolved event — unless the message also calls for help now. */
  reported: /新闻|看到.{0,6}说|听说|据说|朋友圈|转给大家|昨晚|上个月|去年|前几天|以前|曾经|幸亏|康复|出院|已经(?:找到|没事|送医)|\bnews\b|saw on|read that|last (?:year|month|week)|so glad|found (?:him|her|them) safe|is fine now|doing fine|update:|is ok now|recovering|好多了|没事了/u,
  immediate: /救命|快来|快点|马上|赶紧|请|帮忙|麻烦|please|pls|\bnow\b|\bhelp\b|[!！]{2}/u,
  fall: /摔倒|跌倒|摔在|摔了|起不来|\bfell\b|\bfall(en)?\b/u,
  fire: /着火|失火|火灾|冒烟|烟味|fire|smoke/u,
  unconscious: /晕倒|晕过去|昏倒|昏迷|不省人事|collapsed|fainted|unconscious|not breathing|cpr/u,
  missing: /走丢|走失|找不到|不见了|没回来|联系不上|missing|lost|not back/u,
  medical: /心脏病|抽搐|呼吸困难|出血|heart attack|seizure|bleeding/u,
};

/** Thanks to someone in particular (not "谢谢大家"). */
export const THANKS = {
  opener:
    /^(?:(?:收到|好的|太好了|哇|真是)[!！,，。\s]*)*(?:想)?(?:特别|十分|非常|万分|真心|再次|衷心)?(?:感谢|谢谢|多谢|谢了|多亏(?:了)?|表扬(?:一下)?|thank\s*(?:you|u)\b|thanks|thx\b|many thanks|big thank you|huge thanks|(?:really |so |very )?grateful to|(?:huge |big |massive )?shout-?out to|kudos to|props to|heartfelt thanks|sincere thanks|cheers to|hats off to|big ups to)/u,
  everyone:
    /^(?:(?:收到|好的|太好了|哇|真是)[!！,，。\s]*)?(?:特别|十分|非常|万分|真心|再次|衷心)?(?:感谢|谢谢|多谢|thank\s*you|thanks)\s*(?:(?:大家|各位|所有人|all|everyone|everybody|guys)|[!！。.~～]*$)/u,
};

/** A conflict between neighbours asking for mediation. */
export const DISPUTE = {
  /** Explicit enough on their own. */
  explicit: /调解|mediat|评评?理/u,
  ask: /调解|协调一下|帮忙协调|出面|谈不拢|帮忙说说|求社区|社区.{0,4}(?:管管|说说|出面|协调|处理)|step in|can'?t agree|\bdenies\b|ignore[sd]? (?:my|our)|居委会|评评?理|主持公道|协调|调和|楼长.{0,4}(?:管|说|调)|请.{0,4}(?:物业|居委|社区|楼长).{0,6}(?:管管|出面)|好话说尽|sort (?:this|it) out|argued|talk to (?:him|her|them)|(?:沟通|说|讲|找)(?:过|了)?[^，。,.]{0,6}?(?:都|也)?(?:没用|不听|不管|不改)|mediat|intervene|talk to them for me/u,
  party: /楼上|楼下|对门|隔壁|邻居|对面|next door|neighbou?r|upstairs|downstairs|the guy|the people in|\d+-\d{3,4}|那家|主人|那户|吵架|矛盾|纠纷|arguing|argument|quarrel/u,
  noise: /吵|噪音|拖椅子|半夜|装修|电钻|音响|广场舞|noise|loud|barks|music/u,
  leak: /漏水|渗水|泡了|leak/u,
  pets: /狗|猫|宠物|dog|cat|pet/u,
  parking: /车位|停车|停在|parking|parked/u,
};

/** Offers: the sender can give or lend something to anyone who needs it. */
export const OFFER =
  /谁要用|要用(?:的)?(?:直接)?找我|需要的?(?:可以)?(?:直接)?找我|有需要(?:的)?(?:可以|请|就)?(?:直接)?找我|可以找我|免费|送给有需要|有多余|闲置|本人会|我会(?:修|做|教|弹|开车)|(?<![谁能])可以帮(?!我|[^，。,.]*吗)|可以(?:免费)?(?:教|陪|辅导|接送)|有人需要|谁需要|happy to|i can (?!'t)|i have a \w+ and can|\band can (?:help|teach|drive|fix|lend|tutor|babysit)|free for|just message me|feel free to (?:ask|borrow)|can lend|willing to|if anyone needs|会\S{1,6}[，,]\s*可以|可以(?:每月|每周|每天)|可以给.{0,8}(?:讲|教|上课|看|理发|剪)|(?:^|[,，]\s*)can (?:tutor|teach|help|fix|drive|babysit|lend|walk|cook)\b(?![^?]*\?)|可以(?:寄放|放)(?:在)?我(?:这|家)|可以(?:喊|叫|联系)我|的(?:说一声|找我|喊我|联系我)|谁要(?:的)?(?:自己)?来拿|来拿吧|免费送|可以上门|available to (?:lend|borrow)|to lend if|if any \w+ (?:want|need)|knock on (?:my|\d)|可以捎|顺路的.{0,6}可以|可以带上|谁要(?:的话)?.{0,8}(?:来|拿)|if anyone wants|tag along|got room for|(?:just )?dm me|anyone can borrow|can borrow (?:them|it)|can give (?:you |a )?lift/u;

/** Offers so explicit that a question word in them ("anyone can borrow them") does not make a request. */
export const OFFER_STRONG =
  /anyone can borrow|(?:just )?dm me|if anyone needs|anyone need(?:s)?\b|anyone who needs|who needs (?:can|may)|^(?:got|have) (?:a |some )?spare|free to (?:whoever|anyone)|to whoever wants|\bi (?:have|'ve got|got) (?:a |some )?spare|i can help|有需要的.{0,10}找我|需要的邻居说一声|哪家有需要|可以借去用|的喊我|喊我就行|不收钱|不要钱|帮你们|帮大家代|谁要用|谁需要|有人需要|(?:可以|直接)找我|找我就行|免费送|送给有需要|我可以(?:每周|每天|帮|陪|教)/u;

/** Asking for help: someone, anyone, does anyone have, need ... */
export const ASK =
  /谁(?:家)?有|谁(?:方便|有时间|愿意|正好|要去|去|懂|会)|哪位|哪个(?:小伙子|年轻人|邻居|好心人)|想请.{0,4}(?:邻居|人)|能不能.{0,10}(?:帮|放|来|借|过来)|想借|有冇|有[^，。,.]{0,10}(?:邻居|人|师傅|志愿者)[^，。,.]{0,14}(?:吗|么)|求借|求个|能不能有|能否有|有(?:没有)?[^，。,.？?]{0,6}(?:邻居|志愿者|师傅|人)[^，。]{0,12}(?:吗|么|不)(?=[?？!！。\s]*$)|哪个邻居|想请人|请人(?:帮|每天)|有(?:愿意|人愿意)|有[^，。,.？?]{0,10}(?:邻居|志愿者|师傅)(?:吗|么)|^借(?:个|一下|我)|谁(?:能|可以|会|有空)|有没有|有谁|求助|求帮|需要(?:有)?人|需要(?:一个|个)?(?:志愿者|师傅|邻居)|想找|找(?:个|一个)?(?:人|志愿者)|麻烦(?:哪位|大家|各位|邻居)|急需|借我|借用|(?<!我)帮我|帮帮|能帮|可以帮我|能不能帮|有人(?:能|可以|帮忙|会)|有(?:懂|会)[^，。,.]{0,8}?(?:人|邻居|师傅|朋友)|anyone (?:have|has|got|could|able|free|know how|good (?:with|at)|handy|who|going)|anybody going|^any\b|\bany [\w-]+(?: [\w-]+)? who|\bany(?:one|body)\b(?! else| know| watching)[^.?!]{0,80}\?|does (?:someone|somebody) have|^need\b|\bneed (?:a|an|some|\d[\d-]*)\b|\b(?:could|can) any\b|\bany\b(?: [\w-]+){0,3} (?:neighbou?rs?|legends?|volunteers?|people|ppl)\b|(?:if )?any(?:one|body) (?:is )?going|can borrow|borrow (?:ur|your)|can some (?:\w+ )?(?:person|one|body|neighbou?r)|有冇人|可唔可以|any(?:one|body) (?:driving|heading|have|got)|does anybody|\b(?:can|cn|could|pls|plz) (?:someone|somebody|anyone)|(?:is|are) there (?:a|an|any)?\b.{0,40}\bwho (?:could|can)|any (?:handy )?(?:neighbou?r|one|body)|needs (?:someone|somebody|help|a )|does anyone|could someone|can someone|need (?:someone|somebody|a |an |help)|looking for (?:a |someone|somebody)|could use a hand|can anyone|would anyone|(?:can|could|may) i borrow|looking to borrow|want to borrow|need to borrow/u;

/** The help a request asks for must be an action or a thing, not just information ("有人知道几点关门吗"). */
export const NEED =
  /借|帮|带|买|修|取|换|送|陪|照看|托管|接|看看|瞅|看一眼|来看|还|钻|抬|搬|辅导|聊|遛|喂|血|车|捎|载|顺路|梯|电钻|打气筒|工具|志愿者|师傅|borrow|lend|help|hand|ride|lift|drive|fix|repair|walk|pick up|carry|move|moving|watch|babysit|company|chat|grab|get me|buy|bring|fetch|post|mail|nurs|wound|dressing|experience|take a look|look at|cables?|station|airport|take|trash|rubbish|show me|teach me|how to|set it up|搭把手|过来|看看|放|sitter|filling|forms?|apply|have (?:a|an|any|some)\b|injection|cuppa|tea|talk|visit|up for|free|job|have a look|bins?|ladder|drill|pump|tool|someone to/u;

/** A request's category, tried in this order. */
export const CATEGORY: ReadonlyArray<[string, RegExp]> = [
  ["borrow", /借|(?:谁|哪位.{0,4}|邻居)家有(?!空|时间)|用完.{0,3}还|[就马立]上?还|any(?:one|body) (?:have|has|got) (?:a |an |some |any )?(?!experience|time)|有没有.{0,6}(?:梯|打气筒|电钻|扳手|工具|雨伞|充电)|borrow|lend|(?:have|need) an? (?:ladder|drill|pump|tool|umbrella)/u],
  ["errand", /帮(?:我|忙)?(?:买|取|拿)|帮(?:我|忙)?带(?!孩子|娃|小孩|宝宝)/u],
  ["ride", /谁有车|有车|开车|车接|接送(?!孩子)|搭车|顺风车|顺路.{0,6}(?:车|捎|载|送我)|油费|机场|捎我|载我|driving to|\ba lift\b|送.{0,6}去(?:医院|机场|车站)|\bride\b|a lift|drive (?:me|her|him|my)/u],
  ["childcare", /孩子|小孩|宝宝|细路|睇住|sitter|\d+ ?(?:year|yr)s? old|\d+\s?yo\b|toddler|reading|tutor|儿子|女儿|托管|辅导|作业|放学|学校|初[一二三]|小学|幼儿园|\bkids?\b|\bchild|\bson\b|daughter|babysit|school|homework/u],
  ["companionship", /聊天|聊聊|陪伴|孤单|解闷|说说话|唠嗑|象棋|棋友|cuppa|isolated|visit (?:my|her|him)|找个伴|一块去|for a chat|lonely|下棋|打牌|陪.{0,3}散步|companion|keep (?:\w+ ){1,2}company|chat with/u],
  ["medical", /发烧|发热|高烧|懂医|看病|头晕|血压高|fever|dizzy|换药|伤口|发炎|胰岛素|打一针|针灸|推拿|输液|打针|护理|导尿|吸氧|注射|血型|型血|献血|输血|用药|吃药|量血压|血糖|医生|护士|medicine|wound|injection|blood|nurse|doctor/u],
  ["care", /轮椅|抬|助浴|帮.{0,4}洗澡|洗头|剪指甲|骨折|倒垃圾|洗碗|翻身|bedridden|turn (?:him|her)|bedsheets|扶(?:她|他)|上(?:个)?厕所|热(?:个)?饭|每天(?:帮|给)|送.{0,2}饭|shower|bathe|lift (?:him|her)|做饭|喂饭|中风|瘫|卧床|carry|wheelchair|meals?\b|bath/u],
  ["repair", /修|漏水|坏了|开不了机|打不着|暖气|合页|关不上|exhaust fan|\bfan\b|grinding|油烟机|嗡嗡|不吸|off its track|screen door|heater|heating|radiator|router|wifi|不热|阀门|拧不动|jammed|\block|不出热水|热水器|燃气灶|空调|冰箱|洗衣机|灯泡|水管|马桶|堵了|堵住|电路|跳闸|clogged|\bfix|repair|broken|leak/u],
  ["errand", /带|买|取|快递|驿站|菜市场|超市|遛狗|代购|跑腿|walk (?:my|the) dog|pick up|errand|groceries|parcel|shopping|post office|posting|\bmail\b|grab|dry cleaning|bread|milk|trash|bins? out|bring me|please bring|packets?|寄|邮局|挂号信/u],
  ["care", /老人|奶奶|爷爷|大爷|大妈|行动不便|腿脚|elderly|grandma|grandpa|senior/u],
];

/** A question for information ("多少钱", "几点", "where is"), not a request — unless it also asks for help outright. */
export const INFO_QUESTION = /多少钱|几点|在哪|哪里|怎么走|问过吗|知道吗|how much|where is|what time|anyone know(?! how to)/u;
export const OUTRIGHT_ASK = /帮我|帮忙|谁能|谁可以|能不能|求助|借我|could (?:someone|anyone)|can (?:someone|anyone)|need (?:someone|help)/u;

/** A message that opens with laughter is banter, not a request ("haha i need help with my life choices"). */
export const BANTER = /^(?:haha|hah|lol|lmao|rofl|哈哈|呵呵|笑死)/u;

/** Urgency in a request. */
export const URGENT = /急|紧急|马上|尽快|立刻|赶紧|urgent|asap|right now|immediately/u;

/** Help already given, logged with its duration. */
export const SERVICE_LOG = {
  done: /帮|陪|helping|logged|^log\b|tutoring|reading (?:the \w+ )?to|read to|记录一下|登记一下|带.{0,10}去|给.{0,12}(?:打扫|做饭|理发|洗|修|买|送|读|擦|装|熬|补)|\bdid \w+ for|took me|服务记录|服务时长|志愿服务|带.{0,8}(?:做|玩|学)|读报|打扫|助浴|helped|spent|volunteered|assisted|drove|tutored|fixing|fixed|\bsat with|visited|cooked|cleaned|walked|took \w+ to|sorted/u,
  notYet: /需要|谁|有没有|有冇|可唔可以|吗|[?？]|想找|求|need|anyone|could|looking for|can someone|will|tomorrow|明天|下周/u,
};

/** Time-bank categories of a service log: C emergency, B companionship; everything else A daily-life care. */
export const SERVICE_CATEGORY_C = /急救|抢救|送医|急诊|emergency|first aid|ambulance/u;
export const SERVICE_CATEGORY_B = /陪|聊|读报|散步|下棋|company|chat|sat with|visited|walk(?:ed)? with|read(?:ing)? to/u;

/** Cancelling a sign-up. */
export const CANCEL =
  /取消(?:一下)?(?:我的)?报名|(?:讲座|活动|报名|名额|课)[^，。]{0,8}取消|取消[^，。]{0,4}(?:讲座|活动|报名)|报名取消|去不了|去不成|参加不了|来不了|不去了|不参加了|退出(?:活动|报名)?|(?:名单|名字)[^，。]{0,4}(?:去掉|删掉|划掉)|把我[^，。]{0,14}(?:去掉|删掉|划掉)|take (?:my|our) names? off|take (?:me|us) off|off the list|pull(?:ing)? out of|not coming|can'?t make it|cannot make it|remove me|cancel my|drop out|count me out|won'?t be able to (?:come|make|join)/u;

/** Signing up. */
export const SIGNUP =
  /报名(?!了个|了一个)|报个名|报一个名|我(?:和|跟).{1,6}?(?:都|也)(?:去|参加|来)|add (?:me|us|my \w+) to|count (?:me|us|my \w+) in|sign up \d|我参加|参加.{0,12}活动|算我一个|算上我|我也去|我也参加|(?:我们|全家|一家.口|两口子|我和.{1,3})(?:都|也)?(?:去|参加)|^\s*\+\s*\d{1,2}\b|sign (?:me|us) up|sign up for|put (?:me|us|my name|our names)(?: and [\w\s]{1,20})? down|add (?:me|us|my [\w\s]{1,20}?) to|count (?:me|us)\b.{0,30}\bin\b|(?:we|both of us|all of us)(?:'ll| will) (?:both |all )?be (?:at|there)|will both be (?:at|there)|\b(?:\d|two|three|four) of us\b|^me (?:and|n|&) .{1,20}\bfor\b|^join\b|参加.{0,12}(?:课|讲座|培训|比赛)|报[一两三四五\d]个名|都报上|报上|我要参加|帮我记上|记上我|加(?:上)?我|留(?:个|一个)?位(?:置|子)?|count (?:me|us) in|\bi'?m in(?:[!.]|$| for)|i'?d like to join|we'?ll (?:come|join)|join (?:the|you)|rsvp/u;

/** Questions about the bot's own records. */
export const QUERY: ReadonlyArray<["balance" | "events" | "my-requests" | "my-signups", RegExp]> = [
  ["balance", /时间币|余额|多少个?(?:小时|时间)|几个小时|攒了|时长.{0,4}记上|我的(?:账户|时间)|(?:my|time|coin|account) balance|balance\?|time (?:coins?|credits?)|credits? left|how many (?:hours|coins|credits) (?:do|have) i/u],
  ["my-requests", /我的求助|我发的.{0,12}(?:求助|请求)|求助.{0,8}(?:有人接|怎么样|进展|状态)|有人接了(?:吗|没)|my (?:open |\w+ )?requests?|anyone (?:accepted|taken) my|matched to my/u],
  ["my-signups", /我报(?:了|名了)?(?:哪|什么)|我的报名|我报名的|my sign-?ups|what am i signed up|what did i sign up/u],
  ["events", /(?:有|有些)?什么活动|有啥活动|活动安排|哪些活动|what events|which events|any (?:\w+ )?events|events (?:are )?on|what'?s (?:on|coming up|happening) (?:this|next)/u],
];

/** A daily check-in from a resident living alone. */
export const CHECKIN =
  /^(?:报)?平安(?:了|啦)?[!！。.~～]*$|报(?:个)?平安|今[天日]平安|勿念|打卡|签到|^我(?:今天)?(?:很好|挺好|一切都好|没事)[!！。.~～]*$|i'?m (?:fine|ok|okay|good|well) today|checking in|all (?:good|fine|ok) (?:here )?today|still kicking|alive (?:and|n|&) kicking|打个?卡|我今天(?:挺好|很好|不错|好好的)|^check-?in\b|feeling (?:ok|okay|fine|good)|今儿个?好好的|^i'?m (?:fine|ok|okay)[!.]*$/u;

/** Problems in the shared environment. */
export const REPORT = {
  problem:
    /坏了|不亮|太黑|很黑|堵了|被.{0,4}堵|堵住|占用|没清理|没人清理|味道很大|很臭|松了|会翻|危险|隐患|高空抛物|乱扔|乱停|乱堆|堆满|杂物|漏水|积水|很滑|结冰|裂了|断了|晃得|一踩就晃|塌|报(?:一下)?物业|报修|堵得|堆在|螺丝|划伤|滑倒|闪|渗水|滑得|翘起|绊倒|滴水|一大滩|飞线|私拉电线|流浪狗|野狗|stray dogs?|burst|water everywhere|flood|not safe|dead since|out of order|grinding|stuck open|won'?t close|堆了|一堆|没人清|doesn'?t feel safe|chained|locked shut|flickering|super dark|wasp|hornet|马蜂|蜂窝|老鼠|broken glass|glass everywhere|smashed|dead (?:rat|bird|cat)|smell|stink|out for|not working|broken|blocked|blocking|dumped|overflowing|hazard|dangerous|leaking|loose/u,
  shared:
    /楼道|楼梯|路灯|灯|消防通道|通道|垃圾|井盖|电梯|小区|车库|地下|健身|器材|人行道|树枝|滑梯|游乐|儿童|路面|那段路|这段路|地面|fire exit|mailboxes|entrance|access control|pipe|地砖|充电桩|电线|intercom|handrail|ramp|carpark|car park|东门|西门|南门|北门|大门|门口|车棚|停车场|草坪|花园|单元门|street ?light|hallway|stairs?|stairwell|bike shed|elevator|lift\b|gate|corridor|fire lane|bins?\b|rubbish|trash|garbage|parking lot|playground/u,
  standalone: /高空抛物|消防通道.{0,4}堵|fire lane/u,
  /** Already dealt with: not a report. */
  resolved: /已经修好|修好了|已经处理|已经清理|恢复了|fixed now|has been fixed|been fixed|(?<!not )works again|(?<!not )working again/u,
  light: /灯|light/u,
  blocked: /堵|占用|blocked|blocking|fire lane/u,
  rubbish: /垃圾|rubbish|trash|garbage|dumped|bins?\b/u,
  lift: /电梯|elevator|lift\b/u,
};

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

/** A question about signing up ("怎么报名？", "报名了吗大家", "how do I sign up?"), not a sign-up. */
export const SIGNUP_QUESTION = /怎么|如何|哪里|在哪|怎样|什么时候|几点|多少|能不能|可不可以|有没有|报名了吗|报了吗|报名了没|[?？]\s*$|吗\s*$|\b(?:how|where|when|what|is there|are there|did (?:you|everyone))\b/u;

/** A message that is only a party's head count, as a reply to an event in the chat: "我和老伴两个人", "我们一家三口". */
export const SIGNUP_PARTY =
  /^(?:我和|我跟|我们|俺们|咱们|咱俩|我家|一家)[^，。,.!?！？]{0,6}?(?:两|俩|三|四|五|[2-9])(?:个|位)?(?:人|口)(?:参加|报名|去|来)?[。!！~]*$|^(?:me and my (?:wife|husband|son|daughter|kids|mum|mom|dad|partner)|my (?:wife|husband) and (?:i|me))(?:,? (?:both|two|2) of us)?[.!]*$/u;
