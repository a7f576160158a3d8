"""Classify what changed between two aligned reports and build the one `Comparison` record.

Priorities are whole formulations found from the texts (`yoy.formulations`): phrases of the new
report with a core no earlier report of the region says (new), phrases of the old report the new one
lacks (dropped), `modifier + 的 + head` phrases whose modifier changed, slot replacements the
redline of aligned sentences shows and phrases of the two reports that differ in one slot of a kept
frame (`_swaps`) (reworded), and words whose intensity moved (continued). Each gets
a history signal from the region's earlier reports and a genericness from the reference corpus
(`yoy.history.Reference`), and a reason in plain Chinese. Targets: `yoy.figures`. Ranking: target
changes first, then stance changes and debuts, then gaps merged in among them (each kind in its own
order, `_merge`); flips of wording and common words low. Pure: the lexicon and the
reference come in as arguments; nothing here reads a file or the environment, or knows a region,
a year or a seed.

The sub-package, in the order a comparison uses it (a name with a leading underscore is shared between
the package's modules, not an interface of the package):

- `weights`: every threshold and weight, each with how it was set;
- `sides`: the two reports as classify reads them (`_Side`), where a phrase is and which sentences
  prove it; the `Signal` of a change and the `_Found` record;
- `past`: what novelty and genericness are measured against (`_Past`);
- `salience`: how much a phrase looks like a formulation its report stresses;
- `listing`: scored candidates to priority lines (their order, near-duplicates, the pieces of one long
  name, the caps, evidence);
- `forms`: a phrase said another way (a figure's wording, its parts and variants, reorderings, list
  marks, numeral-masked forms), which the new and the dropped passes share;
- `new`, `dropped`, `reworded`, `continued`: the four changes;
- `targets`: target changes and series;
- `rank`: the significance ranking and the brief's order of news;
- this module: `classify`, which runs them and builds the record.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from yoy import figures, vocab
from yoy.classify import (
    continued,
    dropped,
    forms,
    listing,
    new,
    past,
    rank,
    reworded,
    salience,
    sides,
    targets,
    weights,
)
from yoy.classify.continued import _continued
from yoy.classify.dropped import _dropped_items
from yoy.classify.forms import _figure_spans, anagram_index
from yoy.classify.listing import _change_count, _region_words, piece_pairs
from yoy.classify.new import _new_items, shorter_forms
from yoy.classify.past import _Past, _past, past_texts
from yoy.classify.rank import _rank
from yoy.classify.reworded import _reworded, abbreviation_forms, short_forms, swap_slots
from yoy.classify.salience import salience_marks
from yoy.classify.sides import Signal, _Found, _Side, _side, heading_text
from yoy.classify.targets import _targets, figures_of, own_figures, target_series
from yoy.classify.weights import _ORDER, HISTORY_TERMS, MAX_CONTINUED, NO_LEXICON
from yoy.history import Reference, Said, Tally
from yoy.history import reference as build_reference
from yoy.lexicon import Lexicon
from yoy.models import (
    Alignment,
    Analysis,
    Change,
    ChangeCount,
    Comparison,
    Doc,
    Kind,
    Period,
    Priority,
    RankedChange,
    RankedKind,
    Report,
    ReportRef,
    SectionPair,
    Side,
    TermSeries,
)
from yoy.terms import count, key, per10k

# The interface: `classify`, and what the pipeline works out once per report for it (kept in the corpus
# index with the report's record). The modules are attributes too, for the tests of their parts.
__all__ = [
    "Signal", "abbreviation_forms", "anagram_index", "classify", "continued", "dropped", "figures_of",
    "forms", "heading_text", "listing", "new", "own_figures", "past", "past_texts", "piece_pairs", "rank",
    "reworded", "salience", "salience_marks", "short_forms", "shorter_forms", "sides", "swap_slots",
    "target_series", "targets", "weights",
]


def _priorities(so: _Side, sn: _Side, pairs: Sequence[SectionPair], lex: Lexicon, past: _Past
                ) -> tuple[list[_Found], tuple[ChangeCount, ...]]:
    """The priorities of every change, and how many of each change were found and kept (in the order
    of `Change`)."""
    regions = _region_words(so.report, sn.report)
    shortened: list[tuple[str, str]] = []
    reworded = _reworded(so, sn, pairs, lex, past, shortened)
    skip_new = {key(f.priority.term) for f in reworded} | {key(b) for _, b in shortened}
    skip_old = {key(f.priority.old_term or "") for f in reworded} | {key(a) for a, _ in shortened}
    new, new_count = _new_items(so, sn, past, skip_new, regions)
    dropped, dropped_count = _dropped_items(so, sn, past, skip_old, regions)
    shifted = _continued(so, sn, regions)
    continued = shifted[:MAX_CONTINUED]
    counts = (new_count, dropped_count, _change_count(Change.REWORDED, reworded, reworded),
              _change_count(Change.CONTINUED, shifted, continued))
    return [*reworded, *new, *dropped, *continued], counts


def _history(ranked: Sequence[RankedChange], priorities: Sequence[Priority], ref: Reference, new: Report,
             sn: _Side) -> tuple[TermSeries, ...]:
    # as of the newer report, as the target series: the corpus's later years are not its history
    texts = {t.year: t.flat for t in ref.texts if t.region == new.meta.region and t.year <= new.meta.year}
    if not texts:
        return ()
    texts[new.meta.year] = sn.flat
    by_term = {p.term: p for p in priorities}
    terms: list[str] = []
    for r in ranked:
        if r.kind is not RankedKind.PRIORITY or r.ref not in by_term:
            continue
        p = by_term[r.ref]
        for t in (p.old_term, p.term):
            if t and t not in terms:
                terms.append(t)
        if len(terms) >= HISTORY_TERMS:
            break
    return tuple(TermSeries(term=t, points=tuple((y, per10k(count(t, texts[y]), len(texts[y])))
                                                   for y in sorted(texts)))
                 for t in terms[:HISTORY_TERMS])


def _ref(r: Report) -> ReportRef:
    caveat = vocab.ref_caveat(r.meta.kind)
    return ReportRef(region=r.meta.region, year=r.meta.year, kind=r.meta.kind, title=r.meta.title,
                     chars=len(r.text), caveat=caveat)


def _caveats(old: Report, new: Report) -> tuple[str, ...]:
    out = [c for r in (old, new) if (c := vocab.text_caveat(r.meta.year, r.meta.region, r.meta.kind))]
    if old.meta.region != new.meta.region:
        out.append(vocab.peer_caveat(old.meta.region, old.meta.year, new.meta.region, new.meta.year))
    return tuple(out)


def classify(old_doc: Doc, new_doc: Doc, alignment: Alignment, history: Sequence[Report] = (), *,
             indicators: figures.Indicators, lexicon: Lexicon = NO_LEXICON,
             reference: Reference | None = None,
             history_figures: Mapping[int, Sequence[figures.Found]] | None = None,
             analyses: tuple[Analysis, Analysis] | None = None, tallies: Sequence[Tally] = (),
             said: tuple[Said | None, Said | None] = (None, None)) -> Comparison:
    """Priorities, targets, ranking → the Comparison record.

    `old_doc`, `new_doc`: the per-report records (`yoy.terms.doc`); `alignment`: what `yoy.align.align`
    made of them. `indicators`: the indicator table targets are read by (`figures.indicator_table`;
    the edge passes the shipped one). `lexicon`: known successions
    (none by default: the engine works from the texts). `reference`: every report novelty and
    genericness are measured against (the edge passes the shipped national reports, the user's corpus
    and the region's own); when absent, `history` alone. `history_figures`: `figures.report_figures`
    of history reports by year (the edge keeps them in the corpus index; missing years are worked out).
    `analyses`: `formulations.analyse` of the old and the new record, when the caller has them (the
    pipeline keeps them in the corpus index); else worked out here. `tallies`: counts of the two
    reports' strings in the texts the history signals scan (`past_texts`), worked out before (the
    pipeline keeps them in the corpus index); the texts none holds are scanned. `said`: for the old
    and the new report, which of their strings the other text says (`history.Said`), worked out
    before (the pipeline keeps them in the corpus index); else scanned.
    """
    old, new, pairs = old_doc.report, new_doc.report, alignment.pairs
    if reference is None:
        reference = build_reference(history)
    ao, an = analyses if analyses is not None else (None, None)
    so = _side(old_doc, alignment, Side.OLD, ao, said[0])
    sn = _side(new_doc, alignment, Side.NEW, an, said[1])
    past = _past(old, new, reference, so.flat, tuple(tallies))
    fo, fn = figures_of(so, indicators), figures_of(sn, indicators)
    # (the figures' wordings are no formulations: `_figure_wording`)
    both = {f.figure.canonical or f.figure.indicator for f in fo} & {f.figure.canonical or f.figure.indicator
                                                                       for f in fn}
    so = replace(so, figured=_figure_spans(so, fo, indicators, both))
    sn = replace(sn, figured=_figure_spans(sn, fn, indicators, both))
    found, counts = _priorities(so, sn, pairs, lexicon, past)
    priorities = [f.priority for f in found]
    priorities.sort(key=lambda p: (_ORDER[p.change], -(p.old_count + p.new_count), p.term))
    targets = _targets(fo, fn, peers=old.meta.region != new.meta.region,
                       digests=(old.meta.kind is Kind.SUMMARY, new.meta.kind is Kind.SUMMARY))
    every = [f.figure for f in (*fo, *fn)]
    results = tuple(f for f in every if not f.is_target and f.period is Period.YEAR)
    multi_year = tuple(f for f in every if f.period is Period.MULTI_YEAR)
    # the brief speaks as of the newer report: later reports of the corpus stay out of its charts
    upto = [r for r in history if r.meta.year <= new.meta.year]
    series = target_series(upto, [t.canonical or t.indicator for t in targets], indicators,
                           history_figures) if upto else ()
    ranked = _rank(found, targets, pairs, old, new)
    return Comparison(
        old=_ref(old), new=_ref(new), sections=tuple(pairs), priorities=tuple(priorities),
        targets=tuple(targets), results=results, ranked=tuple(ranked),
        history=_history(ranked, priorities, reference, new, sn), caveats=_caveats(old, new),
        degraded=alignment.notes,
        multi_year=multi_year, target_series=series, counts=counts)
