"""The whole job in one place: from two stored reports to change briefs.

The edge: the lexicon (`yoy.lexicon.load`, which reads files and the environment), the indicator
table (`shipped_indicators`) and the reference corpus (every national report yoy ships, the user's
corpus, the region's own reports) are loaded here and passed into the pure stages.
"""

from __future__ import annotations

import gc
import pickle
import re
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import cache, partial
from pathlib import Path

from yoy import align, classify, figures, formulations, index, lexicon, outline
from yoy.corpus import Corpus, embedded_root
from yoy.errors import LimitError, YoyError
from yoy.files import package_data
from yoy.history import Reference, Said, Tally, count_rows, found_rare, is_peer, reference, said_in
from yoy.lexicon import Lexicon
from yoy.models import Analysis, Comparison, Doc, Level, Outline, Region, Report, ReportMeta, Tokens
from yoy.terms import doc
from yoy.text import NUMERALS, fold

MAX_REPORT_CHARS = 150_000  # 7× the longest report in the embedded corpus (全国 2006, 21,072): align and
#                            classify grow faster than linearly, 200,000 repetitive characters take ~10 s
MAX_HEADINGS = 300  # 3× the most headings of any embedded report (全国 2009, 97): 1,000 sections take ~2 min


MAX_HEADING_MARKS = 2 * MAX_HEADINGS  # 一、 and (一) anywhere in the text, counted before segmenting
_MARK = re.compile(rf"[{NUMERALS}]{{1,3}}、|[(][{NUMERALS}]{{1,3}}[)]")


def precheck(report: Report) -> None:
    """`LimitError` before segmenting, which is slow on thousands of sections: length and heading marks."""
    where = f"{report.meta.region} {report.meta.year}"
    if len(report.text) > MAX_REPORT_CHARS:
        raise LimitError(f"{where}: too long to compare ({len(report.text):,} characters; the limit is "
                         f"{MAX_REPORT_CHARS:,})")
    marks = sum(1 for _ in _MARK.finditer(fold(report.text)))
    if marks > MAX_HEADING_MARKS:
        raise LimitError(f"{where}: too many headings to compare ({marks:,} heading numbers; the limit is "
                         f"{MAX_HEADINGS:,} headings)")


def check_limits(report: Report, tree: Outline) -> None:
    """`LimitError` for a report too long or with too many headings to compare in seconds."""
    where = f"{report.meta.region} {report.meta.year}"
    stack, count = list(tree.blocks), 0
    while stack:
        count += 1
        stack.extend(stack.pop().children)
    if count > MAX_HEADINGS:
        raise LimitError(f"{where}: too many headings to compare ({count:,}; the limit is {MAX_HEADINGS:,})")


@cache  # a shipped table: read and compiled once per process (a constant, like the lexicon file)
def shipped_indicators() -> figures.Indicators:
    """The shipped indicator table (`yoy/data/indicators.tsv`): what every edge passes to the figure
    extraction (`figures`, `classify`) unless it is given another."""
    return figures.indicator_table(package_data("indicators.tsv").decode("utf-8"))


@cache  # the shipped reports never change within a process: fold and squeeze them once
def shipped_national() -> tuple[Report, ...]:
    """Every national report of the embedded corpus: part of every reference corpus whatever
    `--corpus` says, but for a year the compared region's own corpus holds (`reference_for`)."""
    root = embedded_root()
    if root is None:
        return ()
    return tuple(r for r in Corpus(root).reports() if r.meta.level is Level.NATIONAL)


@cache  # the constant shipped reports above, folded into a reference corpus once
def _shipped_reference() -> Reference:
    return reference(shipped_national())


@cache  # the shipped reports' texts by (region, year): what a given report is compared with
def _shipped_texts() -> dict[tuple[str, int], str]:
    return {(r.meta.region, r.meta.year): r.text for r in shipped_national()}


def reference_for(reports: Iterable[Report], withheld: Iterable[tuple[str, int]] = ()) -> Reference:
    """The reference corpus: the shipped national reports plus `reports` (user corpus, history).

    A report of `reports` of a (region, year) the shipped reports hold takes the shipped copy's place
    (the corpus's version of that report; the first of a region and year wins, as
    `history.reference`); the same text keeps the shipped copy's folded record. `withheld`: (region,
    year) of corpus files that could not be read (`compare_stored`): their shipped copies are left out
    too, so a year the command warned it skipped is not measured against after all."""
    extra = tuple(reports)
    skip = set(withheld)
    base = _shipped_reference()
    if not extra and not skip:
        return base
    given: dict[tuple[str, int], Report] = {}
    for r in extra:
        given.setdefault((r.meta.region, r.meta.year), r)
    shipped = _shipped_texts()
    kept = [t for t in base.texts if (k := (t.region, t.year)) not in skip
            and (k not in given or given[k].text == shipped[k])]
    have = {(t.region, t.year) for t in kept}
    more = reference(r for k, r in given.items() if k not in have)
    return Reference(tuple(sorted((*kept, *more.texts), key=lambda t: (t.region, t.year))))


# Other regions' reports of the new report's year that a comparison reads as its contemporaries
# (`classify.past`: which of its debuts the year's other reports say too). A bound on that work in a
# corpus of thousands of regions (≈ 3 ms to read and fold a report of 15,000 characters, measured):
# the first PEER_MAX, nearest first (`_nearness`: the governments above the region, then its
# neighbours under one parent, then its province, then the rest), each ring higher levels first (their
# reports set the language lower ones take up), then by name. Eight: more than the embedded corpus
# holds for any year (three), a few tens of milliseconds at most.
PEER_MAX = 8
_LEVEL_ORDER = tuple(Level)


def peer_metas(corpus: Corpus, old: ReportMeta, new: ReportMeta) -> tuple[ReportMeta, ...]:
    """The metadata of the corpus's reports of other regions of `new`'s year, national ones aside
    (`PEER_MAX` at most, nearest first), from the index: what `peer_reports` loads and what a batch
    hands its workers (`batch.plan`). Files the index cannot read are not listed (`Corpus.broken`
    reports them)."""
    near = _nearness(corpus.region_records(), new.region)
    metas = sorted((m for m in corpus.of_year(new.year) if is_peer(m.region, m.level, m.year, old, new)),
                   key=lambda m: (near(m.region), _LEVEL_ORDER.index(m.level), m.region))
    return tuple(metas[:PEER_MAX])


def peer_reports(corpus: Corpus, old: Report, new: Report) -> tuple[Report, ...]:
    """The reports of `peer_metas`; one that fails to load all the same (changed since it was
    indexed) is left out: a peer only adds a note and a mark."""
    out = []
    for m in peer_metas(corpus, old.meta, new.meta):
        try:
            out.append(corpus.load(m.region, m.year))
        except YoyError:
            continue
    return tuple(out)


def _nearness(known: Mapping[str, Region], region: str) -> Callable[[str], int]:
    """How near another region is to `region` by the parents of `known` (the corpus's region records):
    0 a government above it (its city, its province), 1 a region under the same parent, 2 one under
    the same top government, 3 any other (or one without a record)."""

    def line(name: str) -> list[str]:  # the name, its parent, its parent's parent … (the nation aside)
        out: list[str] = []
        r = known.get(name)
        while r is not None and r.level is not Level.NATIONAL and r.name not in out:
            out.append(r.name)
            r = known.get(r.parent) if r.parent else None
        return out

    mine = line(region)

    def near(other: str) -> int:
        theirs = line(other)
        if not mine or not theirs:
            return 3
        if other in mine:
            return 0
        if len(mine) > 1 and len(theirs) > 1 and theirs[1] == mine[1]:
            return 1
        return 2 if theirs[-1] == mine[-1] else 3
    return near


def unreadable_years(corpus: Corpus, region: str) -> tuple[tuple[str, int], ...]:
    """(region, year) of each shipped report of `region` whose year the corpus holds a file for that it
    cannot read (`Corpus.broken`; the command warns that it is skipped): what `reference_for`
    withholds."""
    broken = {path for path, _ in corpus.broken()}
    if not broken:
        return ()
    return tuple(k for k in _shipped_texts() if k[0] == region and corpus.path_of(region, k[1]) in broken)


Prepared = tuple[Doc, Analysis]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for one comparison (restored as it was). A comparison
    makes a hundred thousand small records and tuples (a stored record unpickles ~15,000 of them), so
    the collector runs its full passes over the whole heap (the reference corpus, the records) many
    times; the records hold no reference cycles that outlive the comparison, so nothing is missed and
    the next collection takes what is left. On 全国 2008→2009 warm: ≈ 0.34 → 0.28 s (measured)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def prepare(report: Report, indicators: figures.Indicators | None = None) -> Prepared:
    """The per-report work of a comparison, whatever the report is compared with: outline it
    (`outline.segment`), build its record (fold, squeeze, segment once: `terms.doc`), the formulation
    pass's analysis of it (`formulations.analyse`), its own figures (`classify.own_figures`, by
    `indicators`: default the shipped table), its one-slot splits (`classify.swap_slots`), its
    headings' and lead sentences' text (`classify.heading_text`), its candidates' salience marks
    (`classify.salience_marks`), generic stems (`formulations.generic_stems`) and shorter forms
    (`classify.shorter_forms`), the pairs of its candidates cut from one long name
    (`classify.piece_pairs`), its longer candidates by their characters (`classify.anagram_index`)
    and its units' content words (`align.unit_words`), all kept in the analysis. `LimitError` for a
    report too big to compare."""
    precheck(report)
    tree = outline.segment(report)
    check_limits(report, tree)
    d = doc(report, tree)
    an = formulations.analyse(d)
    table = shipped_indicators() if indicators is None else indicators
    heading = classify.heading_text(d)
    return d, replace(an, figures=(report.meta.year, tuple(classify.own_figures(d, table))),
                      slots=classify.swap_slots(d, an), marks=classify.salience_marks(d, an, heading),
                      unit_words=align.unit_words(d), unit_keys=align.unit_keys(d), heading_text=heading,
                      stems=formulations.generic_stems(an), shorter=classify.shorter_forms(an),
                      abbreviations=classify.abbreviation_forms(d, an), pieces=classify.piece_pairs(an),
                      anagrams=classify.anagram_index(an))


def compare(old: Report, new: Report, history: Sequence[Report] = (), *, lexicon: Lexicon | None = None,
            reference: Reference | None = None, indicators: figures.Indicators | None = None,
            history_figures: Mapping[int, Sequence[figures.Found]] | None = None,
            prepared: tuple[Prepared, Prepared] | None = None, tallies: Sequence[Tally] = (),
            said: tuple[Said | None, Said | None] = (None, None)) -> Comparison:
    """Compare two reports; no file is written (the shipped corpus is read once per process).

    1. segment: outline each report into parts, sections, items, paragraphs, sentences
       (`outline.segment`), and build the per-report records (`prepare`: fold, squeeze, segment once,
       the formulation candidates); `prepared` gives them when the edge has them (`prepared_stored`
       reads them from the corpus index), else they are worked out here.
    2. align: map old blocks onto new ones, hierarchically, with moves, splits and merges, into one
       `Alignment` record (pairs, labels, budget notes: `align.align`).
    3. classify (the two records and the alignment): priorities new / dropped / reworded / continued
       with evidence and history signals, targets old → new, significance ranking, term history
       (`classify.classify`).
    `lexicon`: known successions (default: none — the engine works from the texts). `reference`: what
    novelty and genericness are measured against (default: shipped national reports + `history`).
    `indicators`: the indicator table targets are read by (default: the shipped one); it applies to
    the records worked out here: `prepared` records and `history_figures` carry the figures of the
    table they were built with (the corpus index builds them with the shipped one).
    `history_figures`: `figures.report_figures` of history reports by year, when the edge has them
    (`history_figures` below reads them from the corpus index); the others are worked out.
    `tallies`: counts of each report's strings in the texts its history signals scan, when the edge
    has them (`tallies_stored` reads them from the corpus index); the other texts are scanned.
    `said`: which of each report's strings the other says, when the edge has it (`said_stored`).
    """
    table = shipped_indicators() if indicators is None else indicators
    with _collector_paused():
        if prepared is None:
            precheck(old)
            precheck(new)
            prepared = prepare(old, table), prepare(new, table)
        (old_doc, old_analysis), (new_doc, new_analysis) = prepared
        alignment = align.align(old_doc, new_doc, (old_analysis.unit_words, new_analysis.unit_words))
        ref = reference if reference is not None else reference_for((*history, old, new))
        out = classify.classify(old_doc, new_doc, alignment, history, indicators=table,
                                lexicon=lexicon or Lexicon(),
                                reference=ref, history_figures=history_figures,
                                analyses=(old_analysis, new_analysis), tallies=tallies, said=said)
        del prepared, old_doc, old_analysis, new_doc, new_analysis, alignment  # as in `compare_stored`
        return out


def dump_prepared(prepared: Prepared) -> bytes:
    """A per-report record as the corpus index keeps it: the `Doc` without its report (the report is
    read from its file) and the `Analysis`, pickled. Not compressed: zlib (level 1) shrank a national
    report's record from ≈ 1.3 MB to ≈ 0.6 MB but cost ≈ 5 ms a record to unpack in every warm
    comparison and 12–16 ms to pack in every first one (measured on this machine, lightly loaded),
    while a local cache has room for a megabyte or so a compared report."""
    d, an = _one_object_a_string(*prepared)
    state = (d.outline, d.folded, d.flat, d.origin, d.tokens, d.flat_tokens, d.quote_cuts, an)
    return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)


def _one_object_a_string(d: Doc, an: Analysis) -> tuple[Doc, Analysis]:
    """The record with every string value held by one object (equal values, the same values): pickle
    writes an object it has written once as a reference to it, so a string value said in several
    fields (a word in the tokens, the words and word pairs, the candidates' parts, the one-slot
    splits, the units' words) is decoded and allocated once by a load, not once a place. A national
    report's record held ≈ 29,100 string objects of ≈ 14,300 values; its load and free ≈ 20% faster
    (measured on this machine). The sets are kept as they are (their elements first, the objects
    the other fields then share): a set rebuilt could iterate in another order."""
    canon: dict[str, str] = {}
    one = canon.setdefault

    def strs(xs: Iterable[str]) -> tuple[str, ...]:
        return tuple(map(one, xs, xs))

    for kept in (an.grams, *(an.marks or ())):
        for x in kept:
            one(x, x)
    words = strs(d.tokens.words)
    tokens = Tokens(words, d.tokens.starts, d.tokens.ends)
    flat_words = words if d.flat_tokens.words == d.tokens.words else strs(d.flat_tokens.words)
    flat_tokens = Tokens(flat_words, d.flat_tokens.starts, d.flat_tokens.ends)
    cands = {one(t, t): c._replace(shown=one(c.shown, c.shown), nested=strs(c.nested), parts=strs(c.parts))
             for t, c in an.candidates.items()}
    sd = an.seeds
    seeds = replace(sd, cores=strs(sd.cores), texts=strs(sd.texts),
                    joined=tuple(tuple((one(t, t), k) for t, k in js) for js in sd.joined))
    slots = None if an.slots is None else tuple(
        ((one(a, a), one(b, b)), (strs(ws), i, j, one(x, x))) for (a, b), (ws, i, j, x) in an.slots)
    units = None if an.unit_words is None else {
        one(u, u): ({one(w, w): x for w, x in body.items()}, strs(head))
        for u, (body, head) in an.unit_words.items()}

    def pairs(xs: Iterable[tuple[str, str]] | None) -> tuple[tuple[str, str], ...] | None:
        return None if xs is None else tuple((one(a, a), one(b, b)) for a, b in xs)

    return replace(d, tokens=tokens, flat_tokens=flat_tokens), replace(
        an, cores=strs(an.cores), seeds=seeds, candidates=cands, shared=pairs(an.shared) or (),
        counts={one(w, w): n for w, n in an.counts.items()}, scanned=strs(an.scanned), slots=slots,
        unit_words=units, shorter=pairs(an.shorter), abbreviations=pairs(an.abbreviations),
        pieces=pairs(an.pieces))


def load_prepared(report: Report, data: bytes) -> Prepared | None:
    """`dump_prepared`'s record of `report` again; None when the bytes are not one (a torn or foreign
    row: the caller works it out again)."""
    try:
        state = pickle.loads(data)
        tree, folded, flat, origin, tokens, flat_tokens, cuts, an = state
    except Exception:  # derived data: whatever went wrong, it is rebuilt
        return None
    if not (isinstance(tree, Outline) and isinstance(an, Analysis) and isinstance(folded, str)
            and len(folded) == len(report.text) and isinstance(flat, str) and len(origin) == len(flat)):
        return None
    return Doc(report, tree, folded, flat, origin, tokens, flat_tokens, cuts), an


class Digests:
    """The corpus index keys of one comparison's texts (`index.analysis_key`, `index.text_key`), each
    worked out once: `prepared_stored`, `tallies_stored` and `said_stored` ask for the same reports'
    and texts' keys (a warm national comparison asked 27 SHA-256 digests of 12 texts of ≈ 20,000
    characters, ≈ 0.07 ms each, measured on this machine). Lives for one comparison."""

    def __init__(self) -> None:
        self.analysis: Callable[[str], str] = cache(index.analysis_key)
        self.text: Callable[[str], str] = cache(index.text_key)


def prepared_stored(corpus: Corpus, reports: Sequence[Report], digests: Digests | None = None
                    ) -> list[Prepared]:
    """`prepare` of each report, read from the corpus index when the same engine prepared the same
    text before (keyed by the text and the engine, as `history_figures`); the others are worked
    out (every report's size checked first, as `compare` checks) and stored. `digests`: the
    comparison's index keys (`Digests`), shared with the other reads."""
    engine = index.engine_fingerprint()
    dg = digests if digests is not None else Digests()
    keys = [dg.analysis(r.text) for r in reports]
    db = corpus.index
    stored = db.analyses(keys, engine)
    found = [load_prepared(r, stored[k]) if k in stored else None for r, k in zip(reports, keys, strict=True)]
    for r, p in zip(reports, found, strict=True):
        if p is None:
            precheck(r)
    out: list[Prepared] = []
    fresh: dict[str, bytes] = {}
    for r, k, p in zip(reports, keys, found, strict=True):
        if p is None:
            p = prepare(r)
            fresh[k] = dump_prepared(p)
        out.append(p)
    db.store_analyses(fresh, engine)
    return out


# zlib level of the stored tallies: a row is four bytes a string, mostly zeros; level 1 shrinks it
# about tenfold in well under a millisecond, as for the records above.
TALLY_ZLIB_LEVEL = 1


def dump_tally(row: array[int]) -> bytes:
    """A row of counts (`history.count_rows`) as the corpus index keeps it."""
    return zlib.compress(row.tobytes(), TALLY_ZLIB_LEVEL)


def load_tally(data: bytes, columns: int) -> array[int] | None:
    """`dump_tally`'s row again; None when the bytes are not a row of `columns` counts (a torn or
    foreign row: the caller counts again)."""
    try:
        row = array("I", zlib.decompress(data))
    except Exception:  # derived data: whatever went wrong, it is counted again
        return None
    return row if len(row) == columns else None


def tallies_stored(corpus: Corpus, prepared: Sequence[Prepared], texts: Sequence[str],
                   also: Sequence[Sequence[str]] = (), digests: Digests | None = None) -> list[Tally]:
    """For each report, how many times each of `texts` says each of its strings (`Analysis.scanned`:
    its candidates and their parts), read from the corpus index when the same engine counted them in
    the same text before (keyed by both texts and the engine, as `prepared_stored`); the other texts
    are counted (one Aho-Corasick pass each) and stored. A comparison passes them to `classify`, whose
    history signals then read these counts instead of scanning the region's past texts again.
    `also`: for each report, more texts to count it in (the other report of the pair: `said_stored`
    then reads which of its strings that text says from the row). `digests`: as `prepared_stored`."""
    engine = index.engine_fingerprint()
    per_report = [list(dict.fromkeys((*texts, *(also[k] if k < len(also) else ()))))
                  for k in range(len(prepared))]
    dg = digests if digests is not None else Digests()
    text_keys = {t: dg.text(t) for ts in per_report for t in ts}
    report_keys = [dg.analysis(d.report.text) for d, _ in prepared]
    keys = [[index.tally_key(rk, text_keys[t]) for t in ts]
            for rk, ts in zip(report_keys, per_report, strict=True)]
    db = corpus.index
    stored = db.tallies((k for ks in keys for k in ks), engine)
    out: list[Tally] = []
    fresh: dict[str, bytes] = {}
    for (_, an), ts, ks in zip(prepared, per_report, keys, strict=True):
        n = len(an.scanned)
        rows: dict[str, array[int]] = {}
        missing: list[tuple[str, str]] = []
        for t, k in zip(ts, ks, strict=True):
            row = load_tally(stored[k], n) if k in stored else None
            if row is None:
                missing.append((t, k))
            else:
                rows[t] = row
        if missing:
            for (t, k), row in zip(missing, count_rows(an.scanned, [t for t, _ in missing]), strict=True):
                rows[t] = row
                fresh[k] = dump_tally(row)
        out.append(Tally(dict(zip(an.scanned, range(n), strict=True)), rows))
    db.store_tallies(fresh, engine)
    return out


def dump_said(found: frozenset[str]) -> bytes:
    """Which of a report's strings a text says (`said_stored`), as the corpus index keeps it: a header
    with their number, then the strings, one a line (a flat text has no line break). What was asked
    is in the row's key (the report's text and the engine)."""
    return "\n".join((f"said {len(found)}", *sorted(found))).encode("utf-8", "surrogatepass")


def load_said(data: bytes) -> frozenset[str] | None:
    """`dump_said`'s strings again; None when the bytes are not such a row (a torn or foreign row:
    the caller scans again)."""
    try:
        head, *found = data.decode("utf-8", "surrogatepass").split("\n")
    except UnicodeDecodeError:
        return None
    if head != f"said {len(found)}" or "" in found:
        return None
    return frozenset(found)


def _unknown(strings: frozenset[str], other: Analysis) -> frozenset[str]:
    """`strings` less the words and word pairs of `other` (`Analysis.grams`: certainly in its text)."""
    return strings.difference(other.grams)


def _said_in(strings: frozenset[str], text: str, tally: Tally | None) -> frozenset[str]:
    """Which of `strings` the text `text` says: those that `tally` counts there read from its row (a
    count above zero), the others scanned (`said_in`)."""
    row = tally.rows.get(text) if tally is not None else None
    if tally is None or row is None:
        return said_in(strings, [text])[0]
    at = tally.columns
    counted = {s for s in strings if s in at}
    return frozenset(s for s in counted if row[at[s]]) | said_in(strings.difference(counted), [text])[0]


def _absent_variants(an: Analysis, tally: Tally | None, other: str) -> frozenset[str]:
    """The variants of the candidates of `an` that the text `other` does not say (`tally` counts
    them there): a new phrase is absent from the old text, so only these are ever asked."""
    row = tally.rows.get(other) if tally is not None else None
    if row is None:
        return formulations.variant_strings(an)
    at = tally.columns if tally is not None else {}
    return formulations.variant_strings(an, lambda t: t in at and not row[at[t]])


def said_stored(corpus: Corpus, prepared: tuple[Prepared, Prepared], tallies: Sequence[Tally] = (),
                digests: Digests | None = None) -> tuple[Said, Said]:
    """For the old and the new report of a comparison, which of its strings the other report says:
    of its cores and candidates (`formulations.said_strings`, what `formulations.phrases` asks) those
    not among the other's words and word pairs (which it says for certain), and for the new one the
    variants of its candidates that the old does not say (`formulations.variant_strings`; `tallies`:
    the old and the new report's counts, `tallies_stored`). Read from the corpus index when the same
    engine worked them out for the same two texts before (keyed as `tallies_stored`); else read from
    the counts where a tally holds the other text (its strings among the tally's columns), the rest
    scanned (one Aho-Corasick pass each), and stored. `digests`: as `prepared_stored`."""
    engine = index.engine_fingerprint()
    (do, ao), (dn, an) = prepared
    dg = digests if digests is not None else Digests()
    ko, kn = dg.analysis(do.report.text), dg.analysis(dn.report.text)
    fo, fn = dg.text(do.flat), dg.text(dn.flat)
    old_tally = tallies[0] if tallies else None
    new_tally = tallies[1] if len(tallies) > 1 else None
    # row key → (what is asked, where, the counts that answer some of it)
    asks: dict[str, tuple[Callable[[], frozenset[str]], str, Tally | None]] = {
        index.tally_key(ko, fn, "phrases"): (lambda: _unknown(formulations.said_strings(ao), an), dn.flat,
                                             old_tally),
        index.tally_key(kn, fo, "phrases"): (lambda: _unknown(formulations.said_strings(an), ao), do.flat,
                                             new_tally),
        index.tally_key(kn, fo, "variants"): (partial(_absent_variants, an, new_tally, do.flat), do.flat,
                                              None),
    }
    rare = index.tally_key(kn, fo, "variants")
    db = corpus.index
    stored = db.tallies(asks, engine)
    got: dict[str, frozenset[str]] = {}
    fresh: dict[str, bytes] = {}
    for k, (strings, text, counts) in asks.items():
        found = load_said(stored[k]) if k in stored else None
        if found is None:  # the variants: few are said (`found_rare`); the phrases: many (counts, automaton)
            found = frozenset(found_rare(strings(), text)) if k == rare else _said_in(strings(), text, counts)
            fresh[k] = dump_said(found)
        got[k] = found
    db.store_tallies(fresh, engine)
    po, pn, pv = got.values()
    return Said({dn.flat: po}, {}), Said({do.flat: pn}, {do.flat: pv})


def prepare_arrived(corpus: Corpus, reports: Sequence[Report],
                    progress: Callable[[Report], None] | None = None) -> None:
    """The per-report work of every comparison, done when `reports` arrive (`yoy ingest`) instead of
    at their first comparison: each report's record (`prepared_stored`) and its figures for the target
    series (`history_figures`), stored in the corpus index. The first `yoy compare` with a report
    then reads them as every later one does (`benchmarks/render.py`: a national pair's first
    compare after ingest 2.7 → 1.5 s). `progress` hears each report when it is done."""
    for r in reports:
        prepared_stored(corpus, (r,))
        history_figures(corpus, (r,))
        if progress:
            progress(r)


def history_figures(corpus: Corpus, history: Sequence[Report]) -> dict[int, tuple[figures.Found, ...]]:
    """`figures.report_figures` of each history report by year, from the corpus index (keyed by the
    report's text and year and by the engine that made them): worked out and stored once per text,
    so a comparison reads a region's target series instead of re-outlining every year."""
    engine = index.engine_fingerprint()
    years: dict[int, Report] = {}
    for rep in history:
        years.setdefault(rep.meta.year, rep)
    keys = {y: index.figures_key(r.text, y) for y, r in years.items()}
    db = corpus.index
    stored = db.figures(keys.values(), engine)
    out: dict[int, tuple[figures.Found, ...]] = {}
    fresh: dict[str, str] = {}
    for y, k in keys.items():
        if k in stored:
            out[y] = figures.load_found(stored[k])
        else:
            out[y] = tuple(figures.report_figures(years[y], shipped_indicators()))
            fresh[k] = figures.dump_found(out[y])
    db.store_figures(fresh, engine)
    return out


def compare_stored(corpus: Corpus, old: Report, new: Report, lex: Lexicon | None = None) -> Comparison:
    """`compare` with what the edge loads: the region's history (same-region pairs), the successions
    lexicon (`lexicon.load`: shipped, $YOY_LEXICON; none when $YOY_NO_LEXICON=1), the reference
    corpus (shipped national reports + the region's own, as `compare` builds it, + the other regions'
    reports of the new report's year, its contemporaries: `peer_reports`; the corpus's own
    report of a year stands in for the shipped copy, and a year whose file the corpus cannot read is
    left out: `reference_for`, `unreadable_years`), both reports'
    per-report records from the corpus index (`prepared_stored`) and their strings' counts in the
    texts the history signals scan (`tallies_stored`) and in each other (`said_stored`)."""
    with _collector_paused():
        history = corpus.history(new.meta.region) if old.meta.region == new.meta.region else ()
        lx = lexicon.load() if lex is None else lex
        digests = Digests()  # each text's index key worked out once for the three reads below
        # the compared reports first: a report over the limits is refused (`precheck`) before any other
        # report of the region is outlined for its figures
        po, pn = prepared_stored(corpus, (old, new), digests)
        known = history_figures(corpus, history) if history else None
        withheld = unreadable_years(corpus, new.meta.region) if history else ()
        ref = reference_for((*history, old, new, *peer_reports(corpus, old, new)), withheld)
        # the old report is counted in the new text too: which of its strings the new says (`said_stored`)
        counted = tallies_stored(corpus, (po, pn), classify.past_texts(po[0], pn[0], ref), ((pn[0].flat,),),
                                 digests)
        said = said_stored(corpus, (po, pn), counted, digests)
        out = compare(old, new, history, lexicon=lx, reference=ref, history_figures=known,
                      prepared=(po, pn), tallies=counted, said=said)
        # the records go before the collector runs again: its first pass then looks at the result
        # only, not at the ~100,000 objects of two records (≈ 10 ms on 全国 2008→2009, measured)
        del po, pn, counted, said
        return out


def run(corpus: Corpus, old_key: tuple[str, int], new_key: tuple[str, int],
        formats: Sequence[str], out_dir: Path,
        progress: Callable[[str], None] | None = None) -> tuple[Comparison, tuple[Path, ...]]:
    """`yoy compare`, end to end.

    1. ingest: load both reports from the corpus, which `yoy ingest` built from saved pages
       (`corpus.Corpus.load`; a missing region or year is a `NotFoundError` that says how to add it),
       with the lexicon, history and reference corpus (`compare_stored`).
    2. segment, 3. align, 4. classify: `compare` above, one `Comparison` record.
    5. render: JSON, HTML, PDF and Markdown, all from that record (`render.write_briefs`;
       `progress` hears each format before it is written).
    """
    from yoy import render  # jinja2 and the templates: not for callers that only compare

    old, new = corpus.load(*old_key), corpus.load(*new_key)
    comparison = compare_stored(corpus, old, new)
    return comparison, render.write_briefs(comparison, formats, out_dir, progress)
