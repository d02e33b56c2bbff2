"""The words and marks of attribution, shared by the quote rules and the attribution tagger.

Cue words: verbs of saying and believing (``CUE_LEMMAS``), of judging and showing (``ATTITUDE``),
naming verbs ("called the charges unsubstantiated"), and what the tagger may take as a cue
(``MODEL_CUES``). Quote marks of many languages, and the quoted stretches of a text
(``quote_segments``), continuing over paragraphs that reopen an unclosed quote.
"""

from __future__ import annotations

from dataclasses import dataclass

# Verbs that attribute a statement (saying, reporting) or an inner state (believing, wanting).
SPEECH = frozenset(
    """
    say tell add note state stress insist claim argue explain warn announce report write ask reply
    respond answer continue declare reiterate emphasize emphasise acknowledge admit confirm deny suggest
    predict testify tweet post comment describe urge promise pledge vow assert contend maintain allege
    mention indicate agree disagree learn estimate quip joke recount remark observe concede boast
    complain lament demand propose inform assure reveal disclose signal hint caution advise recommend
    read conclude recall point charge accuse counter retort concur speculate acknowledge affirm
    """.split()
)
BELIEF = frozenset(
    "believe think know want hope expect fear worry feel doubt plan intend wish consider suspect "
    "understand".split()
)
CUE_LEMMAS = SPEECH | BELIEF
# What the tagger may take as a cue besides those: verbs and nouns of judging, arguing, asking, showing
# and feeling ("criticized", "cited", "the claim"). A tagged "cue" outside them is an act, not an
# attribution ("renegotiated trade deals", "was charged with"), and is dropped.
ATTITUDE = frozenset(
    """
    accept accusation acknowledgement acknowledgment address admire admission advocate allegation
    analysis announcement anticipate apologize appeal applaud argument assertion assessment assume
    attack back beg belief bemoan blame blast blog brag bristle calculate celebrate challenge champion
    characterise characterize chide chronicle cite clarify commend commit compare complaint concern
    conclusion condemn condemnation congratulate consent contest criticise criticism criticize debate
    decide declaration decline decry deem defend demonstrate denial denounce depict deride detail
    determine discover discuss dislike dismiss dispute document downplay echo encourage endorse
    endorsement envision equate establish exaggerate exhort express fault find finding forecast frame
    grill guarantee guess hail hate herald highlight idea identify imagine implore inquire insistence
    interview invite invoke judge lambast lambaste laud letter like liken lobby love memo message
    minimise minimize mock moralize object offer opinion oppose opposition outline paint perceive plead
    portray position praise preach prediction prefer press presume print proclaim project promote
    proposal protest prove publish push question quote rail raise realise realize rebuke rebut recite
    recognise recognize reference refuse refute regard reject rejection release repeat request response
    retweet retweete ridicule scold see seek seethe show slam speak speech stance statement suggestion
    support suppose talk testimony thank theory threat threaten tout underscore view vision warning
    weigh welcome wonder worried
    """.split()
)
# Cues whose clause complement is an infinitive: "wants to …", "vowed to …".
XCOMP_CUES = frozenset(
    "want hope plan intend expect promise vow pledge threaten urge ask wish decline refuse".split()
)
SELF_REFERENCE = frozenset("i we you me us".split())
# Verbs that give a judgement as a name: "called the charges unsubstantiated", "described Clinton as
# 'a lifetime politician'". What is said is the object and what it is called.
NAMING_VERBS = frozenset("call describe label dub brand term".split())
MODEL_CUES = CUE_LEMMAS | ATTITUDE | NAMING_VERBS
# Cues that in the passive tell of an act or a reputation, not of words: "was charged with", "is known for".
NOT_PASSIVE_CUES = frozenset("charge know see release post dismiss".split())
# Cues of a conversation: what follows is a topic ("discussed the prospects of relations"), a statement
# only where it is a clause ("discussed how the talks might resume").
TOPIC_CUES = frozenset("discuss talk debate address speak weigh interview".split())
OPINION_NOUNS = frozenset("opinion view words estimation assessment judgment judgement mind belief".split())

OPENERS = {"“": "”", "«": "»", "„": "“”", '"': '"', "‘": "’", "'": "'", "‹": "›", "「": "」", "”": "”"}


@dataclass
class Segment:
    """Text between quote marks: ``start:end`` inside the marks, ``outer_start:outer_end`` with them."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    claimed: bool = False


def quote_segments(text: str) -> list[Segment]:
    """Quoted stretches of ``text``, continuing over paragraphs that reopen an unclosed quote."""
    segments: list[Segment] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if (
            text[i : i + 2] in ("''", "``")
            and (i == 0 or not text[i - 1].isalnum())
            and i + 2 < n
            and text[i + 2].isalnum()
        ):
            # Typewriter quotes of some newsrooms: ''Tell that to the janitor,'' he said.
            j = text.find("''", i + 2)
            par = text.find("\n\n", i + 2)
            if j != -1 and (par == -1 or j < par):
                segments.append(Segment(i + 2, j, i, j + 2))
                i = j + 2
                continue
        if ch in OPENERS and _opens(text, i):
            closers = OPENERS[ch]
            if ch == "“":
                par = text.find("\n\n", i)
                rest = text[i + 1 : par if par != -1 else n]
                if "”" not in rest and '"' in rest:
                    closers = '"'  # “typed open, "typed shut: the paragraph has no other closing mark
            j = i + 1
            while j < n:
                c = text[j]
                if c in closers and _closes(text, j, ch):
                    break
                if ch == '"' and text[j : j + 2] == "''" and not text[j + 2 : j + 3].isalnum():
                    break  # "… history,'' he said: opened plain, shut the typewriter way
                if c == "\n" and text[j : j + 2] == "\n\n":
                    k = j
                    while k < n and text[k] in "\n ":
                        k += 1
                    if k < n and text[k] == ch:  # the next paragraph reopens: the quote runs on
                        j = k + 1
                        continue
                    break
                j += 1
            end = min(j, n)
            if ch == "'" and (end >= n or text[end] != "'"):
                i += 1  # a straight apostrophe ('90s, 'em) that no mark closes in its paragraph
                continue
            if end - i > 3:
                shut = (
                    2
                    if text[end : end + 2] == "''" and ch == '"'
                    else 1
                    if end < n and text[end] in closers
                    else 0
                )
                segments.append(Segment(i + 1, end, i, min(end + shut, n)))
            i = end + 1
        else:
            i += 1
    return segments


def _opens(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in "‘'":
        return (prev.isspace() or prev in "([—–-") and nxt.isalnum()
    if text[i] == '"':
        return not nxt.isspace() and (prev.isspace() or prev in "([—–-:" or i == 0)
    if text[i] == "”":  # a closing mark typed where an opening one belongs, at a paragraph's start
        return nxt.isalnum() and (i == 0 or prev == "\n")
    return True


def _closes(text: str, j: int, opener: str) -> bool:
    nxt = text[j + 1] if j + 1 < len(text) else " "
    if opener in "‘'" and text[j] == "’":
        return not nxt.isalpha()  # we’ve, it’s: an apostrophe, not a closing mark
    if opener == "'":
        prev = text[j - 1]
        if nxt.isalnum() or prev.isspace():
            return False  # don't, rock 'n' roll
        # the officials' statement: a plural's apostrophe, not a closing mark
        return not (prev == "s" and nxt == " " and text[j + 2 : j + 3].islower())
    return True
