"""The rows :mod:`kg.analytics` answers with: frozen dataclasses of plain data."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    """An edge of a projection: ``weight`` papers (``via``, by name) link the two."""

    source: str
    target: str
    weight: int
    via: tuple[str, ...]
    source_id: str
    target_id: str


@dataclass(frozen=True)
class Similarity:
    """Two papers that share ``shared`` entities (``via``); ``jaccard`` = shared / union."""

    source: str
    target: str
    shared: int
    jaccard: float
    via: tuple[str, ...]
    source_id: str
    target_id: str


@dataclass(frozen=True)
class Ranked:
    """An entity and its number of papers; ``group`` is the category/digest when grouped."""

    rank: int
    name: str
    papers: int
    id: str
    label: str
    group: str | None = None


@dataclass(frozen=True)
class Trend:
    """Papers of an entity per digest (``counts``, in time order), and the change
    ``delta`` from digest ``before`` to digest ``after``."""

    name: str
    delta: int
    counts: dict[str, int]
    before: str
    after: str
    id: str
    label: str


@dataclass(frozen=True)
class Community:
    """A community (or connected component), numbered from 1 by size; ``members`` are
    names, most connected first, ``ids`` the matching node ids."""

    index: int
    size: int
    members: tuple[str, ...]
    ids: tuple[str, ...]
    method: str


@dataclass(frozen=True)
class Bridge:
    """A node of ``community`` with edges into the other communities ``reaches``;
    ``links`` is the summed weight of those edges."""

    name: str
    community: int
    reaches: tuple[int, ...]
    links: int
    id: str
    label: str


@dataclass(frozen=True)
class Score:
    """A centrality score (networkx's normalised definitions)."""

    rank: int
    name: str
    score: float
    id: str
    label: str
    measure: str


@dataclass(frozen=True)
class Step:
    """One node of a path; ``rel`` links it to the previous step, ``forward`` says the
    relationship points from the previous step to this one."""

    id: str
    label: str
    name: str
    rel: str | None = None
    forward: bool | None = None


@dataclass(frozen=True)
class ShortestPath:
    """A shortest path: its ``steps`` from source to target and the ``papers`` (names)
    along it, in order."""

    source: str
    target: str
    length: int
    steps: tuple[Step, ...]
    papers: tuple[str, ...]

    def __str__(self) -> str:
        out = self.steps[0].name
        for s in self.steps[1:]:
            out += f" -{s.rel}-> {s.name}" if s.forward else f" <-{s.rel}- {s.name}"
        return out
