"""What novelty and genericness are measured against: the region's earlier reports and the reference
corpus, scanned once per comparison (`_Past`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from yoy import formulations
from yoy.classify.weights import CORE_CONTEXT
from yoy.history import Reference, RefText, Tally, is_peer, presence, tallies
from yoy.models import Doc, Level, Report


@dataclass(frozen=True, slots=True)
class _Past:
    """What novelty and genericness are measured against for one comparison. `pool` holds every text
    once; the index tuples say which of them are the region's history (oldest first, the old report
    last), the other reports up to the new year (genericness) and the national reports."""

    years: tuple[int, ...]
    pool: tuple[str, ...]
    hist_at: tuple[int, ...]
    other_at: tuple[int, ...]
    national: tuple[RefText, ...]  # national reports up to the new year, for a non-national region
    nat_at: tuple[int, ...]
    same_region: bool
    known: tuple[Tally, ...] = ()  # counts worked out before of some strings in some of `pool`
    # other regions' reports of the new report's year (`_past`): its contemporaries, not its past —
    # outside `pool`, asked only which debuts they say too (`peers_saying`)
    peers: tuple[RefText, ...] = ()

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(self.pool[k] for k in self.hist_at)

    def scan(self, terms: Iterable[str]) -> tuple[dict[str, tuple[int, ...]], dict[str, int],
                                                   dict[str, int]]:
        """Per term: history positions that say it; how many other reports say it; the first national
        report (its index in `national`) that says it, or -1."""
        return self._positions(presence(terms, self.pool))

    def scan_parts(self, terms: Iterable[str], parts: Iterable[str]
                   ) -> tuple[dict[str, tuple[int, ...]], dict[str, int], dict[str, int], dict[str, int]]:
        """`scan` of `terms`, and how many of the past texts (`pool`) say each of `parts`, from the same
        one pass over the texts."""
        ts, ps = set(terms), set(parts)
        hits = presence(ts | ps, self.pool, self.known)
        return (*self._positions({t: hits[t] for t in ts}), {p: len(hits[p]) for p in ps})

    def scan_counted(self, terms: Iterable[str]) -> tuple[dict[str, tuple[int, ...]], dict[str, int],
                                                          dict[str, int], dict[str, tuple[int, ...]]]:
        """`scan`, and how many times each history report says each term (oldest first), from the
        same one pass over the texts."""
        counts = tallies(terms, self.pool, self.known)
        at = self.hist_at
        # the history reports come first in `pool` (`_past`): their counts are a slice of each row
        first = len(at) if at == tuple(range(len(at))) else -1
        # many strings have the same row (≈ 2,100 dropped phrases a national pair): each worked out once
        rows: dict[tuple[int, ...], tuple[frozenset[int], tuple[int, ...]]] = {}
        hits: dict[str, frozenset[int]] = {}
        hist: dict[str, tuple[int, ...]] = {}
        for t, ns in counts.items():
            got = rows.get(ns)
            if got is None:
                got = rows[ns] = (frozenset(k for k, n in enumerate(ns) if n),
                                  ns[:first] if first >= 0 else tuple(ns[k] for k in at))
            hits[t], hist[t] = got
        return (*self._positions(hits), hist)

    def said_before(self, terms: Iterable[str], upto: int | None = None) -> dict[str, bool]:
        """Whether some history report (`texts`, the first `upto` of them when given) says each term as
        words (`_as_words`)."""
        texts = self.texts if upto is None else self.texts[:upto]
        hits = presence(terms, texts)
        return {t: any(_as_words(t, texts[k]) for k in ks) for t, ks in hits.items()}

    def as_words(self, hist: Mapping[str, tuple[int, ...]], nat: Mapping[str, int], own: frozenset[str]
                 ) -> tuple[dict[str, tuple[int, ...]], dict[str, int]]:
        """`hist` (each phrase's history positions that contain it, `scan`) with only the reports that
        say it as words (`_as_words`), and `nat` (the first national report that contains it) likewise.
        A phrase among `own` (the new report's single words) is left alone, as the old report leaves
        it (`formulations.phrases`): another text's segmentation may keep it inside a compound."""
        national = [t.flat for t in self.national]
        hist_out: dict[str, tuple[int, ...]] = {}
        nat_out: dict[str, int] = {}
        for t, ks in hist.items():
            first = nat[t]
            if t not in own:
                if ks:
                    ks = tuple(k for k in ks if _as_words(t, self.texts[k]))
                if first >= 0:
                    first = next((k for k in range(first, len(national))
                                  if _as_words(t, national[k])), -1)
            hist_out[t], nat_out[t] = ks, first
        return hist_out, nat_out

    def peers_saying(self, terms: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """The terms some peer report says (`peers`), each with those reports' regions, in `peers`'
        order; terms no peer says are left out."""
        if not self.peers:
            return {}
        hits = presence(terms, tuple(t.flat for t in self.peers))
        return {t: tuple(self.peers[k].region for k in sorted(ks)) for t, ks in hits.items() if ks}

    def _positions(self, hits: dict[str, frozenset[int]]) -> tuple[dict[str, tuple[int, ...]], dict[str, int],
                                                                dict[str, int]]:
        hist_pos = {k: n for n, k in enumerate(self.hist_at)}
        nat_pos = {k: n for n, k in enumerate(self.nat_at)}
        others = set(self.other_at)
        hist: dict[str, tuple[int, ...]] = {}
        df: dict[str, int] = {}
        nat: dict[str, int] = {}
        seen: dict[frozenset[int], tuple[tuple[int, ...], int, int]] = {}  # terms share few distinct sets
        for t, ks in hits.items():
            got = seen.get(ks)
            if got is None:
                got = seen[ks] = (tuple(sorted(hist_pos[k] for k in ks if k in hist_pos)),
                                  sum(k in others for k in ks),
                                  min((nat_pos[k] for k in ks if k in nat_pos), default=-1))
            hist[t], df[t], nat[t] = got
        return hist, df, nat


def _as_words(t: str, text: str) -> bool:
    """An earlier report `text` says `t` as words (`formulations.said_as_words_near`), as the old report
    is asked (`classify.listing._absent_from`): a phrase found there only across the edges of longer
    words was not said there (a new 乙丙 is not said by an earlier 甲乙|丙; invented)."""
    return formulations.said_as_words_near(t, text, CORE_CONTEXT)


def past_texts(old: Doc, new: Doc, ref: Reference) -> tuple[str, ...]:
    """The texts a comparison of `old` and `new` scans for its history signals (`_Past.pool`): what
    the edge keeps each report's counts in (`yoy.history.Tally`)."""
    return _past(old.report, new.report, ref, old.flat).pool


def _past(old: Report, new: Report, ref: Reference, old_flat: str, known: tuple[Tally, ...] = ()) -> _Past:
    same = old.meta.region == new.meta.region and old.meta.year < new.meta.year
    hist = list(ref.history(new.meta.region, new.meta.year)) if same else []
    if not hist or hist[-1].year != old.meta.year:  # the old report is always the latest past
        hist = [h for h in hist if h.year != old.meta.year]
        hist.append(RefText(old.meta.region, old.meta.level, old.meta.year, old_flat))
    compared = {(old.meta.region, old.meta.year), (new.meta.region, new.meta.year)}
    # contemporaries (`is_peer`), which say what the year's policy language is, not what had been said
    # before it
    peers = tuple(t for t in ref.texts if is_peer(t.region, t.level, t.year, old.meta, new.meta))
    # genericness is judged by what had been said by the new report's year: later reports cannot make
    # a formulation common before it was coined, and a contemporary cannot make it old
    skip = compared | {(t.region, t.year) for t in peers}
    others = [t for t in ref.texts if (t.region, t.year) not in skip and t.year <= new.meta.year]
    national = []
    if new.meta.level is not Level.NATIONAL:
        national = sorted((t for t in ref.texts if t.level is Level.NATIONAL and t.year <= new.meta.year),
                          key=lambda t: t.year)
    pool: dict[tuple[str, int], int] = {}
    texts: list[str] = []
    for t in (*hist, *others, *national):
        if (t.region, t.year) not in pool:
            pool[(t.region, t.year)] = len(texts)
            texts.append(t.flat)
    return _Past(tuple(h.year for h in hist), tuple(texts), tuple(pool[(h.region, h.year)] for h in hist),
                 tuple(pool[(t.region, t.year)] for t in others), tuple(national),
                 tuple(pool[(t.region, t.year)] for t in national), same, known, peers)
