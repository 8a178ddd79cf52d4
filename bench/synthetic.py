"""Synthetic kg-schema graphs for benchmarking and testing the exporters.

Real digests give a few hundred nodes; the HTML exporter has to stay fast at 10,000
nodes and 50,000 edges, so the benchmark (``bench/bench_html.py``) and the browser tests
build graphs of that shape here. The generator follows the schema of :mod:`kg.graph`
(labels, keys, relationship types and provenance attributes) and imitates the shape of
real paper graphs: papers cluster by topic, and a few models and datasets (GPT-4,
ImageNet, ...) are used by a large share of papers, so hubs and communities exist.

Everything is drawn from one ``random.Random(seed)``: the same arguments always give the
same graph.
"""
from __future__ import annotations

import functools
import itertools
import random

import networkx as nx

from kg.graph import new_graph, node_id

__all__ = ["synthetic_graph"]

_FIRST = ("Wei", "Anna", "Jun", "Maria", "Ravi", "Elena", "Tom", "Yuki", "Omar", "Sara", "Li", "Ivan",
          "Chen", "Lucas", "Priya", "Noah", "Mei", "Ali", "Hana", "Paul", "Zoe", "Kai", "Nina", "Amir")
_LAST = ("Zhang", "Smith", "Wang", "Garcia", "Kumar", "Ivanova", "Brown", "Sato", "Haddad", "Rossi", "Liu",
         "Petrov", "Chen", "Martin", "Patel", "Kim", "Lee", "Nguyen", "Müller", "Silva", "Ahmed", "Cohen")
_MODELS = ("GPT-4", "LLaMA", "BERT", "ResNet", "ViT", "CLIP", "T5", "Stable Diffusion", "Mistral 7B",
           "Whisper", "SAM", "DINOv2", "PaLM", "Qwen", "YOLO", "U-Net", "RoBERTa", "Gemini")
_DATASETS = ("ImageNet", "COCO", "GLUE", "MMLU", "SQuAD", "CIFAR-10", "HumanEval", "GSM8K", "LAION-5B",
             "ADE20K", "Kinetics-400", "LibriSpeech", "WikiText-103", "MS MARCO")
_INSTITUTIONS = ("MIT", "Stanford University", "Tsinghua University", "Google DeepMind", "Meta AI",
                 "ETH Zurich", "University of Oxford", "Carnegie Mellon University", "Peking University",
                 "Microsoft Research", "University of Toronto", "KAIST", "Mila", "Allen Institute for AI")
_CATEGORIES = ("cs.CL", "cs.CV", "cs.LG", "cs.AI", "cs.RO", "cs.IR", "cs.SD", "cs.CR", "stat.ML", "eess.IV",
               "cs.NE", "cs.HC", "cs.MA", "cs.DC", "cs.SE", "cs.CY", "q-bio.QM", "eess.AS", "cs.GR", "math.OC")
_WORDS = ("Scaling", "Efficient", "Robust", "Sparse", "Learning", "Diffusion", "Transformers", "Graph",
          "Retrieval", "Reasoning", "Vision", "Language", "Agents", "Alignment", "Multimodal", "Benchmark",
          "Attention", "Distillation", "Contrastive", "Self-Supervised", "Federated", "Causal", "Neural")


@functools.lru_cache(maxsize=None)
def _zipf_cum_weights(n: int, s: float) -> tuple[float, ...]:
    return tuple(itertools.accumulate(1.0 / (i + 1) ** s for i in range(n)))


def synthetic_graph(n_nodes: int = 10_000, n_edges: int = 50_000, seed: int = 7,
                    topics: int | None = None) -> nx.MultiDiGraph:
    """A kg graph with exactly ``n_nodes`` nodes and ``n_edges`` edges (``n_nodes >= 60``).

    The node mix is roughly that of real digests: 30 % papers, 42 % authors, 15 % models,
    7 % datasets, 3.5 % institutions, and a few categories and digests. Each paper has
    2-6 authors, 1-2 institutions, proposes a model, uses and evaluates on a handful of
    models and datasets chosen mostly from its own topic with a Zipf popularity, and is in
    one category and one digest. USES edges are then added or removed to hit ``n_edges``.
    """
    if n_nodes < 60:
        raise ValueError("synthetic_graph needs at least 60 nodes")
    rng = random.Random(seed)
    n_cat = min(len(_CATEGORIES), max(3, n_nodes // 500))
    n_paper = int(n_nodes * 0.30)
    n_digest = max(1, n_paper // 13)
    n_inst = max(4, int(n_nodes * 0.035))
    n_model = max(6, int(n_nodes * 0.15))
    n_data = max(4, int(n_nodes * 0.07))
    n_author = n_nodes - n_paper - n_digest - n_inst - n_model - n_data - n_cat
    T = topics or max(2, n_nodes // 250)

    G = new_graph()

    def add(label: str, key: str, name: str, **props) -> str:
        nid = node_id(label, key)
        G.add_node(nid, label=label, key=key, name=name, **props)
        return nid

    def pools(label: str, n: int, names: tuple[str, ...], fmt) -> list[list[str]]:
        """n nodes split over T topics; famous names go to the head of random topics."""
        by_topic: list[list[str]] = [[] for _ in range(T)]
        for i in range(n):
            name = names[i] if i < len(names) else fmt(i)
            nid = add(label, f"{label.lower()}-{i:05d}", name)
            by_topic[i % T if i >= len(names) else rng.randrange(T)].append(nid)
        return by_topic

    models = pools("Model", n_model, _MODELS, lambda i: f"{rng.choice(_WORDS)}-{chr(65 + i % 26)}{i}")
    datasets = pools("Dataset", n_data, _DATASETS, lambda i: f"{rng.choice(_WORDS)}Bench-{i}")
    insts = pools("Institution", n_inst, _INSTITUTIONS, lambda i: f"Institute {i} of {rng.choice(_WORDS)} AI")
    authors = pools("Author", n_author, (), lambda i: f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {i}")
    cats = [add("Category", c, c) for c in _CATEGORIES[:n_cat]]
    digests = [add("Digest", f"digest_{i:04d}.txt", f"digest_{i:04d}.txt") for i in range(n_digest)]
    famous_models = [m for t in models for m in t if G.nodes[m]["name"] in _MODELS]
    famous_data = [d for t in datasets for d in t if G.nodes[d]["name"] in _DATASETS]

    def pick(pool: list[str], k: int, s: float = 1.1) -> list[str]:
        if not pool:
            return []
        k = min(k, len(pool))
        cw = _zipf_cum_weights(len(pool), s)
        out: list[str] = []
        while len(out) < k:
            c = rng.choices(pool, cum_weights=cw)[0]
            if c not in out:
                out.append(c)
        return out

    def edge(u: str, v: str, rel: str, file: str, line: int, evidence: str, **props) -> None:
        G.add_edge(u, v, key=rel, type=rel, file=file, line=line, evidence=evidence,
                   sources=[f"{file}:{line}"], **props)

    papers: list[tuple[str, int, str, int]] = []
    for i in range(n_paper):
        t = rng.randrange(T)
        digest = digests[i * n_digest // n_paper]
        file = G.nodes[digest]["name"]
        line = 1 + (i % 13) * 9
        title = f"{rng.choice(_WORDS)} {rng.choice(_WORDS)} for {rng.choice(_WORDS)} {rng.choice(_WORDS)}"
        arxiv = f"24{(i // 900) % 12 + 1:02d}.{i:05d}"
        # the month of an arXiv id (YYMM.nnnnn), as kg.graph dates papers; a digest is
        # dated by its first paper
        date = f"20{arxiv[:2]}-{arxiv[2:4]}"
        p = add("Paper", arxiv, title, title=title, arxiv_id=arxiv, category=None, kind="digest", lang="en",
                url=f"https://arxiv.org/abs/{arxiv}", date=date)
        G.nodes[digest].setdefault("date", date)
        papers.append((p, t, file, line))
        edge(p, digest, "APPEARS_IN", file, line, title)
        cat = cats[t % len(cats)]
        G.nodes[p]["category"] = G.nodes[cat]["name"]
        edge(p, cat, "IN_CATEGORY", file, line, f"[{G.nodes[cat]['name']}]")
        other = rng.randrange(T)
        team = pick(authors[t], rng.randint(2, 5), 0.8)
        if rng.random() < 0.25:
            team += [a for a in pick(authors[other], 1, 0.8) if a not in team]
        inst = pick(insts[t], rng.choice((1, 1, 2)), 0.9)
        for ins in inst:
            edge(p, ins, "AFFILIATED_WITH", file, line + 1, G.nodes[ins]["name"])
        for pos, a in enumerate(team, 1):
            edge(a, p, "AUTHORED", file, line + 1, G.nodes[a]["name"], position=pos)
            if len(inst) == 1:
                edge(a, inst[0], "AFFILIATED_WITH", file, line + 1, G.nodes[inst[0]]["name"])
        proposed = pick(models[t][len(models[t]) // 3:] or models[t], 1, 0.3)
        for m in proposed:
            edge(p, m, "PROPOSES", file, line + 2, f"we propose {G.nodes[m]['name']}")
        used = pick(models[t], rng.randint(1, 3), 1.0) + (pick(famous_models, 1, 1.0) if rng.random() < 0.5 else [])
        for m in used:
            if m not in proposed:
                edge(p, m, "USES", file, line + 3, f"compared with {G.nodes[m]['name']}")
        if rng.random() < 0.2:
            for d in pick(datasets[t][len(datasets[t]) // 2:] or datasets[t], 1, 0.3):
                edge(p, d, "INTRODUCES", file, line + 3, f"we introduce {G.nodes[d]['name']}")
        evals = pick(datasets[t], rng.randint(1, 3), 1.0) + (pick(famous_data, 1, 1.0) if rng.random() < 0.4 else [])
        for d in evals:
            if not G.has_edge(p, d):
                edge(p, d, "EVALUATES_ON", file, line + 4, f"results on {G.nodes[d]['name']}")

    # every entity of a real graph came from some paper: attach the ones no paper picked
    by_topic: list[list[tuple[str, int, str, int]]] = [[] for _ in range(T)]
    for rec in papers:
        by_topic[rec[1]].append(rec)
    for label, pools_, rel in (("Author", authors, "AUTHORED"), ("Model", models, "USES"),
                               ("Dataset", datasets, "EVALUATES_ON"), ("Institution", insts, "AFFILIATED_WITH")):
        for t, pool in enumerate(pools_):
            for nid in pool:
                if G.degree(nid):
                    continue
                p, _, file, line = rng.choice(by_topic[t] or papers)
                name = G.nodes[nid]["name"]
                if rel == "AUTHORED":
                    pos = 1 + sum(1 for _, _, k in G.in_edges(p, keys=True) if k == "AUTHORED")
                    edge(nid, p, rel, file, line + 1, name, position=pos)
                else:
                    edge(p, nid, rel, file, line + 3, name)

    # hit the edge budget exactly: add USES edges (popularity-weighted) or drop the last ones
    all_models = [m for pool in models for m in pool]
    have = G.number_of_edges()  # O(nodes) in networkx: count here, not in the loop
    while have < n_edges:
        p, t, file, line = papers[rng.randrange(n_paper)]
        m = pick(models[t], 1, 1.0)[0] if rng.random() < 0.8 else rng.choice(all_models)
        if not G.has_edge(p, m):
            edge(p, m, "USES", file, line + 3, f"built on {G.nodes[m]['name']}")
            have += 1
    if have > n_edges:
        uses = sorted((u, v) for u, v, k in G.edges(keys=True) if k == "USES")
        rng.shuffle(uses)
        for u, v in uses:
            if have == n_edges:
                break
            if G.degree(v) > 1:  # never orphan a model
                G.remove_edge(u, v, key="USES")
                have -= 1
    return G
