"""Chinese phrasings and the facts they must give, mirroring the English tables in `cases`.

Every phrase is written in Simplified Chinese; the tests read each one in Traditional too.
"""

from tests.unit.store_state.cases import NONE, D, O, S, V, facts

STORE_CASES_ZH = [
    ("店铺已经注销了", facts(store=True)),
    ("我店已经注消了", facts(store=True)),  # the common typo for 注销
    ("已经关店了", facts(store=True)),
    ("退店了", facts(store=True)),
    ("我上个月把店关了", facts(store=True)),
    ("店铺关闭了", facts(store=True)),
    ("店铺已注销", facts(store=True)),
    ("店铺注销成功了", facts(store=True)),
    ("注销申请已经通过了", facts(store=True)),
    ("注销审核通过了", facts(store=True)),
    ("我申请了注销，已经通过了", facts(store=True)),
    ("店铺被平台清退了", facts(store=True)),
    ("店铺两个月前就注销了", facts(store=True)),
    ("账号已经注销", facts(store=True)),
    # not yet: in progress, applied for, planned, refused
    ("店铺还在注销中", facts(store=False)),
    ("正在关店", facts(store=False)),
    ("店铺正在注销", facts(store=False)),
    ("注销还在审核", facts(store=False)),
    ("注销申请审核中", facts(store=False)),
    ("我已经申请注销了", facts(store=False)),
    ("提交了注销申请", facts(store=False)),
    ("等待注销审核", facts(store=False)),
    ("打算下个月关店", facts(store=False)),
    ("我准备把店铺注销", facts(store=False)),
    ("我想注销店铺", facts(store=False)),
    ("注销申请被驳回了", facts(store=False)),
    ("注销失败了", facts(store=False)),
    ("店铺还开着", facts(store=False)),
    ("店铺还在正常营业", facts(store=False)),
    ("店铺还没注销", facts(store=False)),
    ("店铺尚未注销", facts(store=False)),
    ("还没有关店", facts(store=False)),
    ("我没有把店铺注销", facts(store=False)),
    ("店铺不能注销", facts(store=False)),
    ("店铺注销不了", facts(store=False)),
    ("店铺处于注销冷静期", facts(store=False)),
    ("店铺注销流程还没走完", facts(store=False)),
    ("平台还没审核通过", facts(store=False)),
    ("注销审核没通过", facts(store=False)),
    ("我已经退出速卖通了", facts(store=True)),
    ("我把店关掉了", facts(store=True)),
    ("店铺已经关闭，平台显示注销成功", facts(store=True)),
]

ORDER_CASES_ZH = [
    ("还有两个订单没发货", facts(orders=True)),
    ("还有三笔订单没完成", facts(orders=True)),
    ("还有三笔没发货", facts(orders=True)),
    ("有一个订单还在路上", facts(orders=True)),
    ("有2个订单在途", facts(orders=True)),
    ("还有未完成的订单", facts(orders=True)),
    ("有待处理订单", facts(orders=True)),
    ("还有进行中的订单", facts(orders=True)),
    ("有几个订单买家还没收到货", facts(orders=True)),
    ("订单还没有完成", facts(orders=True)),
    ("有一单买家没有确认收货", facts(orders=True)),
    ("还剩一个订单", facts(orders=True)),
    ("订单没有全部完成", facts(orders=True)),
    ("还有没发货的订单", facts(orders=True)),
    ("订单正在处理", facts(orders=True)),
    ("还有一个订单在派送中", facts(orders=True)),
    ("还有1个订单待收货", facts(orders=True)),
    ("还有未发货订单", facts(orders=True)),
    ("订单都完成了", facts(orders=False)),
    ("订单都处理完了", facts(orders=False)),
    ("所有订单都已签收", facts(orders=False)),
    ("没有未完成的订单", facts(orders=False)),
    ("没有待处理的订单", facts(orders=False)),
    ("无未完结订单", facts(orders=False)),
    ("0个订单", facts(orders=False)),
    ("零个待发货订单", facts(orders=False)),
    ("订单一个都没有了", facts(orders=False)),
    ("没有订单了", facts(orders=False)),
    ("订单：无", facts(orders=False)),
    ("订单都结束了", facts(orders=False)),
    ("买家已经全部确认收货了", facts(orders=False)),
    ("没有订单在途", facts(orders=False)),
    # shipped is not delivered, and says nothing about the other orders
    ("最后一个订单昨天发货了", NONE),
]

VIOLATION_CASES_ZH = [
    ("有违规记录", facts(violations=True)),
    ("去年被罚过一次", facts(violations=True)),
    ("店铺有两条违规", facts(violations=True)),
    ("我的店铺被扣分了", facts(violations=True)),
    ("有一个侵权处罚", facts(violations=True)),
    ("收到了一个处罚", facts(violations=True)),
    ("处罚还没撤销", facts(violations=True)),
    ("被扣了2分", facts(violations=True)),
    ("处罚申诉中", facts(violations=True)),
    ("违规扣分还在", facts(violations=True)),
    ("没有违规", facts(violations=False)),
    ("从来没有违规", facts(violations=False)),
    ("没有被处罚过", facts(violations=False)),
    ("没有任何处罚记录", facts(violations=False)),
    ("没有收到任何处罚", facts(violations=False)),
    ("违规已经撤销了", facts(violations=False)),
    ("处罚已经解除", facts(violations=False)),
    ("扣分已经清零", facts(violations=False)),
    ("违规申诉成功了", facts(violations=False)),
    ("违规扣分已经过期清零", facts(violations=False)),
    ("没被罚过", facts(violations=False)),
    ("记录良好", facts(violations=False)),
    ("违规：无", facts(violations=False)),
    ("零违规", facts(violations=False)),
]

DISPUTE_CASES_ZH = [
    ("有一个买家纠纷还没解决", facts(disputes=True)),
    ("有一个纠纷", facts(disputes=True)),
    ("买家开了一个纠纷", facts(disputes=True)),
    ("买家发起了纠纷", facts(disputes=True)),
    ("被买家投诉了", facts(disputes=True)),
    ("有一个投诉还在处理中", facts(disputes=True)),
    ("纠纷还没有解决", facts(disputes=True)),
    ("纠纷还开着", facts(disputes=True)),
    ("纠纷正在处理", facts(disputes=True)),
    ("有一个未解决的纠纷", facts(disputes=True)),
    ("纠纷已经解决了", facts(disputes=False)),
    ("纠纷关闭了", facts(disputes=False)),
    ("买家撤销了纠纷", facts(disputes=False)),
    ("纠纷我赢了", facts(disputes=False)),
    ("没有纠纷", facts(disputes=False)),
    ("没有买家纠纷", facts(disputes=False)),
    ("没有被投诉", facts(disputes=False)),
    ("0个纠纷", facts(disputes=False)),
    ("纠纷没有了", facts(disputes=False)),
    ("纠纷都处理好了", facts(disputes=False)),
    ("纠纷平台已经判了", facts(disputes=False)),
    ("纠纷在仲裁中", facts(disputes=True)),
    # a negated verb the tables do not know says nothing about whether the dispute exists
    ("有个仲裁还没出结果", facts(disputes=True)),
    # "closed" for a dispute means resolved, and the store in the phrase is only a place
    ("店铺的纠纷已经关闭了", facts(disputes=False)),
]

NEGATION_CASES_ZH = [
    ("没有违规和纠纷", facts(violations=False, disputes=False)),
    ("没有违规也没有纠纷", facts(violations=False, disputes=False)),
    ("违规和纠纷都没有", facts(violations=False, disputes=False)),
    ("没有违规、纠纷或未完成的订单", facts(orders=False, violations=False, disputes=False)),
    ("无违规无纠纷", facts(violations=False, disputes=False)),
    ("违规没有，纠纷也没有", facts(violations=False, disputes=False)),
    # the negation stops where the list stops
    ("没有违规，但是有一个纠纷还没解决", facts(violations=False, disputes=True)),
    ("没有违规，纠纷还开着", facts(violations=False, disputes=True)),
    ("没有未完成的订单，买家开了一个纠纷", facts(orders=False, disputes=True)),
    ("因为有未完成的订单，不能注销店铺", facts(store=False, orders=True)),
    ("店铺还没注销，纠纷已经解决了", facts(store=False, disputes=False)),
]

NUMBER_CASES_ZH = [
    ("两个订单，一个纠纷", facts(orders=True, disputes=True)),
    ("0个订单，0个纠纷", facts(orders=False, disputes=False)),
    ("好几个订单还没发货", facts(orders=True)),
    ("十二个订单没完成", facts(orders=True)),
    ("有两个纠纷，都已经解决了", facts(disputes=False)),
    # some of them: says nothing about the rest
    ("三个订单中两个已经签收了", facts(orders=True)),
    ("三个订单，其中两个已经签收了", facts(orders=True)),
    ("有两个买家投诉，一个解决了", facts(disputes=True)),
    ("订单都完成了，除了一个", facts(orders=True)),
    ("除了一个订单，其他订单都完成了", facts(orders=True)),
    ("还有一个订单没有确认收货，其他都完成了", facts(orders=True)),
    # numbers that count time or money, not things
    ("我两个月前关店了", facts(store=True)),
    ("店铺3天前已经注销", facts(store=True)),
    ("订单号12345还没发货", facts(orders=True)),
]

HEDGE_CASES_ZH = [
    ("好像有违规记录", facts(unsure={V})),
    ("不确定有没有违规", facts(unsure={V})),
    ("可能还有一个订单没发货", facts(unsure={O})),
    ("不知道有没有纠纷", facts(unsure={D})),
    ("不清楚店铺注销了没有", facts(unsure={S})),
    ("我不记得有没有被罚过", facts(unsure={V})),
    ("应该没有违规吧", facts(unsure={V})),
    ("应该已经注销了吧", facts(unsure={S})),
    ("也许有一个纠纷", facts(unsure={D})),
    ("不确定店铺有没有违规", facts(unsure={V})),
    ("没有未完成的订单，不确定有没有违规", facts(orders=False, unsure={V})),
    # "probably" without doubt is a statement, as in English
    ("应该已经注销了", facts(store=True)),
]

MULTI_FACT_CASES_ZH = [
    (
        "店铺已经注销了，没有未完成的订单，也没有违规和纠纷",
        facts(store=True, orders=False, violations=False, disputes=False),
    ),
    (
        "我的store已经closed了，订单都处理完了",
        facts(store=True, orders=False),
    ),
    ("店铺已经注销了，但是还有一个纠纷", facts(store=True, disputes=True)),
    (
        "店铺已注销，无未完成订单，无违规，无纠纷",
        facts(store=True, orders=False, violations=False, disputes=False),
    ),
    (
        "店铺已经注销了。订单都完成了。没有违规。纠纷也解决了。",
        facts(store=True, orders=False, violations=False, disputes=False),
    ),
    (
        "店铺还开着，有3个待处理订单，没有违规，纠纷不清楚",
        facts(store=False, orders=True, violations=False, unsure={D}),
    ),
    # no commas: a new subject with its own verb starts a new clause
    ("店铺已经注销纠纷也解决了", facts(store=True, disputes=False)),
    ("店铺注销了订单都完成了", facts(store=True, orders=False)),
    # the cause between the store and its verb
    ("店铺因为违规被关闭了", facts(store=True, violations=True)),
    ("店铺关了，还有两个订单没发货", facts(store=True, orders=True)),
    ("店铺有两个订单还没完成", facts(orders=True)),
    ("店铺违规被关闭了", facts(store=True, violations=True)),
    ("因为违规店铺被关闭了", facts(store=True, violations=True)),
    ("因为有纠纷，店铺注销不了", facts(store=False, disputes=True)),
    # spaces and line breaks between Chinese parts are commas
    (
        "店铺已注销 无订单 无违规 无纠纷",
        facts(store=True, orders=False, violations=False, disputes=False),
    ),
    # the left-out subject: the clause carries on the fact just mentioned
    ("订单都发货了，但是买家还没收到", facts(orders=True)),
    ("还有订单没有完成，所以还没注销", facts(store=False, orders=True)),
    # 的话 after a bare fact word names the topic
    ("违规的话有一个", facts(violations=True)),
    ("纠纷的话没有", facts(disputes=False)),
    ("订单的话还有两个", facts(orders=True)),
]

CORRECTION_CASES_ZH = [
    ("有一个纠纷，但是已经解决了", facts(disputes=False)),
    ("之前被罚过，后来撤销了", facts(violations=False)),
    ("有两个订单没发货，不对，已经都签收了", facts(orders=False)),
    ("没有纠纷。等等，昨天有个买家开了纠纷", facts(disputes=True)),
    ("店铺注销了，其实还在审核中", facts(store=False)),
]

MIXED_CASES_ZH = [
    ("我的store已经cancelled了", facts(store=True)),
    ("还有2个pending orders", facts(orders=True)),
    ("没有dispute", facts(disputes=False)),
    ("store closed, 没有纠纷", facts(store=True, disputes=False)),
    ("I closed my store. 还有一个纠纷", facts(store=True, disputes=True)),
    ("店铺注销了，no pending orders", facts(store=True, orders=False)),
    ("dispute已经resolved了", facts(disputes=False)),
    ("pending订单还有2个", facts(orders=True)),
]

# A question and facts in one message: the question states nothing, the facts still count.
COMPOUND_CASES_ZH = [
    ("还有两个订单没发货，可以申请吗？", facts(orders=True)),
    ("店铺已经注销了，能退保证金吗", facts(store=True)),
    ("店铺已经注销了可以申请退款吗", facts(store=True)),
    (
        "我的店铺注销了，没有订单，为什么还不能退保证金？",
        facts(store=True, orders=False),
    ),
    ("有一个纠纷还没解决，会影响退款吗？", facts(disputes=True)),
]

UNRELATED_CASES_ZH = [
    ("你好", NONE),
    ("谢谢", NONE),
    ("保证金多久到账", NONE),
    ("需要什么材料", NONE),
    ("我的退款申请被驳回了", NONE),
    ("银行账户关闭了", NONE),
    ("我想取消退款申请", NONE),
    # questions and conditions state nothing
    ("店铺注销了吗？", NONE),
    ("店铺注销了没有", NONE),
    ("我有没有未完成的订单", NONE),
    ("怎么注销店铺", NONE),
    ("如果买家开了纠纷怎么办", NONE),
    ("有纠纷的话还能申请吗", NONE),
    ("注销之前要做什么", NONE),
    ("注销以后还有纠纷怎么办", NONE),
    ("店铺注销后还能申请吗", NONE),
    ("店铺注销成功没", NONE),
    ("店铺注销没注销", NONE),
    ("注销店铺需要多久", NONE),
    ("店铺被冻结了", NONE),
    ("买家申请退款了，还没处理", NONE),
    ("关于纠纷的问题", NONE),
]

STATE_CASES_ZH = (
    STORE_CASES_ZH
    + ORDER_CASES_ZH
    + VIOLATION_CASES_ZH
    + DISPUTE_CASES_ZH
    + NEGATION_CASES_ZH
    + NUMBER_CASES_ZH
    + HEDGE_CASES_ZH
    + MULTI_FACT_CASES_ZH
    + CORRECTION_CASES_ZH
    + MIXED_CASES_ZH
    + COMPOUND_CASES_ZH
    + UNRELATED_CASES_ZH
)

# Written as sellers in Taiwan and Hong Kong write, with their own words (出貨, 帳號, 店舖).
TRADITIONAL_CASES = [
    ("我的店舖已經註銷了，帳號也關了", facts(store=True)),
    ("還有兩筆訂單沒出貨", facts(orders=True)),
    ("有一個買家爭議還沒處理完", facts(disputes=True)),
    ("店鋪還在關閉中", facts(store=False)),
    ("沒有違規，也沒有糾紛", facts(violations=False, disputes=False)),
    ("訂單都完成了，糾紛也解決了", facts(orders=False, disputes=False)),
    ("不確定有沒有處罰", facts(unsure={V})),
    ("店舖還開著", facts(store=False)),
    ("好像還有一筆訂單", facts(unsure={O})),
]

__all__ = ["STATE_CASES_ZH", "D", "O", "S", "V", "facts"]
