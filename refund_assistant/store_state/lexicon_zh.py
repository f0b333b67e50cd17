"""The Chinese word tables of the store-state reader: which Chinese words matter, and what each
one stands for in the reader's own terms.

Why Chinese has its own tables and not entries in `lexicon`: the reader's engine (clauses,
phrases, reader) never looks at spelling, only at a unit's label, count and English NORM. So a
Chinese word is read by giving it the label and NORM of its English counterpart: 注销 is CANCEL
like "cancel", 没有 is "no" or "not", 都 is "all", 买家 is "buyer". These tables say which is
which; `chinese` cuts a text into these words and `chinese_words` settles what depends on the
neighbours (没有 before a noun is "no", before a verb "not"). A fix for a word sellers write is a
line here, as in `lexicon`.

All words are Simplified: Traditional text is converted before it is read.

How the tables are used:
- ZH_TERMS: label -> words. A word's NORM is its entry in ZH_NORMS, else the label's NORM.
- ZH_WORDS: words without a label -> the English NORM they stand for (fillers, "and", "buyer").
- COMPOUNDS: one word that says two things: 关店 = "close" + "store".
- The sets below them are the words the rules of `chinese_words` and `chinese_clauses` look for.
"""

from __future__ import annotations

from collections.abc import Mapping

from refund_assistant.store_state.lexicon import Label

# fmt: off
ZH_TERMS: dict[Label, tuple[str, ...]] = {
    # Words that name a fact (glossary-zh.md, "sellers also write").
    Label.STORE: ("店铺", "店", "店面", "网店", "商铺", "商店", "本店", "铺子", "小店", "账号",
                  "账户", "帐号", "帐户", "卖家账号"),
    Label.ORDER: ("订单", "单子", "包裹", "快递", "物流", "货", "订单号"),
    Label.VIOLATION: ("违规", "违规记录", "违规行为", "处罚", "处罚记录", "惩罚", "罚款", "扣分",
                      "侵权", "处分", "不良记录", "违规扣分", "警告", "知识产权侵权", "侵权投诉"),
    Label.PENALIZED: ("被罚", "被处罚", "被扣分", "被扣", "受罚", "违反", "被警告", "被惩罚",
                      "罚了", "扣了"),
    Label.DISPUTE: ("纠纷", "买家纠纷", "争议", "仲裁", "拒付", "退款纠纷", "售后纠纷",
                    "交易纠纷", "纠纷单", "纠纷订单", "未解决纠纷"),
    Label.COMPLAINED: ("投诉", "被投诉", "客诉"),
    # Cues.
    Label.CANCEL: ("注销", "注消", "关闭", "关掉", "关", "停用", "取消", "删除", "停业", "倒闭",
                   "关停", "清退"),  # 注消: the common typo for 注销
    Label.FINISH: ("完成", "完结", "结束", "完毕", "完", "做完", "处理", "处理完", "处理好",
                   "处理完毕", "搞定", "弄完", "弄好", "搞好", "结清", "办完", "办好", "发完"),
    Label.APPROVE: ("通过", "成功", "批准", "同意", "生效", "顺利", "批下来", "办下来"),
    Label.CONFIRM: ("确认",),
    Label.RESOLVE: ("解决", "撤销", "撤回", "撤诉", "结案", "消除", "清除", "清零", "移除",
                    "解除", "撤掉", "去除", "赢", "赢了", "胜诉", "申诉成功", "申诉通过", "和解",
                    "协商好", "谈妥", "过期", "失效", "撤了", "删掉", "判了", "判决", "裁决"),
    Label.DELIVER: ("送达", "妥投", "签收", "交付", "到货", "送到", "交货", "确认收货"),
    Label.RECEIVE: ("收到", "收货", "拿到", "接到"),
    Label.SHIP: ("发货", "发出", "寄出", "发走", "发", "寄", "送出", "出货", "出库"),
    Label.OPEN: ("开", "开着", "开启", "营业", "营业中", "运营", "运营中", "正常营业", "在线",
                 "上线", "开通", "活跃"),
    Label.START: ("发起", "提起", "提出", "提交", "升级"),
    Label.PROGRESS: ("审核", "审核中", "处理中", "进行中", "待处理", "等待", "等", "在等", "等着",
                     "排队", "受理中", "申请中", "流程中", "申诉中", "在申诉", "还在申诉",
                     "冷静期", "仲裁中", "在仲裁", "在仲裁中"),
    Label.APPLY: ("申请", "要求"),
    Label.REJECT: ("拒绝", "驳回", "失败", "被拒", "没通过", "不通过", "打回"),
    Label.UNFINISHED: ("剩", "剩下", "还剩", "剩余", "遗留", "悬而未决", "未结"),
    Label.ORDER_PENDING: ("待发货", "待收货", "待付款", "待签收", "待确认", "在途", "运输中",
                          "配送中", "派送中", "在路上", "路上", "进行中订单"),
    Label.CLEAN: ("良好", "干净", "清白"),
    Label.EXIST: ("有", "存在", "产生", "发生", "出现", "遇到", "碰到", "得到", "吃了"),
    Label.CAUSE: ("因为", "由于", "因"),
    Label.STILL: ("还", "仍", "仍然", "依然", "还是", "依旧", "仍旧", "还在", "仍在"),
    Label.EXCEPT: ("除了", "除", "除开"),
    # Negation, doubt, answers. 没有/没/无 are "not" here; before a noun they become "no".
    Label.NEG: ("不", "未", "尚未", "还没", "还没有", "并未", "从未", "从没", "从来没",
                "从来没有", "从没有", "没", "没有", "无", "并没有", "并不", "不是", "并不是",
                "不再", "不可能", "不会", "不能", "无法", "不了", "不掉", "不成", "不下来", "一直没", "一直没有", "否"),
    Label.DET_NEG: ("零", "一个都没有", "一个也没有", "一单都没有", "一单也没有", "一笔都没有",
                    "什么都没有", "什么也没有", "啥都没有", "啥也没有", "毫无", "都不存在"),
    Label.HEDGE: ("好像", "似乎", "貌似", "可能", "也许", "或许", "说不定", "不一定", "不确定",
                  "不太确定", "不敢确定", "不清楚", "不太清楚", "不大清楚", "不是很清楚",
                  "不是很确定", "不知道", "不晓得", "不记得", "不太记得", "记不清", "记不得",
                  "忘了", "忘记", "忘记了", "没注意", "没留意", "搞不清", "搞不清楚", "弄不清",
                  "不好说", "说不准", "说不好", "难说", "没印象", "不敢说", "没把握", "不了解"),
    # YES / NO are given by `chinese_words` to answer words standing alone (ANSWERS).
    # Phrases that contain a key word but say nothing here.
    Label.NOOP: ("没问题", "没关系", "没事", "不用", "不要紧", "没办法", "不客气", "不行",
                 "没想到", "不但", "不仅", "无论", "无需"),
    # Clause boundaries and conditions.
    Label.SPLIT: ("但是", "但", "可是", "不过", "然而", "只是", "所以", "然后", "后来", "之后",
                  "以后", "后", "其实", "实际上", "事实上", "等一下", "等等", "更正", "说错了",
                  "搞错了", "另外", "此外", "同时", "抱歉", "不好意思", "对不起", "不对"),
    Label.HYPO: ("如果", "假如", "要是", "万一", "假设", "若", "若是", "如若", "一旦", "只要",
                 "除非", "哪怕"),
    Label.QUESTION: ("吗", "么", "什么", "怎么", "怎样", "怎么样", "如何", "为什么", "为啥",
                     "啥", "哪", "哪里", "哪个", "多久", "多长时间", "多少", "几天", "是否",
                     "能否", "可否", "是不是", "有没有", "还有没有", "能不能", "可不可以",
                     "会不会", "要不要", "行不行", "对不对"),
}

# NORMs that differ from the label's: the engine reads these English words.
ZH_NORMS: Mapping[str, str] = {
    "账号": "account", "账户": "account", "帐号": "account", "帐户": "account",
    "一个都没有": "none", "一个也没有": "none", "一单都没有": "none", "一单也没有": "none",
    "一笔都没有": "none", "什么都没有": "none", "什么也没有": "none", "啥都没有": "none",
    "啥也没有": "none", "待处理": "pending",
}

LABEL_NORMS: Mapping[Label, str] = {
    Label.STORE: "store", Label.ORDER: "order", Label.VIOLATION: "violation",
    Label.PENALIZED: "penalize", Label.DISPUTE: "dispute", Label.COMPLAINED: "complain",
    Label.CANCEL: "cancel", Label.FINISH: "finish", Label.APPROVE: "approve",
    Label.CONFIRM: "confirm", Label.RESOLVE: "resolve", Label.DELIVER: "deliver",
    Label.RECEIVE: "receive", Label.SHIP: "ship", Label.OPEN: "open", Label.START: "start",
    Label.PROGRESS: "processing", Label.APPLY: "apply", Label.REJECT: "reject",
    Label.UNFINISHED: "unfinished", Label.ORDER_PENDING: "unfinished", Label.CLEAN: "clean",
    Label.EXIST: "exist", Label.CAUSE: "because", Label.STILL: "still",
    Label.EXCEPT: "except", Label.NEG: "not", Label.DET_NEG: "no", Label.HEDGE: "unsure",
    Label.YES: "yes", Label.NO: "nope", Label.NOOP: "noop", Label.SPLIT: "|",
    Label.HYPO: "if", Label.QUESTION: "?",
}

# Words with no label of their own, as the English word the engine knows (FILLERS, NP_WORDS,
# CONJ, PRONOUNS, ALL_WORDS, BUYER_WORDS, PREPOSITIONS). Words that are in no table are read as
# unknown words: a clause with one is about something else unless it names a fact.
ZH_WORDS: Mapping[str, str] = {
    # people and things
    "我": "i", "我们": "we", "我的": "my", "我们的": "our", "咱们": "we", "你": "you",
    "您": "you", "你们": "you", "它": "it", "它们": "they", "他": "he", "她": "she",
    "他们": "they", "这个": "this", "那个": "that", "这": "this", "那": "that", "这些": "these",
    "那些": "those", "自己": "itself", "买家": "buyer", "顾客": "customer", "客户": "customer",
    "消费者": "buyer", "卖家": "seller", "商家": "seller", "店家": "seller", "平台": "platform",
    "速卖通": "aliexpress", "全球速卖通": "aliexpress", "阿里速卖通": "aliexpress",
    "速卖通平台": "aliexpress", "系统": "system", "后台": "system", "卖家后台": "system",
    "商家后台": "system", "速卖通后台": "system", "记录": "record", "任何": "any", "个": "a",
    "各种": "any", "每个": "every", "每": "every", "全部": "all", "全都": "all", "所有": "all",
    "都": "all", "全": "all", "均": "all", "一共": "all", "总共": "all", "都已经": "all",
    "全部都": "all", "只有": "only", "有些": "some",
    # time and manner
    "已经": "already", "已": "already", "早就": "already", "早已": "already", "也": "also",
    "就": "just", "才": "just", "刚": "just", "刚刚": "just", "刚才": "just", "只": "only",
    "现在": "now", "目前": "currently", "当前": "currently", "暂时": "now", "如今": "now",
    "最近": "recently", "近期": "recently", "之前": "ago", "以前": "ago", "前": "ago",
    "昨天": "yesterday", "今天": "today", "明天": "tomorrow", "前天": "day", "上周": "week",
    "这周": "week", "上个月": "month", "上月": "month", "这个月": "month", "本月": "month",
    "去年": "year", "今年": "year", "明年": "year", "下个月": "month", "下月": "month",
    "下周": "week", "下星期": "week", "月底": "month", "年底": "year", "前几天": "day",
    "前段时间": "time", "早上": "morning",
    "晚上": "night", "上午": "morning", "下午": "day", "一直": "ever", "从来": "ever",
    "始终": "ever", "再": "again", "又": "again", "终于": "finally", "最后": "finally",
    "后面": "later", "正式": "officially", "彻底": "completely", "完全": "completely",
    "真的": "really", "确实": "really", "非常": "really", "当然": "certain", "肯定": "certain",
    "确定": "certain", "一定": "certain", "应该": "probably", "大概": "probably",
    "估计": "probably", "大约": "probably", "我觉得": "think", "我认为": "think",
    "觉得": "think", "认为": "think", "记得": "think", "我记得": "think",
    "感觉": "think", "显示": "say", "提示": "say", "说": "say", "告诉": "say", "马上": "soon",
    "尽快": "soon", "很快": "soon",
    # grammar and courtesy
    "是": "be", "是的": "be", "被": "be", "把": "the", "将": "the", "给": "for", "对": "for",
    "对于": "for", "在": "in", "上": "there", "里": "there", "里面": "there", "这里": "here",
    "那里": "there", "中": "in", "内": "in", "请": "please", "谢谢": "thanks", "感谢": "thanks",
    "嗯": "ok", "嗯嗯": "ok", "恩": "ok", "好的": "ok", "没错": "ok", "对的": "ok", "对啊": "ok",
    "是啊": "ok", "你好": "hi", "您好": "hi", "哈哈": "haha", "一下": "just", "去": "go",
    "来": "go", "帮": "for", "帮我": "for", "那么": "so", "这么": "so", "关于": "about",
    "相关": "about", "的话": "if",
    # content words that are none of the facts: a clause with one is about something else
    "状态": "status", "情况": "status", "退款": "refund", "退保证金": "refund",
    "保证金": "deposit", "押金": "deposit", "银行": "bank", "银行账户": "bank",
    "收款账户": "bank", "银行卡": "bank", "支付宝": "alipay",
    "单号": "number", "编号": "number", "退货": "return", "货款": "money", "缺货": "stock",
    "海关": "customs", "关税": "tax", "关注": "follow", "关系": "matter", "开始": "begin",
    "打开": "browse", "离开": "leave", "开心": "happy", "发票": "invoice", "发现": "find",
    "发送": "send", "发布": "publish", "有效": "valid", "有点": "bit", "别的": "other",
    "其他": "other", "其余": "other", "原因": "reason", "未来": "future", "中国": "china",
    "申诉": "appeal", "以上": "above", "上传": "upload", "了解": "know", "其中": "of",
    "办理": "do", "处于": "in",
    # lists
    "和": "and", "跟": "and", "与": "and", "及": "and", "以及": "and", "并且": "and",
    "而且": "and", "或": "or", "或者": "or", "或是": "or", "要么": "or",
    # a goal or a request before a verb: only marks the verb as not done yet (`chinese_words`)
    "要": "intend", "想": "intend", "想要": "intend", "打算": "intend", "准备": "intend",
    "计划": "intend", "将要": "intend", "即将": "intend", "会": "intend", "需要": "intend",
    "必须": "intend", "希望": "intend", "能": "intend", "可以": "intend", "才能": "intend",
    "正在": "currently", "正": "currently", "待": "intend",
}
# Words that count vaguely, as "some" / "several" do in English (WORD_NUMBERS).
VAGUE_COUNTS: Mapping[str, int] = {
    "一些": 2, "好几个": 3, "好几": 3, "多个": 2, "很多": 3, "许多": 3, "好多": 3, "不少": 3,
    "若干": 3, "一堆": 3,
}

# One word that says two things, in order: 关店 = "close" + "store".
COMPOUNDS: Mapping[str, tuple[Label, ...]] = {
    "关店": (Label.CANCEL, Label.STORE), "闭店": (Label.CANCEL, Label.STORE),
    "退店": (Label.CANCEL, Label.STORE), "撤店": (Label.CANCEL, Label.STORE),
    "关了店": (Label.CANCEL, Label.STORE), "退出平台": (Label.CANCEL, Label.STORE),
    "退出速卖通": (Label.CANCEL, Label.STORE), "开店": (Label.OPEN, Label.STORE),
    "还有": (Label.STILL, Label.EXIST),
}

# --------------------------------------------------------------------------------------------
# Words the rules of `chinese_words` and `chinese_clauses` look for.
# --------------------------------------------------------------------------------------------
# Particles: read by the rules (了 ends a question "注销了没有", 的 makes "未发货的" a modifier),
# then dropped.
PARTICLES: frozenset[str] = frozenset({
    "的", "了", "着", "过", "地", "得", "啊", "呀", "哦", "噢", "喔", "嘛", "啦", "哈", "呗",
    "哇", "呢", "之", "滴", "吧", "哟", "咯", "喽",
})
# "no" before a noun phrase ("没有违规") or standing alone ("没有"), else "not" ("没有发货").
DETERMINER_NEGATIONS: frozenset[str] = frozenset({
    "没有", "没", "无", "并没有", "从来没有", "从没有", "一直没有",
})
# "Cannot" after the verb: "注销不了", "关不掉".
CANNOT_AFTER: frozenset[str] = frozenset({"不了", "不掉", "不成", "不下来"})
# Answers standing alone in their part of the message: "是", "对的", "不是", "有".
ANSWERS: Mapping[str, Label] = {
    "是": Label.YES, "是的": Label.YES, "对": Label.YES, "对的": Label.YES, "没错": Label.YES,
    "确实": Label.YES, "当然": Label.YES, "肯定": Label.YES, "确定": Label.YES, "有": Label.YES,
    "嗯": Label.YES, "嗯嗯": Label.YES, "恩": Label.YES, "对啊": Label.YES, "是啊": Label.YES,
    "不": Label.NO, "不是": Label.NO, "不对": Label.NO, "否": Label.NO, "并不是": Label.NO,
}
# What may stand beside an answer word without making it part of a sentence: "应该是", "嗯，是的".
ANSWER_COMPANIONS: frozenset[str] = frozenset({
    "应该", "我觉得", "我认为", "当然", "肯定", "确实", "真的", "嗯", "嗯嗯", "恩", "好的",
})
# 吧 at the end doubts what these start: "应该没有违规吧" (a bare 吧 only softens).
HEDGE_OPENERS: frozenset[str] = frozenset({"应该", "大概", "估计"})
# A verb after these is not done yet: "要关店", "打算注销", "申请注销", "等审核通过", "正在关店".
GOAL_MARKERS: frozenset[str] = frozenset({
    "要", "想", "想要", "打算", "准备", "计划", "将要", "即将", "会", "需要", "必须", "希望",
    "能", "可以", "才能", "等", "等待", "在等", "等着", "正在", "还在", "仍在", "正",
})
# Requests make the verb after them undone, except the request's own success: "申请注销" is not
# cancelled, "申请通过" is the application approved.
REQUEST_MARKERS: frozenset[str] = frozenset({"申请", "提交", "提出", "要求"})
# Right before a verb: "在注销", "待解决"; right after it: "注销中".
ADJACENT_MARKERS: frozenset[str] = frozenset({"在", "待"})
AFTER_MARKERS: frozenset[str] = frozenset({"中"})
# What may stand between a marker and its verb: "准备把店铺注销", "要尽快关店".
MARKER_GAP: frozenset[str] = frozenset({
    "把", "将", "给", "帮", "帮我", "去", "来", "也", "都", "就", "再", "先", "马上", "尽快",
    "一下", "赶紧", "立刻", "正式", "彻底", "我", "我们", "它", "审核",
})
# Time words may stand in that gap too: "打算下个月关店".
MARKER_GAP_NORMS: frozenset[str] = frozenset({
    "time", "day", "week", "month", "year", "today", "tomorrow", "soon", "now", "currently",
})
# Words after a fact word that start its predicate: "店铺已经注销纠纷也解决了" is two clauses.
PREDICATE_STARTS: frozenset[str] = frozenset({
    "也", "都", "已经", "已", "没", "没有", "还没", "还没有", "尚未", "未", "正在", "不", "均",
    "全部", "全都", "仍", "依然", "早就", "都已经", "也都", "也没", "也没有", "还", "还是",
})
# A question from here on: "店铺注销了，可以申请吗" (cut before 可以 when the clause asks).
QUESTION_OPENERS: frozenset[str] = frozenset({
    "可以", "能", "能否", "能不能", "可不可以", "怎么", "如何", "为什么", "为啥", "是否",
    "什么时候", "多久", "需要",
})
# The condition comes before these: "有纠纷的话", "注销之前".
CONDITION_ENDS: frozenset[str] = frozenset({"的话"})
BEFORE_ENDS: frozenset[str] = frozenset({"之前", "以前"})
AFTER_ENDS: frozenset[str] = frozenset({"后", "之后", "以后"})  # only before a question
# Verbs said only of a store: a clause with one and no store word is about the store.
STORE_VERBS: frozenset[str] = frozenset({"注销"})
# A STORE word followed by one of these and then a fact word is only where the fact is:
# "店铺有违规", "店里没有纠纷".
PLACE_LINKS: frozenset[str] = frozenset({"有", "里", "上", "里面", "内", "中", "没有", "还有"})

# What OpenCC leaves in Traditional form: 開著 -> 开著, where Simplified writes 开着.
SIMPLIFIED_FIXES: Mapping[str, str] = {"著": "着"}

# --------------------------------------------------------------------------------------------
# Numbers: "两个订单", "三笔", "0个纠纷", "2个月前".
# --------------------------------------------------------------------------------------------
NUMERALS: frozenset[str] = frozenset("零〇一二两三四五六七八九十百千万几0123456789")
CLASSIFIERS: tuple[str, ...] = (
    "个", "笔", "单", "条", "次", "件", "项", "起", "宗", "张", "份", "分", "只", "单子",
)
# A count with these and no fact word after it counts orders: "还有三笔没发货".
ORDER_CLASSIFIERS: frozenset[str] = frozenset({"笔", "单", "单子"})
# After a number these make it a time, a date, or money, not a count of things.
NUMBER_UNITS_ZH: tuple[str, ...] = (
    "工作日", "星期", "礼拜", "小时", "分钟", "钟头", "季度", "天", "日", "号", "周", "月", "年",
    "点", "秒", "元", "块", "美元", "美金", "刀", "人民币", "%", "岁",
)
# Before a number: an ordinal or an id, not a count.
NOT_COUNT_BEFORE: frozenset[str] = frozenset({
    "第", "#", "号", "编号", "订单号", "单号", "最后", "这", "那", "每",
})
# fmt: on
