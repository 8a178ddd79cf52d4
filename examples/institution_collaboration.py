"""Which institutions collaborate most?

Two institutions collaborate when one paper names both; the weight of a pair is the
number of such papers. Run from anywhere:

    python examples/institution_collaboration.py                    # the seed digests
    python examples/institution_collaboration.py out/seeds.kg.json  # a built graph
    python examples/institution_collaboration.py digests/           # other digests
"""
from __future__ import annotations

import sys
from pathlib import Path

import kg
from kg import analytics
from kg.stores import networkx_store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def load(args: list[str]):
    if len(args) == 1 and args[0].endswith(".json"):
        return networkx_store.load(args[0])
    return kg.build_graph(args or [SEEDS])


def main(args: list[str]) -> None:
    G = load(args)
    pairs = analytics.collaborations(G)
    print(f"{len(pairs)} collaborating institution pairs; the strongest:")
    for p in pairs[:10]:
        print(f"  {p.weight} paper(s)  {p.source} + {p.target}")

    print("\nInstitutions with the most partners:")
    for s in analytics.centrality(G, "degree", of="institutions", k=5):
        partners = analytics.collaborations(G, institution=s.id)
        if partners:
            print(f"  {s.name}: {len(partners)} partner(s): {', '.join(p.target for p in partners)}")


if __name__ == "__main__":
    main(sys.argv[1:])
