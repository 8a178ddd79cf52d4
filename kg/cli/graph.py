"""kg stats, export and why: reading a graph file."""
from __future__ import annotations

import os
import sys

import click
import orjson

from kg.cli.common import curation_option, handle_errors
from kg.cli.neo4j import neo4j_options


# --- stats --------------------------------------------------------------------------------


@click.command()
@click.argument("graph", type=click.Path(dir_okay=False), required=False)
@click.option("--top", "k", default=5, show_default=True, help="How many top entities per type.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--neo4j", "from_neo4j", is_flag=True, help="Read the graph in Neo4j (see `kg load`) instead of a file.")
# The same -a -u -p -d as `kg load` and `kg cypher` (cypher-shell's), so one connection
# line works for every Neo4j command.
@neo4j_options
@handle_errors
def stats(graph, k, fmt, from_neo4j, uri, user, password, database):
    """Node and edge counts per type, and the top entities, of a graph file or of Neo4j.

    Neo4j gives the same figures as the graph file of the same input.

    \b
    Example:
      kg stats out/seeds.kg.json --top 10
      kg stats --neo4j --uri bolt://127.0.0.1:7687
    """
    from kg.stats import graph_stats
    from kg.stores import networkx_store

    if from_neo4j == (graph is not None):
        raise click.UsageError("give either a GRAPH file or --neo4j")
    if from_neo4j:
        from kg.neo4j import store as neo4j_store

        uri, user, password, database = neo4j_store.connection_settings(uri, user, password, database)
        driver = neo4j_store.connect(uri, user, password, database=database)
        try:
            s = neo4j_store.read_stats(driver, k, database)
        finally:
            driver.close()
    else:
        s = graph_stats(networkx_store.load(graph), k)
    if fmt == "json":
        click.echo(orjson.dumps(s.to_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    from kg.report import stats_table

    click.echo(stats_table(s), nl=False)


# --- export -------------------------------------------------------------------------------


@click.command()
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["html", "png", "graphml", "gexf", "json", "vosviewer", "csv"]),
              default="html", show_default=True,
              help="html: interactive map; png: a picture of it (headless Chromium); vosviewer: the map as "
                   "VOSviewer JSON; graphml/gexf/json/csv: the whole graph.")
@click.option("-o", "--output", required=True, type=click.Path(allow_dash=True),
              help="Output file (a folder for csv); - is stdout.")
@click.option("--view", type=click.Choice(["full", "coauthors", "institutions", "models-datasets"]), default="full",
              show_default=True,
              help="map: what to draw (coauthors: authors linked by shared papers; institutions: institutions "
                   "linked by shared papers; models-datasets: models and datasets linked by the papers that "
                   "have both; full: every node and relationship).")
@click.option("--weights", type=click.Choice(["count", "association"]), default="count", show_default=True,
              help="map: link weight: shared papers, or association strength (shared papers over what the "
                   "two nodes' totals predict, as VOSviewer normalises).")
@click.option("--min-papers", default=0, show_default=True, type=click.IntRange(min=0), metavar="N",
              help="map: leave out nodes with fewer than N papers.")
@click.option("--min-weight", default=0.0, show_default=True, type=click.FloatRange(min=0), metavar="W",
              help="map: leave out links whose weight is below W.")
@click.option("--min-degree", default=0, show_default=True, type=click.IntRange(min=0), metavar="K",
              help="map: keep only nodes with at least K links, repeatedly (the K-core).")
@click.option("--resolution", default=1.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="map: cluster resolution (higher: more, smaller clusters).")
@click.option("--focus", default=None, metavar="NAME",
              help="map: draw only the neighbourhood of this node (an id like 'Model:gpt-4', or a name or part of one).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(min=0), help="map: hops around --focus.")
@click.option("--since", default=None, metavar="YYYY-MM[-DD]", help="Only papers (and digests) from this month on.")
@click.option("--until", default=None, metavar="YYYY-MM[-DD]", help="Only papers (and digests) up to this month.")
@click.option("--title", default=None, help="map: page heading (default: after the view).")
@click.option("--color-by", type=click.Choice(["cluster", "type", "time"]), default=None,
              help="html/png: colour nodes by cluster, type, or the mean date of their papers when the page "
                   "opens (default: cluster, or type in a small full view).")
@curation_option
@handle_errors
def export(graph, fmt, output, view, weights, min_papers, min_weight, min_degree, resolution, focus, depth, since,
           until, title, color_by, curation_file):
    """Export a graph file as an interactive map (HTML), a picture of it (PNG), VOSviewer
    JSON, GraphML, GEXF, node-link JSON or CSV.

    The HTML map is one self-contained file that works offline: clusters named in the
    legend, links as wide as their weight, a time slider, search, details with links,
    and a button to save the view as PNG or SVG. Maps of more than 5,000 nodes open on
    the map of their clusters. CSV is a folder of files for `neo4j-admin database
    import` with an import.sh beside them.

    \b
    Example:
      kg export out/seeds.kg.json --format html -o out/full.html
      kg export out/seeds.kg.json --view coauthors --min-papers 2 -o coauthors.html
      kg export out/seeds.kg.json --view institutions --weights association -o institutions.html
      kg export out/seeds.kg.json --view coauthors --format png -o coauthors.png
      kg export out/seeds.kg.json --view coauthors --format vosviewer -o coauthors.json
      kg export out/seeds.kg.json --focus "GPT-4" --depth 2 -o gpt4.html
      kg export out/seeds.kg.json --format gexf --since 2023-01 -o out/seeds.gexf
      kg export out/seeds.kg.json --format csv -o out/neo4j-csv/
    """
    from kg.export import PAGE_FORMATS
    from kg.export import export as do_export
    from kg.stores import networkx_store

    map_only = {"--view": view != "full", "--focus": focus is not None, "--depth": depth != 1,
                "--min-degree": min_degree != 0, "--min-papers": min_papers != 0, "--min-weight": min_weight != 0,
                "--weights": weights != "count", "--resolution": resolution != 1.0,
                "--title": title is not None, "--color-by": color_by is not None}
    if fmt not in PAGE_FORMATS and any(map_only.values()):
        used = [k for k, v in map_only.items() if v]
        raise click.UsageError(f"{', '.join(used)} {'applies' if len(used) == 1 else 'apply'} only to "
                               "--format html, png and vosviewer")
    from kg.resolve.curation import apply_curation, find_curation

    curation = find_curation(curation_file, graph)
    G = networkx_store.load(graph)
    if curation is not None:  # idempotent: lines the build applied are "in effect"
        G.graph["curation"] = [o.to_dict() for o in apply_curation(G, curation)]
    opts = {}
    if fmt in PAGE_FORMATS:
        opts = {"view": view, "focus": focus, "depth": depth, "min_degree": min_degree, "title": title,
                "min_papers": min_papers, "min_weight": min_weight, "weights": weights, "resolution": resolution,
                "color_by": color_by}
    if output == "-":
        if fmt == "csv":
            raise click.UsageError("--format csv writes a folder of files; give a folder, not -")
        import tempfile

        with tempfile.TemporaryDirectory(prefix="kg-export-") as tmp:
            for p in do_export(G, fmt, os.path.join(tmp, f"graph.{fmt}"), since=since, until=until, **opts):
                with open(p, "rb") as f:
                    sys.stdout.buffer.write(f.read())
            sys.stdout.buffer.flush()
        return
    for p in do_export(G, fmt, output, since=since, until=until, **opts):
        click.echo(f"wrote {p}", err=True)
    if since or until:
        _note_empty_period(G, since, until)


def _note_empty_period(G, since, until) -> None:
    """A period that holds no paper gives an empty export; say so, with the months the
    graph's papers do cover, rather than leave an empty page to be puzzled over."""
    from kg.export.views import month_of, month_text

    lo, hi = month_of(since), month_of(until)  # already checked by the export
    months = sorted(m for _, d in G.nodes(data=True)
                    if d.get("label") == "Paper" and (m := month_of(d.get("date"))) is not None)
    if any((lo is None or m >= lo) and (hi is None or m <= hi) for m in months):
        return
    covered = (f"the graph's papers are dated {month_text(months[0])} to {month_text(months[-1])}"
               if months else "no paper in the graph has a date")
    click.echo(f"note: no paper is dated {since or '…'} to {until or '…'} ({covered}); the export is empty",
               err=True)


# --- why --------------------------------------------------------------------------------


@click.command()
@click.argument("ref", metavar="NAME|NODE-ID")
@click.option("-g", "--graph", required=True, envvar="KG_GRAPH", type=click.Path(dir_okay=False),
              help="Graph file, or $KG_GRAPH when -g is not given.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handle_errors
def why(ref, graph, fmt):
    """Show how a node came to be: its mentions (file:line, evidence, rule), the merges
    into it and why, its edges' sources, and the curation lines that touched it.

    \b
    Example:
      kg why T5 -g out/seeds.kg.json
      kg why "Institution:CMU" -g out/seeds.kg.json --format json
    """
    from kg.stores import networkx_store
    from kg.resolve.why import explain, explanation_text

    e = explain(networkx_store.load(graph), ref)
    if fmt == "json":
        click.echo(orjson.dumps(e.to_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    click.echo(explanation_text(e), nl=False)
