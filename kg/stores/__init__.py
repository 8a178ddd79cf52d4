"""Graph stores: the embedded NetworkX file (default) and a Neo4j server."""
