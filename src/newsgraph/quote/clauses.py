"""The rules over spaCy's parse: a verb of saying or believing, its subject and its clause (direct,
indirect and mixed quotes, split around their cue); naming verbs ("called the charges
'unsubstantiated'"); "According to X, …"; "In X's opinion, …".
"""

from __future__ import annotations

from ..text.attribution import (
    BELIEF,
    CUE_LEMMAS,
    NAMING_VERBS,
    OPINION_NOUNS,
    SPEECH,
    XCOMP_CUES,
    Segment,
)
from .common import Found, _doc_text, _mention, _trim, _where_not_what


def _sentence_quotes(sent, segments: list[Segment]) -> list[Found]:
    out: list[Found] = []
    opinion_speaker = None
    for tok in sent:
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            f = _according_to(sent, tok)
            if f:
                out.append(f)
        elif tok.dep_ == "prep" and tok.lower_ == "in":
            f = _opinion_frame(sent, tok)
            if f:
                opinion_speaker = f.speaker_token
                out.append(f)
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in NAMING_VERBS:
            f = _naming_quote(tok, segments)
            if f:
                out.append(f)
    # Verbs of saying claim quote marks before verbs of believing ("I think" inside a quote).
    cues = sorted(
        (t for t in sent if t.lemma_.lower() in CUE_LEMMAS), key=lambda t: (t.lemma_.lower() in BELIEF, t.i)
    )
    for tok in cues:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.lemma_.lower() == "point" and not any(c.lower_ == "out" for c in tok.children):
            continue
        if tok.lemma_.lower() in NAMING_VERBS and any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("for", "on")) for c in tok.children
        ):
            continue  # done above
        if (
            tok.lower_ in ("know", "mean", "see")
            and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].is_punct
            and tok.i > 0
            and tok.doc[tok.i - 1].lower_ in ("you", "i")
        ):
            continue  # "you know," "I mean": a filler, not a cue
        f = _verb_quote(sent, tok, segments, opinion_speaker)
        if f:
            out.append(f)
    return out


def _verb_quote(sent, verb, segments: list[Segment], opinion_speaker) -> Found | None:
    subj = _speaker_of(verb, opinion_speaker)
    if subj is None and verb.dep_ not in ("ROOT", "parataxis"):
        return None
    doc = sent.doc
    cue = _cue_of(verb)
    # Direct: a quote segment in this sentence that the verb lies outside of.
    in_sent = [
        s
        for s in segments
        if s.start < sent.end_char and s.end > sent.start_char and not (s.start <= verb.idx < s.end)
    ]
    pieces = _complement_parts(verb)
    comp = (pieces[0][0], pieces[-1][1]) if pieces else None
    if in_sent and comp is not None and len(pieces) == 1 and _quoted_with_more(doc, comp, in_sent):
        # 'The country "has made dramatic changes," he said': the reported clause is what was
        # said, the quote marks mark the speaker's own words within it.
        for seg in in_sent:
            seg.claimed = True
        return Found("mixed", [_trim(_doc_text(doc), *comp)], cue, _mention(subj), subj, 0.85)
    if in_sent and (comp is None or _mostly_quoted(comp, in_sent)):
        parts = _direct_parts(doc, verb, in_sent)
        if parts:
            return Found("direct", parts, cue, _mention(subj), subj, 0.9)
    if comp is None:
        comp = _clause_before(sent, verb, subj)
        if comp is None:
            # "X said:" with the quote in the next sentence, or a verb with no clause: not a quote here.
            return None
        pieces = [comp]
    return _reported(sent, verb, pieces, segments, cue, subj)


def _speaker_of(verb, opinion_speaker):
    """The token that says it: the verb's subject, or in the passive its agent ("Parents were asked
    what should change", "The shares are expected to bring …": the subject is who was asked or what is
    spoken of; the agent speaks, or no one named)."""
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not own and opinion_speaker is not None and verb.dep_ == "conj":
        subj = opinion_speaker  # "In Blinken's opinion, …, but reiterated that …": Blinken again
    else:
        subj = _subject(verb)
    if subj is not None and subj.dep_ == "nsubjpass":
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return subj


def _cue_of(verb) -> tuple[int, int]:
    """The cue's span: the verb, with whom it addresses ("told reporters"; not "whom he told")."""
    cue = (verb.idx, verb.idx + len(verb.text))
    if verb.lemma_.lower() in ("tell", "inform", "assure", "ask", "urge", "warn", "accuse"):
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None and obj.i > verb.i:
            cue = (verb.idx, obj.idx + len(obj.text))
    return cue


def _direct_parts(doc, verb, in_sent: list[Segment]) -> list[tuple[int, int]]:
    """The quoted segments the verb attributes (and claims), up to the next verb of saying:
    '"…," Trump said, adding later, "…"': what follows the next verb of saying is its own."""
    parts = []
    nxt = next(
        (
            c.idx
            for c in verb.children
            if c.i > verb.i
            and c.dep_ in ("conj", "advcl", "xcomp")
            and c.lemma_.lower() in SPEECH
            and not any(sg.start <= c.idx < sg.end for sg in in_sent)
        ),
        None,
    )
    for seg in in_sent:
        if seg.claimed or (nxt is not None and seg.start > nxt):
            continue
        if len(_doc_text(doc)[seg.start : seg.end].split()) <= 3:
            continue  # a name or a scare-quoted word in the sentence, not what was said
        seg.claimed = True
        parts.append(_trim(_doc_text(doc), seg.start, seg.end))
    return parts


def _reported(sent, verb, pieces, segments: list[Segment], cue, subj) -> Found | None:
    """An indirect (or mixed) statement: the verb's clause, without the cue and its speaker."""
    doc = sent.doc
    # "talks, which sources said would focus on …": the cue and its speaker are no part of what was said
    after = next((t for t in doc[verb.i + 1 : sent.end] if not t.is_punct), None)
    pieces = [
        ((after.idx if after is not None else e), e) if s <= verb.idx < e else (s, e) for s, e in pieces
    ]
    parts = [_trim(_doc_text(doc), s, e) for s, e in pieces]
    parts = [p for p in parts if p[1] > p[0]]
    if not parts or sum(e - s for s, e in parts) < 8:
        return None
    start, end = parts[0][0], parts[-1][1]
    if _where_not_what(verb, _doc_text(doc)[start:end]):
        return None
    kind = "mixed" if any(s.start < end and s.end > start for s in segments) else "indirect"
    return Found(kind, parts, cue, _mention(subj), subj, 0.8 if subj is not None else 0.5)


def _naming_quote(verb, segments: list[Segment]) -> Found | None:
    """'Cruz called Trump a "pathological liar"': the content runs from the object to the end of what
    it is called (a quote that begins there runs to its closing mark)."""
    if verb.dep_ in ("acl", "amod") or any(c.dep_ in ("prt", "agent") for c in verb.children):
        return None  # "a group called …", "called off", "was called by"
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    prep = next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on") and c.i == verb.i + 1),
        None,
    )
    if obj is None and prep is not None and verb.lemma_.lower() == "call":
        # "called for a moratorium", "called on Trump to stop attacking Machado"
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    subj = _subject(verb)
    if obj is None or subj is None:
        return None
    ends = [
        c.right_edge
        for c in verb.children
        if c.i > verb.i
        and (
            c.dep_ in ("dobj", "oprd", "xcomp", "ccomp")
            or (c.dep_ == "prep" and (c.lower_ == "as" or (prep is not None and c.i == prep.i)))
        )
    ]
    doc = verb.doc
    text = _doc_text(doc)
    start = obj.left_edge.idx
    if not ends:
        return None
    last = max(ends, key=lambda t: t.i)
    end = last.idx + len(last.text)
    for seg in segments:
        if start <= seg.outer_start <= end < seg.outer_end:
            end = seg.end
    if end - start < 3:
        return None
    parts = [_trim(text, start, end)]
    inside = [sg for sg in segments if sg.start < parts[0][1] and parts[0][0] < sg.end]
    for sg in inside:
        sg.claimed = True
    cue = (verb.idx, verb.idx + len(verb.text))
    return Found("mixed" if inside else "indirect", parts, cue, _mention(subj), subj, 0.75)


def _subject(verb):
    """The verb's subject (the nearest, where the parser gave two), the speaker of an inverted
    '"…," said Smith', or the subject of the verb it is coordinated with or subordinate to."""
    tok = verb
    for _ in range(3):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            # "Moon Jae-in said" parsed as two subjects, "Jae" and "in": the name's part is the subject
            named = [c for c in subjects if c.pos_ == "PROPN"] if len(subjects) > 1 else []
            return min(named or subjects, key=lambda c: abs(c.i - tok.i))
        if tok is verb and _after_quote_or_comma(verb):
            inverted = next(
                (
                    c
                    for c in verb.rights
                    if c.dep_ in ("dobj", "attr", "npadvmod", "dative")
                    and c.pos_ in ("NOUN", "PROPN", "PRON")
                ),
                None,
            )
            if inverted is not None:
                return inverted
        if tok is verb and (stranded := _stranded_subject(verb)) is not None:
            return stranded
        if tok is verb and (quoted := _quoted_as(verb)) is not None:
            return quoted
        if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head is not tok:
            tok = tok.head
        else:
            return None
    return None


def _quoted_as(verb):
    """'Interfax quoted Lavrov as saying …': the one quoted speaks, not the one who quotes."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.i < 2 or doc[verb.i - 1].lower_ != "as":
        return None
    for t in reversed(doc[max(verb.sent.start, verb.i - 10) : verb.i - 1]):
        if t.lemma_.lower() in ("quote", "cite"):
            obj = next((c for c in t.children if c.dep_ == "dobj" and c.i < verb.i), None)
            if obj is None and t.i + 1 < verb.i - 1 and doc[t.i + 1].pos_ in ("PROPN", "NOUN"):
                obj = doc[t.i + 1]
            return obj
    return None


_TAIL_WORDS = frozenset("on in at a an the statement yesterday today tonight late earlier later".split())


def _stranded_subject(verb):
    """'…, a spokesman for the Taiwan Textile Federation said.': the parser hung the speaker on the
    clause before (an apposition of its last noun); the noun phrase between the last comma and a verb
    that ends the sentence is its subject."""
    sent = verb.sent
    tail = verb.doc[verb.i + 1 : sent.end]
    if any(not (t.is_punct or t.ent_type_ in ("DATE", "TIME") or t.lower_ in _TAIL_WORDS) for t in tail):
        return None
    comma = next((t for t in reversed(verb.doc[sent.start : verb.i]) if t.text == ","), None)
    if comma is None or comma.i - sent.start < 4:
        return None
    span = verb.doc[comma.i + 1 : verb.i]
    if not 1 <= len(span) <= 12 or any(t.pos_ in ("VERB", "AUX") or t.text in "\"“”'‘’" for t in span):
        return None
    heads = [
        t for t in span if not (span.start <= t.head.i < span.end) and t.pos_ in ("NOUN", "PROPN", "PRON")
    ]
    return heads[0] if len(heads) == 1 else None


def _after_quote_or_comma(verb) -> bool:
    prev = verb.doc[verb.i - 1] if verb.i else None
    return prev is not None and prev.text in (",", '"', "”", "»", "’", "'")


def _complement_parts(verb) -> list[tuple[int, int]]:
    """The reported clause in one or two pieces: 'The test, North Korea said, was its biggest'
    has the cue inside it; 'The efforts are expected to continue' reports its subject too."""
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and lemma in XCOMP_CUES):
            span = _subtree_span(c, trim_tail=True)
            obj = next((o for o in verb.children if o.dep_ == "dobj" and verb.i < o.i < c.i), None)
            if c.dep_ == "xcomp" and obj is not None:
                span = (
                    obj.left_edge.idx,
                    span[1],
                )  # "urged Republicans to join …": who is urged is part of it
            subj = next((s for s in verb.children if s.dep_ == "nsubjpass"), None)
            if c.dep_ == "xcomp" and subj is not None and subj.i < verb.i:
                return [_subtree_span(subj), span]
            return [span]
    if verb.dep_ == "parataxis" and verb.head.dep_ == "ROOT":
        head = verb.head
        outside = [t for t in head.subtree if not _within(verb, t)]
        left = [t for t in outside if t.i < verb.left_edge.i]
        right = [t for t in outside if t.i > verb.right_edge.i]
        parts = []
        for piece in (left, right):
            if piece is right:
                # '"…," they said, under Article 21 …': a phrase after the cue that is no clause is the
                # writer's
                cut = next(
                    (
                        t
                        for t in piece
                        if t.dep_ == "advcl"
                        and t.left_edge.lower_ in ("although", "though")
                        and t.left_edge.i > piece[0].i
                    ),
                    None,
                )
                if cut is not None:
                    piece = [
                        t
                        for t in piece
                        if t.i < cut.left_edge.i and not (t.is_punct and t.i == cut.left_edge.i - 1)
                    ]
                if not any(t.pos_ in ("VERB", "AUX") for t in piece):
                    continue
            if piece and any(not t.is_punct for t in piece):
                parts.append((piece[0].idx, piece[-1].idx + len(piece[-1].text)))
        return parts
    return []


def _clause_before(sent, verb, subj) -> tuple[int, int] | None:
    """'CLAUSE, X said.' where the parser did not make CLAUSE the verb's complement: the words
    from the sentence start to the comma before the speaker, when they hold a verb of their own."""
    if verb.dep_ != "ROOT" or subj is None:
        return None
    edge = min(subj.left_edge.i, verb.i)
    comma = next((t for t in reversed(list(sent.doc[sent.start : edge])) if t.text == ","), None)
    if comma is None or comma.i < sent.start + 4:
        return None
    clause = sent.doc[sent.start : comma.i]
    if not any(t.pos_ in ("VERB", "AUX") for t in clause) or any(
        t.is_sent_start and t.i > sent.start for t in clause
    ):
        return None
    first = next((t for t in clause if not t.is_punct and t.lower_ not in ("but", "and", "so")), None)
    if (
        first is None
        or first.dep_ == "mark"
        or first.tag_ in ("VBG", "VBN", "IN", "MD")
        or clause.root.dep_ in ("advcl", "prep")
    ):
        # "Despite …,", "Speaking to students …,", "Should the company …,": a circumstance, not what was said
        return None
    return clause.start_char, clause.end_char


def _within(verb, tok) -> bool:
    return verb.left_edge.i <= tok.i <= verb.right_edge.i


def _subtree_span(tok, trim_tail: bool = False) -> tuple[int, int]:
    """A token's subtree as characters; ``trim_tail`` leaves off a closing apposition or participle
    after a comma (", the alliance that …", ", forcing them …"), which reports nothing."""
    left, right = tok.left_edge, tok.right_edge
    if trim_tail:
        doc = tok.doc
        for t in tok.subtree:
            if t.i <= tok.i or t.right_edge.i != right.i or t.i == right.i:
                continue
            prev = doc[t.left_edge.i - 1]
            if prev.text == "," and (
                t.dep_ == "appos" or (t.dep_ in ("advcl", "acl") and t.tag_ == "VBG" and t.left_edge.i == t.i)
            ):
                right = doc[prev.i - 1]
                break
            if prev.text == "," and t.dep_ == "advcl" and t.left_edge.lower_ in ("although", "though"):
                right = doc[prev.i - 1]  # ", although …": the writer's concession, not what was said
                break
            if (
                t.dep_ == "conj"
                and t.pos_ == "VERB"
                and t.lemma_.lower() in SPEECH
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            ):
                # "he would order a review and warned against hackers": the speaker's next act
                cc = next((c for c in t.head.children if c.dep_ == "cc" and t.head.i < c.i < t.i), None)
                right = doc[(cc.i if cc is not None else t.left_edge.i) - 1]
                if right.text == ",":
                    right = doc[right.i - 1]
                break
    return left.idx, right.idx + len(right.text)


def _quoted_with_more(doc, comp: tuple[int, int], segs: list[Segment]) -> bool:
    """Every open quote of the sentence lies inside the clause, and the clause has words of its own
    outside them: a mixed quote."""
    text = _doc_text(doc)

    def inside(sg: Segment) -> bool:  # the clause may stop short of the closing punctuation and mark
        return comp[0] <= sg.outer_start and (
            sg.outer_end <= comp[1] or not text[comp[1] : sg.outer_end].strip(" ,.;:!?\"“”«»„‘’'")
        )

    if any(sg.claimed for sg in segs) or not all(inside(sg) for sg in segs):
        return False
    outside = [i for i in range(*comp) if not any(sg.outer_start <= i < sg.outer_end for sg in segs)]
    return sum(1 for i in outside if text[i].isalpha()) >= 3


def _mostly_quoted(span: tuple[int, int], segs: list[Segment]) -> bool:
    """Most of a complement lies inside quote marks: a direct quote, not a mixed one."""
    inside = sum(max(0, min(span[1], s.outer_end) - max(span[0], s.outer_start)) for s in segs)
    return inside >= 0.7 * (span[1] - span[0])


def _according_to(sent, according) -> Found | None:
    to = next(c for c in according.children if c.lower_ == "to")
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase_start = according.idx
    phrase_end = pobj.right_edge.idx + len(pobj.right_edge.text)
    text = _doc_text(sent.doc)
    before = [t for t in sent if t.idx < phrase_start]
    after = [t for t in sent if t.idx >= phrase_end and not t.is_punct]
    parts: list[tuple[int, int]]
    if phrase_start - sent.start_char < 3:  # According to X, CLAUSE
        parts = [(phrase_end, sent.end_char)]
    elif after and not any(t.pos_ in ("VERB", "AUX") for t in before):
        # "Last July, according to the report, the Service stated …": the clause is the rest; "The
        # lapse, according to a report, occurred …": the subject before and the rest
        subject = any(t.dep_ in ("nsubj", "nsubjpass") for t in before)
        parts = (
            [(sent.start_char, phrase_start), (phrase_end, sent.end_char)]
            if subject
            else [(phrase_end, sent.end_char)]
        )
    else:  # CLAUSE, according to X.
        parts = [(sent.start_char, phrase_start)]
    trimmed = []
    for s, e in parts:
        s, e = _trim(text, s, e)
        while e > s and text[e - 1] in ".!?":
            e -= 1
        if e > s:
            trimmed.append((s, e))
    if not trimmed or sum(e - s for s, e in trimmed) < 8:
        return None
    cue = (min(according.idx, to.idx), max(according.idx + len(according.text), to.idx + len(to.text)))
    return Found("according_to", trimmed, cue, _mention(pobj), pobj, 0.85)


def _opinion_frame(sent, prep) -> Found | None:
    """'In X's opinion, CLAUSE' (also view, words, assessment)."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in OPINION_NOUNS), None)
    if pobj is None:
        return None
    poss = next((c for c in pobj.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    text = _doc_text(sent.doc)
    frame_end = pobj.idx + len(pobj.text)
    head = prep.head
    # The clause the frame governs, up to a coordinated verb with its own cue ("but reiterated that").
    end = sent.end_char
    doc = sent.doc
    for c in head.children:
        if c.dep_ == "conj" and c.lemma_.lower() in CUE_LEMMAS:
            i = c.i
            while i - 1 > pobj.i and doc[i - 1].dep_ in ("cc", "punct"):
                i -= 1
            end = doc[i].idx
    start, end = _trim(text, frame_end, end)
    while end > start and text[end - 1] in ".!?":
        end -= 1
    if end - start < 8:
        return None
    cue = (prep.idx, frame_end)
    return Found("indirect", [(start, end)], cue, _mention(poss), poss, 0.85, extra={"frame": "opinion"})
