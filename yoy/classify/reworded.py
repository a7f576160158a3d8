"""Rewordings: stance changes, slot replacements in aligned sentences, names lengthened in place or said
by a short form, and one-slot swaps of a kept frame (`_swaps`)."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from yoy import formulations, vocab
from yoy.classify.listing import _count, _overlap, _priority
from yoy.classify.past import _Past
from yoy.classify.sides import Signal, _Found, _places, _Side
from yoy.classify.weights import (
    _WORDISH,
    ABBREVIATION_MIN,
    INSERT_MIN_SUPPORT,
    REDLINE_CONTEXT,
    RENAME_FRAME_RATIO,
    RENAME_NAME_MAX,
    REWORD_BASE,
    REWORD_FULL_MENTIONS,
    REWORD_SPAN,
    SLOT_MAX_CHARS,
    SLOT_MIN_SUPPORT,
    SWAP_FRAME_MIN,
    SWAP_MIN_COUNT,
    SWAP_NUMERALS,
    SWAP_SLOT_MAX_CHARS,
    SWAP_SLOT_WORDS,
)
from yoy.lexicon import Lexicon
from yoy.models import Analysis, Change, Doc, SectionPair, Stance
from yoy.terms import count, key
from yoy.text import QUOTES, dictionary_count, words

# A quoted name of a sentence: its opening mark, the name (RENAME_NAME_MAX characters at most: a name,
# not a quoted sentence) and the closing mark (`_renamed`).
_QUOTED_NAME = re.compile("|".join(
    f"{re.escape(a)}([^{re.escape(a + b)}]{{2,{RENAME_NAME_MAX}}}){re.escape(b)}" for a, b in QUOTES.items()))


def _renamed(so: _Side, sn: _Side) -> dict[tuple[str, str], int]:
    """Quoted names put in another's place in a sentence the two reports write alike (推进“A”改革 →
    推进“B”改革), the old name gone from the new report and the new one absent from the old: a renaming
    however often it is said, since the writer changed the name in its place. The rest of the
    sentence is the same, or, for an old name no such sentence renames, mostly the same
    (`RENAME_FRAME_RATIO`: 实施“A”提升工程，… → 实施“B”三年行动，…): the new name of the most alike
    sentence. With how many sentences show it."""
    def frames(side: _Side, other: _Side) -> dict[str, set[str]]:
        """Each sentence's frame (its text with one quoted name cut out) → the names said in it that
        the `other` report never says."""
        d = side.doc
        sentences = d.outline.sentences
        placed: list[tuple[str, str]] = []
        for m in _QUOTED_NAME.finditer(d.folded):  # the few sentences with a quoted name, found at once
            k = bisect_right(side.sent_starts, m.start()) - 1
            if k < 0 or m.end() > sentences[k].end:
                continue
            s = sentences[k]
            frame = d.folded[s.start:m.start()] + "\0" + d.folded[m.end():s.end]
            placed.append((frame.strip(), key(next(g for g in m.groups() if g is not None))))
        absent = {n for n in {n for _, n in placed} if not count(n, other.flat)}  # each name looked up once
        out: dict[str, set[str]] = {}
        for frame, name in placed:
            if name in absent:
                out.setdefault(frame, set()).add(name)
        return out

    fo, fn = frames(so, sn), frames(sn, so)
    found: dict[tuple[str, str], int] = {}
    renamed: set[str] = set()
    for frame in fo.keys() & fn.keys():
        for a in fo[frame]:
            for b in fn[frame]:
                if a != b:
                    found[(a, b)] = found.get((a, b), 0) + 1
                    renamed.add(a)
    new_frames = list(fn)
    for frame, names in fo.items():
        if not new_frames or names <= renamed:
            continue
        best = process.extractOne(frame, new_frames, scorer=fuzz.ratio, score_cutoff=RENAME_FRAME_RATIO)
        if best is None:
            continue
        for a in names - renamed:
            for b in fn[best[0]]:
                if a != b:
                    found[(a, b)] = found.get((a, b), 0) + 1
    return found


def _slots(pairs: Sequence[SectionPair], so: _Side, sn: _Side) -> dict[tuple[str, str], int]:
    """Replacements in the redlines of aligned units: the replaced words of an equal / delete / insert /
    equal run. A clean swap of whole words (neither text has the other's wording) is the pair itself;
    otherwise each side is widened to the phrase its report says around it (invented: an inserted 加快
    gives 推进山地牧业转型 → 加快推进山地牧业转型), the part shared by all its places."""
    chunks_of: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for p in pairs:
        chunks = p.diff
        for k in range(1, len(chunks) - 2):
            before, dele, ins, after = chunks[k - 1], chunks[k], chunks[k + 1], chunks[k + 2]
            if (before.op, dele.op, ins.op, after.op) != ("equal", "delete", "insert", "equal"):
                continue
            a, b = key(dele.text), key(ins.text)
            if not (_WORDISH.fullmatch(a) and _WORDISH.fullmatch(b)) or max(len(a), len(b)) > SLOT_MAX_CHARS:
                continue
            if not (formulations.has_content(a) and formulations.has_content(b)):
                continue  # 进一步 → 努力: the verbs around a formulation changed, not the formulation
            left, right = key(before.text)[-REDLINE_CONTEXT:], key(after.text)[:REDLINE_CONTEXT]
            po = formulations.phrase_around(so.doc, left, a, right)
            pn = formulations.phrase_around(sn.doc, left, b, right)
            if po and pn and po != pn:
                chunks_of.setdefault((a, b), []).append((po, pn))
    found: dict[tuple[str, str], int] = {}
    for (a, b), places in chunks_of.items():
        if len(a) >= 2 and len(b) >= 2 and not count(a, sn.flat) and not count(b, so.flat):
            pair = (a, b)
        else:
            pair = (formulations.shared(a, {po for po, _ in places}),
                    formulations.shared(b, {pn for _, pn in places}))
        found[pair] = found.get(pair, 0) + len(places)
    return found


def _insertions(pairs: Sequence[SectionPair], so: _Side, sn: _Side) -> dict[tuple[str, str], int]:
    """Names lengthened in place: an equal / insert / equal run of an aligned unit's redline whose
    inserted words can stand inside a name (`_name_part`), where the old report's phrase across the
    junction (its words on the two sides, widened to their boundaries) is the new report's phrase
    there with the inserted words taken out (甲乙丙 → 甲乙丁丙; the old phrase a subsequence of the new
    one), both candidate phrases of their reports and the new one ending in a policy noun
    (`formulations.POLICY_HEADS`: a programme renamed, not a description edited). Each pair with the
    number of places that show it."""
    found: dict[tuple[str, str], int] = {}
    for p in pairs:
        chunks = p.diff
        for k in range(1, len(chunks) - 1):
            before, ins, after = chunks[k - 1], chunks[k], chunks[k + 1]
            if (before.op, ins.op, after.op) != ("equal", "insert", "equal"):
                continue
            b = key(ins.text)
            if not _WORDISH.fullmatch(b) or len(b) > SLOT_MAX_CHARS or not _name_part(b):
                continue
            left, right = key(before.text)[-REDLINE_CONTEXT:], key(after.text)[:REDLINE_CONTEXT]
            if not left or not right:
                continue
            at_old, at_new = so.doc.flat.find(left + right), sn.doc.flat.find(left + b + right)
            if at_old < 0 or at_new < 0:
                continue
            at_old, at_new = at_old + len(left), at_new + len(left)
            po = formulations.extend_range(so.doc, at_old - 1, at_old + 1)
            pn = formulations.extend_range(sn.doc, at_new - 1, at_new + len(b) + 1)
            if po in so.analysis.candidates and pn in sn.analysis.candidates and _inserted(po, pn, b) \
                    and pn.endswith(formulations.POLICY_HEADS):
                found[(po, pn)] = found.get((po, pn), 0) + 1
    return found


def short_forms(ws: Sequence[str]) -> tuple[str, ...]:
    """The shapes a Chinese name of the words `ws` is shortened to: the first character of each word
    before its head, the head kept (甲乙|丙丁|戊己 → 甲丙戊己), and for two words the first word with
    the last character of the second (甲乙|丙丁 → 甲乙丁). Each at least ABBREVIATION_MIN characters
    and shorter than the name."""
    if len(ws) < 2 or any(len(w) != 2 for w in ws[:-1]):
        return ()
    name = "".join(ws)
    shapes = ["".join(w[0] for w in ws[:-1]) + ws[-1]]
    if len(ws) == 2 and len(ws[1]) >= 2:
        shapes.append(ws[0] + ws[1][-1])
    return tuple(dict.fromkeys(x for x in shapes if ABBREVIATION_MIN <= len(x) < len(name)))


def _abbreviated(so: _Side, sn: _Side, aligned: Callable[[], Sequence[tuple[str, str]]]
                 ) -> list[tuple[str, str]]:
    """Names of the old report said SWAP_MIN_COUNT+ times there and never in the new one, whose short
    form (`short_forms`) the new report says as a word or a word pair (`Analysis.grams`) and the old
    never does, in an aligned pair of sections (`aligned`: old and new text) where the old text says the
    name: the name shortened (甲乙丙丁企业 → 甲丙企业-like), a continuation, not a drop and a debut.
    Most said first. On the 13 national development pairs (lexicon off) it forms two pairs, both
    shortenings. (Tried: without the test of words and the ordinary-word test, and with heads after
    one- or four-character words, 15 pairs, 2 of them shortenings, the rest characters inside longer
    words; the short form in the name's own slot (the same two characters before or after it): one
    of the two lost, its short form said in a list of another order.)"""
    shapes: dict[str, list[str]] = {}
    grams = sn.analysis.grams  # the new report's words and word pairs: a short form said as words
    forms = so.analysis.abbreviations  # the old report's half, known from its record
    for x, t in abbreviation_forms(so.doc, so.analysis) if forms is None else forms:
        if x in grams:
            shapes.setdefault(x, []).append(t)
    out: list[tuple[int, str, str]] = []
    for x in shapes:
        # a short form the general dictionary counts as an ordinary word is a word of its own (X业
        # for X企业-like), not the name shortened
        if x in so.flat or dictionary_count(x) >= formulations.ORDINARY_NOUN_COUNT:
            continue
        for t in shapes[x]:
            if t not in sn.flat and any(t in a and x in b for a, b in aligned()):
                out.append((-len(so.analysis.candidates[t].places), t, x))
    out.sort()
    return [(t, x) for _, t, x in out]


def abbreviation_forms(d: Doc, an: Analysis) -> tuple[tuple[str, str], ...]:
    """The short forms (`short_forms` of its words there) of each candidate phrase of `d` longer than
    ABBREVIATION_MIN characters and said SWAP_MIN_COUNT+ times, as (the short form, the candidate), in
    candidate order: `_abbreviated`'s half that depends on the old report alone, whatever the new is
    (some candidates are segmented again: ≈ 3 ms a national report, measured). The pipeline keeps
    them in the report's record (`Analysis.abbreviations`)."""
    return tuple((x, t) for t, c in an.candidates.items()
                 if len(c.places) >= SWAP_MIN_COUNT and len(t) > ABBREVIATION_MIN
                 for x in short_forms(_words_at(d, c.places, t)))


def _name_part(text: str) -> bool:
    """`text` can be put inside a name: words that may stand inside a phrase (no joiner, function word
    or figure: `formulations.inner`), the last one nominal (a noun or verbal noun: X|发展|战略-like),
    not an adverb or adjective that describes (X|全面|建设 is a description of X建设, not a new name)."""
    ws = words(text)
    return bool(ws) and all(formulations.inner(w) for w in ws) and formulations.has_content(text) \
        and formulations.nominal(ws[-1])


def _added(old: str, new: str) -> str:
    """What `new` holds that `old` does not, when `new` is `old` with a run put inside it."""
    k = 0
    while k < len(old) and old[k] == new[k]:
        k += 1
    return new[k:len(new) - (len(old) - k)]


def _inserted(old: str, new: str, inserted: str) -> bool:
    """`new` is `old` with `inserted` put inside it (not at either end: a name lengthened, not a
    word put before or after it)."""
    n = len(inserted)
    return any(new[k:k + n] == inserted and new[:k] + new[k + n:] == old for k in range(1, len(new) - n))


def _unit_key(keys: Mapping[str, str], block: str | None, text: str) -> str:
    """`key(text)` of a section-map row's text of `block`: read from `keys` (`Analysis.unit_keys`)
    where they hold it."""
    known = keys.get(block) if block is not None else None
    return known if known is not None else key(text)


def _reworded(so: _Side, sn: _Side, pairs: Sequence[SectionPair], lex: Lexicon, past: _Past,
              shortened: list[tuple[str, str]] | None = None) -> list[_Found]:
    """The pair's rewordings, best first; `shortened` receives the names said by a short form
    (`_abbreviated`): continued, neither dropped nor new, and no line of their own (SHORTENED); and
    the words of a stance line (`_stance_cover`), which are no debut or drop of their own."""
    out: list[_Found] = []
    used: list[tuple[str, str]] = []

    def taken(a: str, b: str) -> bool:
        """Either side lies inside (or around) a side of a rewording already found."""
        return any(a in x or x in a or b in y or y in b for x, y in used)

    def add(a: str, b: str, signal: Signal, how: str) -> None:
        if taken(a, b):
            return
        p = _priority(Change.REWORDED, b, a, so, sn, how)
        score = REWORD_BASE + REWORD_SPAN * min(1.0, (p.old_count + p.new_count) / REWORD_FULL_MENTIONS)
        out.append(_Found(p, signal, score, vocab.with_mentions_both(how, p.old_count, p.new_count)))
        used.append((a, b))

    @functools.cache
    def aligned() -> list[tuple[str, str]]:
        """The aligned units' texts (old, new) in matching form, folded once when first asked (few
        pairs ask: folding every unit costs ~30 ms a national pair), or read from the records
        (`Analysis.unit_keys`, by block id)."""
        ko, kn = so.analysis.unit_keys or {}, sn.analysis.unit_keys or {}
        return [(_unit_key(ko, p.old_id, p.old_text), _unit_key(kn, p.new_id, p.new_text))
                for p in pairs if p.old_text and p.new_text]

    for was, now in formulations.stance_changes(so.doc, sn.doc, (so.analysis, sn.analysis), aligned,
                                                past.pool):
        said = formulations.stance_words(was, now)
        if not taken(was.phrase, now.phrase) and shortened is not None:
            shortened.append(_stance_cover(was, now, said, so.flat, sn.flat))
        add(was.phrase, now.phrase, Signal.STANCE, vocab.stance_reason(was.head, *said))
    for a, b in lex.successions:
        a, b = key(a), key(b)
        if count(a, so.flat) and not count(a, sn.flat) and count(b, sn.flat) and not count(b, so.flat):
            add(a, b, Signal.LEXICON, vocab.LEXICON_SUCCESSION)
    slots = _slots(pairs, so, sn)
    # the history before the old report (`_Past.texts` ends with it): the old report itself is asked
    # whether it says the new wording as words (`_said_in_old`), not only as characters
    seen_new = past.said_before({b for _, b in slots}, upto=-1)
    said_in_old = _said_in_old(so)
    for (a, b), n in sorted(slots.items(), key=lambda kv: (-kv[1], kv[0])):
        if said_in_old(b) or count(a, sn.flat) >= count(a, so.flat):
            continue  # the new wording was already there, or the old one lives on: an edit, not a renaming
        # (tried: accepting one place when an established formula gives way to a debut; the redlines
        # of long sections are too coarse for one place to mean a renaming)
        if n >= SLOT_MIN_SUPPORT and not seen_new[b]:
            add(a, b, Signal.SLOT, vocab.slot_reason(n))
    for (a, b), n in sorted(_renamed(so, sn).items(), key=lambda kv: (-kv[1], kv[0])):
        add(a, b, Signal.SLOT, vocab.slot_reason(n))
    if shortened is not None:
        shortened.extend((a, b) for a, b in _abbreviated(so, sn, aligned) if not taken(a, b))
    inserted = _insertions(pairs, so, sn)
    seen_longer = past.said_before({b for _, b in inserted})
    for (a, b), n in sorted(inserted.items(), key=lambda kv: (-kv[1], kv[0])):
        # the old name gone from the new report, the longer one new to the old report and to history
        if n >= INSERT_MIN_SUPPORT and not count(a, sn.flat) and not count(b, so.flat) and not seen_longer[b]:
            add(a, b, Signal.SLOT, vocab.insert_reason(a, _added(a, b), n))
    for sw in _swaps(so, sn, past):
        # a swap that shares most of a wording already reported (甲A乙 → 甲B乙 beside a formula change
        # to B乙丙) is that rewording again, cut another way: one line per formulation (`_overlap`)
        if not any(_overlap(sw.new, y) or _overlap(sw.old, x) for x, y in used):
            add(sw.old, sw.new, Signal.SWAP, vocab.swap_reason(sw.left, sw.right, sw.was, sw.now))
    return out


def _said_in_old(so: _Side) -> Callable[[str], bool]:
    """Whether the old report says a slot's new wording as words (`formulations.said_as_words`): a
    wording found there only across word edges (甲乙 inside 丙甲|乙丁-like, its first character the end
    of a longer word; invented) is not there, and its debut in the old wording's slot is a renaming
    (an old X观 phrase replaced by a new Y理念 one, where the old text says …|Y|理念 only inside 丙Y理念).
    The old report's word edges are worked out when first asked."""
    edges = functools.cache(lambda: formulations.word_edges(so.doc))

    def said(b: str) -> bool:
        return bool(count(b, so.flat)) and formulations.said_as_words(b, so.flat, edges())

    return said


def _stance_cover(was: Stance, now: Stance, said: tuple[str, str], old_flat: str, new_flat: str
                  ) -> tuple[str, str]:
    """What a stance line covers besides its two phrases: its old words (`formulations.stance_words`)
    when the new report no longer says them, its new words when the old report never did (审慎弹性 in
    审慎弹性的X政策 and in a joined piece X和审慎弹性-like: that line's news, no debut of its own). Words
    the other report says, or shorter than a phrase (PHRASE_MIN), stand for the phrase itself: a skip
    that changes nothing (积极 is said throughout both)."""
    old = said[0] if len(said[0]) >= formulations.PHRASE_MIN and said[0] not in new_flat else was.phrase
    new = said[1] if len(said[1]) >= formulations.PHRASE_MIN and said[1] not in old_flat else now.phrase
    return old, new


@dataclass(frozen=True, slots=True)
class _Swap:
    """A one-slot rewording: `left + was + right` (old) → `left + now + right` (new); `edges`: the
    words of the frame next to the slot, before and after it."""

    left: str
    was: str
    now: str
    right: str
    edges: tuple[str, str]

    @property
    def old(self) -> str:
        return self.left + self.was + self.right

    @property
    def new(self) -> str:
        return self.left + self.now + self.right


def _words_of(side: _Side, t: str) -> tuple[str, ...]:
    """The words of the candidate phrase `t` as its report's segmentation cuts it at its first place
    (the words `formulations` built it from), or as `t` alone segments when it does not start and end
    on that segmentation's word boundaries."""
    return _words_at(side.doc, _places(side, t), t)


def _words_at(d: Doc, places: Sequence[int] | None, t: str) -> tuple[str, ...]:
    """`_words_of` the phrase `t` of `d` at its flat offsets `places` (None: not a candidate)."""
    toks = d.flat_tokens
    if places:
        pos, end = places[0], places[0] + len(t)
        k = bisect_left(toks.starts, pos)
        if k < len(toks.starts) and toks.starts[k] == pos:
            j = bisect_left(toks.ends, end, lo=k)
            if j < len(toks.ends) and toks.ends[j] == end:
                return tuple(toks.words[k:j + 1])
    return tuple(words(t))


_Split = tuple[tuple[str, ...], int, int, str]  # a phrase's words, its slot's first and end word, the slot


class _SlotWords(dict[str, int]):
    """How a word may stand in a slot, worked out once per word: 0 not at all (a joiner, function word,
    figure or punctuation: `formulations.inner`), 1 as a leading verb or modal only, 2 as content."""

    def __missing__(self, word: str) -> int:
        kind = self[word] = 0 if not formulations.inner(word) else 1 if word in formulations.LEAD_WORDS else 2
        return kind


def _splits(ws: tuple[str, ...], kinds: _SlotWords) -> Iterable[tuple[tuple[str, str], _Split]]:
    """Each slot of a phrase's words `ws` with at least one word on each side (`SWAP_SLOT_WORDS`),
    keyed by the words next to it; a slot holds words that may stand inside a phrase, one of them
    content (`formulations.has_content`: 进一步 → 努力 changes no formulation)."""
    n = len(ws)
    for i in range(1, n - 1):
        for j in range(i + 1, min(n - 1, i + SWAP_SLOT_WORDS) + 1):
            slot = ws[i:j]
            text = "".join(slot)
            if len(text) > SWAP_SLOT_MAX_CHARS:
                break
            kind = [kinds[w] for w in slot]
            if len(text) >= formulations.PHRASE_MIN and min(kind) > 0 and max(kind) > 1:
                yield (ws[i - 1], ws[j]), (ws, i, j, text)


def _shared_suffix(a: Sequence[str], ea: int, b: Sequence[str], eb: int) -> str:
    """The words `a[:ea]` and `b[:eb]` end with, joined."""
    k, most = 0, min(ea, eb)
    while k < most and a[ea - 1 - k] == b[eb - 1 - k]:
        k += 1
    return "".join(a[ea - k:ea])


def _shared_prefix(a: Sequence[str], sa: int, b: Sequence[str], sb: int) -> str:
    """The words `a[sa:]` and `b[sb:]` start with, joined."""
    k, most = 0, min(len(a) - sa, len(b) - sb)
    while k < most and a[sa + k] == b[sb + k]:
        k += 1
    return "".join(a[sa:sa + k])


def swap_slots(d: Doc, an: Analysis) -> tuple[tuple[tuple[str, str], _Split], ...]:
    """Every slot (`_splits`) of each candidate phrase of `d` long enough to hold a frame and a slot,
    keyed by the words next to it, in candidate order: what `_swaps` pairs across two reports, the
    same whatever the report is compared with (the pipeline keeps it in the report's record,
    `Analysis.slots`)."""
    least = SWAP_FRAME_MIN + formulations.PHRASE_MIN  # a frame and a slot: shorter phrases hold none
    kinds = _SlotWords()
    one: dict[str, str] = {}  # one string object per distinct word: the record pickles each once
    out: list[tuple[tuple[str, str], _Split]] = []
    for t, c in an.candidates.items():
        if len(t) >= least:
            ws = tuple(one.setdefault(w, w) for w in _words_at(d, c.places, t))
            out.extend(_splits(ws, kinds))
    return tuple(out)


def _slots_of(side: _Side) -> tuple[tuple[tuple[str, str], _Split], ...]:
    """`swap_slots` of `side`'s report: from its record when kept there, else worked out."""
    kept = side.analysis.slots
    return kept if kept is not None else swap_slots(side.doc, side.analysis)


def _swaps(so: _Side, sn: _Side, past: _Past) -> list[_Swap]:
    """One-slot rewordings: a candidate phrase of the old report that the new one never says and a
    candidate of the new report that the old never says, whose words are the same but for one slot
    (`SWAP_FRAME_MIN`, `SWAP_SLOT_WORDS`), each wording said SWAP_MIN_COUNT+ times in its report, the
    new slot word meeting the frame where the old report never does and the new wording never said
    before (see the constants). Best supported first (mentions on both sides, then the longer frame)."""
    # (whether a wording is absent from the other report is tested on the few pairs formed: a scan of
    # every candidate against the other text first costs more than it saves)
    # the old slots filed by key and slot width (only slots of as many words pair), only under the
    # keys the new report has (about half of a national report's ≈ 4,000: the others pair with
    # nothing); each file keeps its slots in record order
    new_slots = _slots_of(sn)
    keys = {k for k, _ in new_slots}
    slots: dict[tuple[tuple[str, str], int], list[_Split]] = {}
    for k, split in _slots_of(so):
        if k in keys:
            slots.setdefault((k, split[2] - split[1]), []).append(split)
    found: dict[tuple[str, str], _Swap] = {}
    frames: dict[tuple[str, str], int] = {}  # the frame of each found swap, in characters
    pairable: dict[tuple[str, str], bool] = {}  # (was, now) → the two slot words may pair (once each)
    for k, (ws, i, j, now) in new_slots:
        for ws_o, i_o, j_o, was in slots.get((k, j - i), ()):
            ok = pairable.get((was, now))
            if ok is None:
                ok = pairable[(was, now)] = not (was in now or now in was or _renumbered(was, now))
            if not ok:
                continue
            left, right = _shared_suffix(ws, i, ws_o, i_o), _shared_prefix(ws, j, ws_o, j_o)
            frame = len(left) + len(right)
            if frame < SWAP_FRAME_MIN:
                continue
            key = (left + was + right, left + now + right)
            if frame > frames.get(key, -1):  # the narrowest slot: the word that changed
                found[key], frames[key] = _Swap(left, was, now, right, k), frame
    out: list[tuple[int, _Swap]] = []
    # each string counted or looked for once, however many pairs share it (a text that repeats a few
    # words gives hundreds of thousands of pairs over a few thousand wordings)
    count_o: Callable[[str], int] = cache(lambda t: _count(so, t))
    count_n: Callable[[str], int] = cache(lambda t: _count(sn, t))
    in_o: Callable[[str], bool] = cache(lambda t: t in so.flat)
    in_n: Callable[[str], bool] = cache(lambda t: t in sn.flat)
    for sw in found.values():
        # counted as `str.count` counts, known for a candidate phrase (`_count`); most fail the first
        n_old = count_o(sw.old)
        if n_old < SWAP_MIN_COUNT:
            continue
        n_new = count_n(sw.new)
        if n_new < SWAP_MIN_COUNT or in_n(sw.old) or in_o(sw.new):
            continue
        if _junction(sw, count_o, count_n, in_o):
            out.append((n_old + n_new, sw))
    said = past.said_before(sw.new for _, sw in out)
    out = [(n, sw) for n, sw in out if not said[sw.new]]
    out.sort(key=lambda x: (-x[0], -len(x[1].left + x[1].right), x[1].old, x[1].new))
    return [sw for _, sw in out]


def _renumbered(was: str, now: str) -> bool:
    """`was` and `now` are the same words but for their numerals (`SWAP_NUMERALS`)."""
    return [c for c in was if c not in SWAP_NUMERALS] == [c for c in now if c not in SWAP_NUMERALS]


def _junction(sw: _Swap, count_o: Callable[[str], int], count_n: Callable[[str], int],
              in_o: Callable[[str], bool]) -> bool:
    """The new slot word meets the frame (the word before or after it) in a pair the old report never
    says (`in_o`), and the old slot word's pair on that side is said less in the new report than in
    the old (`count_n`, `count_o`: counted as `str.count` counts)."""
    before, after = sw.edges
    for was, now in ((before + sw.was, before + sw.now), (sw.was + after, sw.now + after)):
        if not in_o(now) and count_n(was) < count_o(was):
            return True
    return False
