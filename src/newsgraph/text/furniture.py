"""Page furniture: the lines of a page that are not the story.

Navigation ("All news", "Home / World"), photo captions and credits ("© Russian Ministry of
Foreign Affairs/TASS", "REUTERS/File Photo"), sharing and follow prompts, tag lists, related-story
blocks, copyright notices and wire sign-offs. :func:`classify_line` names the kind of a line that is
furniture wherever it stands; :func:`is_trailer` judges the short lines that end a page.
"""

from __future__ import annotations

import re

# Site sections and navigation words: a short line made only of these is navigation.
NAV_WORDS = frozenset(
    """
    all news latest top stories story feed menu home world politics business economy economics
    sport sports society science culture tech technology opinion opinions search more main
    international national local regions region russia europe asia africa americas america us usa
    uk middle east health entertainment lifestyle life style video videos photo photos gallery
    galleries live breaking markets market press release releases archive archives about contact
    login log in sign subscribe today trending popular most read section sections military defense
    defence analysis features feature editorial editorials columns column blogs blog podcasts
    podcast newsletter newsletters weather travel education environment climate crime justice
    multimedia infographics interviews interview special reports report headlines daily weekly
    & and the of en english русский español français deutsch 中文 العربية
    """.split()
)

_AGENCIES = (
    r"TASS|ITAR-TASS|Reuters|REUTERS|AP|AP Photo|AFP|EPA|EPA-EFE|EFE|Getty Images|Getty|Shutterstock|"
    r"Xinhua|Sputnik|RIA Novosti|Bloomberg|Anadolu|ANP|DPA|dpa|PA|PA Images|ANSA|Kyodo|Yonhap|UPI|"
    r"Alamy|Pool|POOL|NurPhoto|SOPA Images|Zuma|ZUMA|Wikimedia Commons|Handout|HANDOUT"
)
_CREDIT = [
    re.compile(r"^\s*(?:©|\(c\)|Copyright\b)", re.I),
    re.compile(r"\ball rights reserved\b", re.I),
    re.compile(
        r"^\s*(?:photo|photograph|picture|image|video|illustration|source|credit)s?\s*(?:credit)?\s*[:/]",
        re.I,
    ),
    re.compile(r"\bphoto\s*:\s*\S", re.I),
    re.compile(
        r"^\s*(?:file|archive|stock|illustrative|illustration|handout)\s+(?:photo|image|picture)\b", re.I
    ),
    re.compile(rf"(?:^|[\s/])(?:{_AGENCIES})\s*/\s*(?:File\s+)?(?:Photo|Image|Pool)?\s*$"),
    re.compile(rf"^\s*(?:{_AGENCIES})\s*/\s*\S"),
    re.compile(rf"/\s*(?:{_AGENCIES})\s*$"),
]
_PROMPTS = re.compile(
    r"^\s*(?:share(?: this(?: article| story)?)?(?: on \w+)?|tweet|print|e-?mail|comments?|like|save|"
    r"follow us(?: on [\w ]+)?|subscribe(?: to [\w ]+)?|sign up(?: for [\w ]+)?|join us on [\w ]+|"
    r"read more|read also|also read|see also|more on this|more from [\w ]+|related(?: news| "
    r"articles| stories| content| coverage)?|"
    r"recommended(?: for you)?|you may also like|most read|trending now|advertisement|advert|ad|"
    r"sponsored(?: content)?|"
    r"skip to (?:main )?content|back to top|scroll to continue|continue reading|click here[\w ]*|"
    r"download (?:our|the) app|listen to (?:this|the) article|"
    r"tags?|topics?|keywords?)\s*[:.!»›>]*\s*$",
    re.I,
)
_TAGS = re.compile(r"^\s*(?:tags?|topics?|keywords?|filed under)\s*:\s*\S", re.I)
_READ_MORE = re.compile(
    r"^[\s\u200b-\u200d\u2060\ufeff]*(?:read more|read also|also read|see also|related|more)\s*:\s*\S", re.I
)
# A photo's caption, however long: "FILE PHOTO: A view of …" (Reuters), "FILE - In this photo …" (AP).
_CAPTION = re.compile(r"^\s*(?:FILE PHOTO|PHOTO|FILE)\s*(?::|\s[-–—])\s*\S")
_SIGNOFF = re.compile(r"^\s*(?:Reuters?|REUTERS?|\(Reporting by [^)]*\)|\(Editing by [^)]*\))\s*$")
_BREADCRUMB = re.compile(
    r"^\s*[^\s/>»|›]+(?:\s[^\s/>»|›]+){0,2}(?:\s+[/>»|›]\s+[^\s/>»|›]+(?:\s[^\s/>»|›]+){0,2})+\s*$"
)
_WORD = re.compile(r"[\w&]+", re.U)
_TERMINAL = re.compile(r"[.!?…\"”»’')\]。！？」』]\s*$")
_CONTACT = re.compile(
    r"(?:\S+@\S+\.\w+|^@\w+|https?://|www\.|\b(?:twitter|facebook|instagram|linkedin)\.com/)", re.I
)


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def classify_line(line: str) -> str | None:
    """The kind of furniture ``line`` is wherever it stands, or None when it may be story text."""
    stripped = line.strip()
    if not stripped:
        return None
    n = len(words(stripped))
    if n <= 16 and any(p.search(stripped) for p in _CREDIT):
        return "copyright" if re.search(r"rights reserved|^copyright", stripped, re.I) else "credit"
    if n <= 80 and _CAPTION.match(stripped):
        return "caption"
    if n <= 8 and _PROMPTS.match(stripped):
        return "prompt"
    if n <= 40 and _TAGS.match(stripped):
        return "tags"
    if n <= 20 and _READ_MORE.match(stripped):
        return "related"
    if _SIGNOFF.match(stripped):
        return "signoff"
    if is_navigation(stripped):
        return "navigation"
    return None


def is_navigation(line: str) -> bool:
    ws = [w.lower() for w in words(line)]
    if not ws:
        return not re.search(r"\w", line)  # a line of bullets or pipes
    if len(ws) <= 3 and all(w in NAV_WORDS for w in ws) and not _TERMINAL.search(line):
        return True
    return bool(_BREADCRUMB.match(line)) and len(ws) <= 8


def is_trailer(line: str) -> bool:
    """A short line with no sentence ending: at the end of a page, furniture rather than story."""
    return len(words(line)) <= 6 and len(line) <= 60 and not _TERMINAL.search(line.strip())


def is_contact_line(line: str) -> bool:
    """A reporter's e-mail address, social handle or web address on a line of its own."""
    return len(words(line)) <= 8 and bool(_CONTACT.search(line))


def ends_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line.strip()))
