"""Reads what a seller says about their own store as the four refund prerequisites.

A deposit refund needs (facts.md P1-P3): the store successfully cancelled, no pending orders, no
violation/penalty record, no open buyer dispute. Sellers describe this in free text ("I closed my
shop last month but a buyer opened a dispute"), so this package turns such text into four facts,
each True, False or None (not said), plus the facts the seller says they are unsure about.

Why rules and not a trained model: the answer is used to tell a seller whether they may apply, so
a wrong True/False is worse than None. The hard parts are logical, not lexical: negation ("never
had a violation", "no violations or disputes"), numbers ("0 orders left", "two penalties"),
unfinished states ("applied to close" is not closed), resolution ("the dispute was closed" means
no open dispute, "my store was closed" means cancelled) and corrections across sentences. Rules
over the project's own spaCy pipeline (`refund_assistant.spacy_pipeline`) handle these
predictably, need no training data, and every decision can be traced to one line of the tables
in `lexicon`.

How a text is read, one module per step:
1. `units`: spaCy tokens get a NORM (listed spelling, shorthand, lemma, or the key word a typo
   stands for); a Matcher finds the terms of the lexicon; numbers that count things get a count.
2. `clauses`: the units are cut into clauses; questions and conditions state nothing.
3. `phrases`: in a clause, the fact words, the lists they form, and which fact word each cue
   or negation describes.
4. `reader`: each cue leaves evidence for its fact; the clause concludes a value per fact.
   Clauses with no fact word are about the fact just mentioned, or the fact that was asked.
5. `message`: later clauses correct earlier ones; facts named explicitly win over a bare answer.

Chinese (Simplified or Traditional, alone or with English words in it) is read by the same steps
2-5: a message with Chinese characters gets its units from `chinese` instead of `units`. There a
Chinese word gets the label and NORM of its English counterpart (tables in `lexicon_zh`), and
the rules of `chinese_words` and `chinese_clauses` turn what Chinese says with separate words or
word order (没有 "no"/"not", 正在 / 要 / 申请 before a verb, 吗, 的话, commas left out) into the
units an English sentence would give. So one engine decides for both languages, and the answers
cannot drift apart.
"""

from refund_assistant.store_state.message import StoreFacts, parse_answer, parse_store_state

__all__ = ["StoreFacts", "parse_answer", "parse_store_state"]
