"""What rose between the last two digests?

Digests, in file-name order, are the time axis: count the papers that mention each
model in every digest and rank by the change between the last two. Run from anywhere:

    python examples/rising_models.py                                # the seed digests
    python examples/rising_models.py out/seeds.kg.json --plot rising.png
"""
from __future__ import annotations

import argparse
from pathlib import Path

import kg
from kg import analytics
from kg.stores import networkx_store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="digest files/folders, or one .kg.json graph (default: seeds/)")
    ap.add_argument("--label", default="Model", help="Model, Dataset, Author, Institution or Category")
    ap.add_argument("--plot", metavar="FILE.png", help="also draw papers per digest")
    args = ap.parse_args()
    if len(args.paths) == 1 and args.paths[0].endswith(".json"):
        G = networkx_store.load(args.paths[0])
    else:
        G = kg.build_graph(args.paths or [SEEDS])

    rows = analytics.trends(G, args.label, k=10)
    if not rows:
        print(f"no {args.label.lower()} in any digest")
        return
    before, after = rows[0].before, rows[0].after
    print(f"{args.label}s from {before} to {after}:")
    for r in rows:
        print(f"  {r.delta:+d}  {r.name} ({r.counts[before]} -> {r.counts[after]})")
    if args.plot:
        print("wrote", analytics.plot_trends(rows, args.plot))


if __name__ == "__main__":
    main()
