"""Which datasets is each proposed model evaluated on?

A paper that proposes a model and evaluates on a dataset pairs the two. Run from
anywhere:

    python examples/proposed_models_datasets.py                    # the seed digests
    python examples/proposed_models_datasets.py out/seeds.kg.json  # a built graph
"""
from __future__ import annotations

import sys
from collections import defaultdict
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
    datasets = defaultdict(list)
    for link in analytics.usage(G, model_role="proposed", dataset_role="used"):
        datasets[link.source].append(f"{link.target} ({link.weight})")
    proposed = analytics.top(G, "Model", k=None, role="proposed")
    print(f"{len(proposed)} proposed model(s); {len(datasets)} evaluated on a known dataset:")
    for r in proposed:
        if r.name in datasets:
            print(f"  {r.name}: {', '.join(datasets[r.name])}")


if __name__ == "__main__":
    main(sys.argv[1:])
