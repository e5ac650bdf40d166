"""NRR, IKM and grade exactly as PermenPAN-RB 14/2017 defines them; sample size; weak elements; courses."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .. import data

GRADES = ((88.31, "A"), (76.61, "B"), (65.00, "C"), (25.00, "D"))  # lower bounds of IKM, PermenPAN-RB 14/2017
SMALL_SAMPLE = 30  # below this a unit's IKM is a rough guide only


@dataclass
class Group:
    """One unit (layanan None) or one service of a unit, over all answers or one period."""

    unit: str
    layanan: str | None = None
    period: str | None = None
    rank: int = 0  # periods sort by rank, then label: files keep the order they were given in
    respondents: int = 0
    sums: dict[str, int] = field(default_factory=lambda: dict.fromkeys(data.skm_ids(), 0))
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(data.skm_ids(), 0))
    complaints: dict[str, int] = field(default_factory=lambda: dict.fromkeys(data.skm_ids(), 0))

    def add(self, scores: dict[str, int]) -> None:
        self.respondents += 1
        for e, value in scores.items():
            self.sums[e] += value
            self.counts[e] += 1

    def nrr(self) -> dict[str, float | None]:
        return {e: round(self.sums[e] / self.counts[e], 3) if self.counts[e] else None for e in data.skm_ids()}

    def missing(self) -> list[str]:
        """The elements nobody answered: with any of them the IKM cannot be computed."""
        return [e for e in data.skm_ids() if not self.counts[e]]

    def ikm(self) -> float | None:
        """Sum over the nine elements of NRR x 1/9 (exactly, never 0.111), times 25; None when one is missing."""
        if self.missing():
            return None
        return round(sum(self.sums[e] / self.counts[e] / 9 for e in data.skm_ids()) * 25, 2)

    def audit(self) -> dict:
        """Every step a supervisor can redo by hand: sum, answers, NRR, NRR x 1/9, their total and x 25."""
        rows = {}
        for e in data.skm_ids():
            n = self.counts[e]
            nrr = self.sums[e] / n if n else None
            rows[e] = {"sum": self.sums[e], "answers": n, "nrr": None if nrr is None else round(nrr, 4),
                       "weighted": None if nrr is None else round(nrr / 9, 4)}
        total = None if self.missing() else sum(self.sums[e] / self.counts[e] / 9 for e in data.skm_ids())
        return {"elements": rows, "weight": "1/9", "total_weighted": None if total is None else round(total, 4),
                "times_25": None if total is None else round(total * 25, 2)}


def grade(ikm: float | None) -> str | None:
    if ikm is None:
        return None
    return next((letter for bound, letter in GRADES if ikm >= bound), "D")


def minimum_sample(population: int) -> int:
    """Krejcie-Morgan, as the SKM guidance uses it: X2 = 3.841, P = 0.5, d = 0.05, rounded up."""
    x2, p, d = 3.841, 0.5, 0.05
    return math.ceil(x2 * population * p * (1 - p) / (d * d * (population - 1) + x2 * p * (1 - p)))


def weakest(g: Group, share: float) -> list[str]:
    """The elements with the lowest NRR, and every element with more than `share` of the complaints."""
    nrr = {e: v for e, v in g.nrr().items() if v is not None}
    low = min(nrr.values()) if nrr else None
    out = [e for e in data.skm_ids() if low is not None and nrr.get(e) == low]
    total = sum(g.complaints.values())
    out += [e for e in data.skm_ids() if total and g.complaints[e] / total > share and e not in out]
    return out


def recommend(weak: list[str], courses) -> list:
    """Published courses that improve a weak element: most weak elements first, then fewer JP, then id."""
    scored = [(len(set(weak) & set(c.improves)), c) for c in courses]
    return [c for hits, c in sorted(scored, key=lambda x: (-x[0], x[1].jp, x[1].id)) if hits]


def ordered(groups) -> list[Group]:
    """Units by name, each unit's total first, then its services; periods in time order."""
    return sorted(groups, key=lambda g: (g.unit.casefold(), g.layanan is not None, (g.layanan or "").casefold(),
                                         g.rank, g.period or ""))
