"""The themes of a corpus: every exchange of every interview tagged with the themes it carries
(``CorpusThemes``, ``tag_interview``, ``tag_corpus``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ..model import Interview
from .lexicon import Lexicon
from .matching import ThemeIndex


@dataclass
class CorpusThemes:
    """Which exchanges carry which themes across a corpus, and the counts the GUI shows.

    ``exchange_themes[iid][k]`` is the set of theme ids carried by the interview's k-th
    exchange (0-based; exchange number k+1).  Counts are numbers of exchanges.
    """

    theme_ids: tuple[str, ...] = ()
    exchange_themes: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    corpus_counts: dict[str, int] = field(default_factory=dict)
    interview_counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, interview_id: str, per_exchange: Sequence[frozenset[str]]) -> None:
        if interview_id in self.exchange_themes:
            self.remove(interview_id)
        per_exchange = tuple(per_exchange)
        self.exchange_themes[interview_id] = per_exchange
        counts: dict[str, int] = {}
        for themes in per_exchange:
            for tid in themes:
                counts[tid] = counts.get(tid, 0) + 1
        self.interview_counts[interview_id] = counts
        for tid, c in counts.items():
            self.corpus_counts[tid] = self.corpus_counts.get(tid, 0) + c

    def remove(self, interview_id: str) -> None:
        self.exchange_themes.pop(interview_id, None)
        for tid, c in self.interview_counts.pop(interview_id, {}).items():
            self.corpus_counts[tid] -= c

    def count(self, theme_id: str, interview_id: str | None = None) -> int:
        if interview_id is None:
            return self.corpus_counts.get(theme_id, 0)
        return self.interview_counts.get(interview_id, {}).get(theme_id, 0)

    def exchange_count(self, interview_id: str) -> int:
        return len(self.exchange_themes.get(interview_id, ()))

    def share(self, interview_id: str, theme_id: str) -> float:
        """The fraction of the interview's exchanges that carry the theme (0 if none)."""
        n = self.exchange_count(interview_id)
        return self.count(theme_id, interview_id) / n if n else 0.0

    def interviews_with(self, theme_ids: Iterable[str], require_all: bool = False) -> list[str]:
        """Interview ids (in insertion order) carrying any (or all) of ``theme_ids``.

        An empty selection means no filter: every interview.
        """
        wanted = set(theme_ids)
        if not wanted:
            return list(self.exchange_themes)
        out = []
        for iid, counts in self.interview_counts.items():
            have = {t for t, c in counts.items() if c}
            if (wanted <= have) if require_all else (wanted & have):
                out.append(iid)
        return out

    def exchanges_with(self, interview_id: str, theme_ids: Iterable[str],
                       require_all: bool = False) -> list[int]:
        """1-based numbers of the interview's exchanges carrying any (or all) of the themes.

        An empty selection means every exchange.
        """
        wanted = set(theme_ids)
        per = self.exchange_themes.get(interview_id, ())
        if not wanted:
            return list(range(1, len(per) + 1))
        return [k + 1 for k, themes in enumerate(per)
                if ((wanted <= themes) if require_all else (wanted & themes))]


def tag_interview(index: ThemeIndex, interview: Interview) -> tuple[frozenset[str], ...]:
    return tuple(index.exchange_themes(ex) for ex in interview.exchanges)


def tag_corpus(lexicon: Lexicon | ThemeIndex, interviews: Iterable[Interview]) -> CorpusThemes:
    """Tag every exchange of every interview; re-run it after the lexicon changes."""
    index = lexicon if isinstance(lexicon, ThemeIndex) else ThemeIndex(lexicon)
    result = CorpusThemes(index.theme_ids)
    for iv in interviews:
        result.add(iv.id, tag_interview(index, iv))
    return result
