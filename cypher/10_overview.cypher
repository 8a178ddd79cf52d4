// A first look at the graph: how much of everything there is, and a picture of it.

// Nodes per label
// How many papers, authors, institutions, models, datasets, categories and digests.
:param limit => 20
MATCH (n)
RETURN labels(n)[0] AS label, count(*) AS nodes
ORDER BY label
LIMIT $limit;

// Relationships per type
// How many relationships of each type (AUTHORED, USES, ...).
:param limit => 20
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS relationships
ORDER BY type
LIMIT $limit;

// Papers per digest
// Each digest file with the number of paper entries it contributed.
:param limit => 50
MATCH (d:Digest)
OPTIONAL MATCH (p:Paper)-[:APPEARS_IN]->(d)
RETURN d.name AS digest, count(p) AS papers
ORDER BY digest
LIMIT $limit;

// Papers per category
// Each arXiv category with its number of papers, largest first.
:param limit => 20
MATCH (c:Category)
OPTIONAL MATCH (p:Paper)-[:IN_CATEGORY]->(c)
RETURN c.name AS category, count(p) AS papers
ORDER BY papers DESC, category
LIMIT $limit;

// Authors, papers and institutions as a graph
// A picture to start from in Browser: who wrote what, and where the papers come from.
:param limit => 100
MATCH path = (:Author)-[:AUTHORED]->(p:Paper)-[:AFFILIATED_WITH]->(:Institution)
RETURN path
LIMIT $limit;
