"""What the attribution tagger finds where no rule did: its source, cue and content spans, kept
where the cue is a word of saying, believing, judging, asking or showing, snapped to the cue's
clause and sentence.
"""

from __future__ import annotations

from ..text.attribution import (
    MODEL_CUES,
    NOT_PASSIVE_CUES,
    TOPIC_CUES,
    Segment,
)
from .clauses import _complement_parts, _subject
from .common import Found, _doc_text, _mention, _overlap, _token_gap, _trim, _where_not_what


def _model_quotes(sp, segments: list[Segment], found: list[Found]) -> list[Found]:
    """Attributions the tagger marks (content, cue, source) that no rule found.

    Each content span takes the nearest cue in its paragraph, and the cue the nearest source; of
    several content spans one cue gathers, the first after it is the quote.
    """
    from ..models.attribution import paragraphs, tag

    # A cue is kept only where its head word is a cue word or it reads "according …" (below): a
    # paragraph with neither is not tagged at all.
    spans = tag(
        sp,
        {i for seg in segments for i in range(seg.outer_start, seg.outer_end)},
        lambda lemma, low: lemma in MODEL_CUES or low.startswith("according"),
    )
    if not spans:
        return []
    taken = [(s, e) for f in found for s, e in f.parts]
    out: list[Found] = []
    text = _doc_text(sp)
    for p_start, p_end in paragraphs(sp):
        in_par = [t for t in spans if p_start <= t.start < p_end]
        sources = [t for t in in_par if t.label == "SRC"]
        for cue, contents in _contents_by_cue(in_par):
            parts = _tagged_parts(sp, text, cue, contents, segments)
            if not parts or any(_overlap(p, t) for p in parts for t in taken):
                continue
            src = min(sources, key=lambda q: (_token_gap(q, cue), q.start)) if sources else None
            head, mention = _tagged_speaker(sp, cue, src)
            cue_span = (sp[cue.start].idx, sp[cue.end - 1].idx + len(sp[cue.end - 1].text))
            if not _an_attribution(sp, text, cue, cue_span, parts, segments, mention, p_start):
                continue
            kind = _tagged_kind(sp, text, cue, cue_span, parts, segments)
            if kind is None:
                continue
            out.append(Found(kind, parts, cue_span, mention, head, 0.6, extra={"model": True}))
            taken.extend(parts)
    return out


def _contents_by_cue(in_par: list) -> list[tuple]:
    """Each cue of a paragraph with the content spans nearest to it."""
    cues = [t for t in in_par if t.label == "CUE"]
    by_cue: dict[int, list] = {}
    for c in (t for t in in_par if t.label == "CNT"):
        if not cues:
            continue
        cue = min(cues, key=lambda q: (_token_gap(q, c), q.start))
        by_cue.setdefault(id(cue), [cue]).append(c)
    return [(group[0], group[1:]) for group in by_cue.values()]


def _tagged_parts(sp, text: str, cue, contents: list, segments: list[Segment]) -> list[tuple[int, int]]:
    """The character spans of a cue's contents, within its sentence and snapped to its clause."""
    parts = [_trim(text, sp[c.start].idx, sp[c.end - 1].idx + len(sp[c.end - 1].text)) for c in contents]
    parts = _cue_sentence(sp, cue, parts, segments)
    parts = [p for p in parts if p[1] - p[0] >= 8]
    parts = _snap_to_clause(sp, cue, parts)
    if len(parts) > 1:
        # Tagged contents on both sides of one cue are seldom one statement (on PolNeAR dev,
        # 7% of such pairs were right as one quote): what follows the cue is what was said.
        at = sp[cue.start].idx
        parts = [next((p for p in parts if p[0] >= at), parts[-1])]
    return parts


def _tagged_speaker(sp, cue, src) -> tuple:
    """The speaker's head token and mention span: the cue's own subject where the tagger's source is
    far; in the passive the agent ("he was charged with …": the subject is who is spoken of)."""
    croot = sp[cue.start : cue.end].root
    if any(c.dep_ == "nsubjpass" for c in croot.children):
        agent = next(
            (g for c in croot.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        subj = next(c for c in croot.children if c.dep_ == "nsubjpass")
        if agent is not None:
            return agent, _mention(agent)
        if src is not None and not src.start <= subj.i < src.end and _token_gap(src, cue) <= 3:
            return sp[src.start : src.end].root, (
                sp[src.start].idx,
                sp[src.end - 1].idx + len(sp[src.end - 1].text),
            )
        return None, None
    parsed = _subject(croot)
    if parsed is not None and (src is None or _token_gap(src, cue) > 3):
        return parsed, _mention(parsed)
    if src is not None:
        return sp[src.start : src.end].root, (
            sp[src.start].idx,
            sp[src.end - 1].idx + len(sp[src.end - 1].text),
        )
    return None, None


def _an_attribution(
    sp, text: str, cue, cue_span, parts, segments: list[Segment], mention, p_start: int
) -> bool:
    """Whether a tagged cue attributes words to someone: not inside quoted words, a verb or noun of
    saying (or "according"), not a participle of an act or reputation, not a label or a topic."""
    croot = sp[cue.start : cue.end].root
    passive = any(c.dep_ == "nsubjpass" for c in croot.children)
    if any(sg.start <= cue_span[0] < sg.end for sg in segments):
        return False  # a cue inside someone's quoted words ("thinking we're going to shut up")
    according = text[cue_span[0] : cue_span[1]].lower().startswith("according")
    if croot.pos_ in ("ADP", "PUNCT", "SCONJ", "ADV") and not according:
        return False  # a tagged cue with no verb or noun ("about", ":"): 2 of 20 right on PolNeAR dev
    if not according and croot.lemma_.lower() not in MODEL_CUES:
        return False  # an act, not an attribution
    if croot.tag_ == "VBN" and (
        (
            croot.dep_ in ("acl", "amod", "advcl")
            and not any(c.dep_ in ("aux", "auxpass") for c in croot.children)
        )
        or (passive and croot.lemma_.lower() in NOT_PASSIVE_CUES)
    ):
        return (
            False  # "explosions, believed to be gunshots", "is known for", "was charged with": no one's words
        )
    if _where_not_what(croot, text[parts[0][0] : parts[0][1]]):
        return False
    if (
        mention is None
        and cue.start == p_start
        and not any(t.pos_ in ("VERB", "AUX") for t in sp[cue.start : cue.end])
    ):
        return False  # a label that opens a paragraph ("New threat: …", "Read more: …"), no one's words
    return not (
        croot.lemma_.lower() in TOPIC_CUES
        and not any(
            (span := sp.char_span(s, e, alignment_mode="expand")) is not None
            and (span.root.pos_ in ("VERB", "AUX") or span[0].tag_ in ("WDT", "WP", "WRB", "IN"))
            for s, e in parts
        )
    )  # a topic of talks, not a statement


def _tagged_kind(sp, text: str, cue, cue_span, parts, segments: list[Segment]) -> str | None:
    """according_to, direct, mixed or indirect, by how much of the content is in quote marks; None for
    an "According to X" whose content runs outside its sentence."""
    if text[cue_span[0] : cue_span[1]].lower().startswith("according"):
        sent = sp[cue.start].sent
        if any(not (sent.start_char <= s and e <= sent.end_char) for s, e in parts):
            return None  # "According to X, …" attributes its own sentence, not the one before
        return "according_to"
    inside = sum(max(0, min(e, sg.outer_end) - max(s, sg.outer_start)) for s, e in parts for sg in segments)
    total = sum(e - s for s, e in parts)
    return "direct" if inside >= 0.9 * total else ("mixed" if inside > 0 else "indirect")


def _cue_sentence(sp, cue, parts: list[tuple[int, int]], segments: list[Segment]) -> list[tuple[int, int]]:
    """A tagged content that runs past the end of a sentence is cut to the sentence nearest the
    cue, unless the sentence break lies inside quote marks (a quote of several sentences)."""
    out = []
    cue_i = cue.start
    for s, e in parts:
        span = sp.char_span(s, e, alignment_mode="expand")
        if span is None:
            out.append((s, e))
            continue
        sents = list(span.sents)
        if len(sents) == 1:
            out.append((s, e))
            continue
        breaks = [x.start_char for x in sents[1:]]
        if all(any(sg.start <= b < sg.end for sg in segments) for b in breaks):
            out.append((s, e))
            continue
        best = min(
            sents,
            key=lambda x: 0 if x.start <= cue_i < x.end else min(abs(x.start - cue_i), abs(x.end - cue_i)),
        )
        out.append(_trim(_doc_text(sp), max(s, best.start_char), min(e, best.end_char)))
    return out


def _snap_to_clause(sp, cue, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where the tagged cue is a verb whose clause the parse finds, and that clause and the tagged
    content mostly agree, the clause's bounds stand: the tagger knows what is reported, the parse
    where it begins and ends."""
    if not parts:
        return parts
    root = sp[cue.start : cue.end].root
    if root.pos_ not in ("VERB", "AUX"):
        return parts
    clause = [_trim(_doc_text(sp), s, e) for s, e in _complement_parts(root)]
    clause = [c for c in clause if c[1] > c[0]]
    if not clause:
        return parts
    tagged = {i for s, e in parts for i in range(s, e)}
    parsed = {i for s, e in clause for i in range(s, e)}
    both = len(tagged & parsed)
    if both >= 0.6 * len(tagged) and both >= 0.6 * len(parsed):
        return clause
    return parts
