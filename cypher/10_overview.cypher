// A first look at the graph: how much of everything there is, and a picture of it.

// Nodes per label
// How many papers, authors, institutions, models, datasets, categories and digests.
:param limit => 20;
CALL () {
  MATCH (:Paper) RETURN 'Paper' AS label, count(*) AS nodes
  UNION ALL
  MATCH (:Author) RETURN 'Author' AS label, count(*) AS nodes
  UNION ALL
  MATCH (:Institution) RETURN 'Institution' AS label, count(*) AS nodes
  UNION ALL
  MATCH (:Model) RETURN 'Model' AS label, count(*) AS nodes
  UNION ALL
  MATCH (:Dataset) RETURN 'Dataset' AS label, count(*) AS nodes
  UNION ALL
  MATCH (:Category) RETURN 'Category' AS label, count(*) AS nodes
  UNION ALL
  MATCH (:Digest) RETURN 'Digest' AS label, count(*) AS nodes
}
WITH label, nodes WHERE nodes > 0
RETURN label, nodes
ORDER BY label
LIMIT $limit;

// Relationships per type
// How many relationships of each type (AUTHORED, USES, ...).
:param limit => 20;
CALL () {
  MATCH ()-[:AUTHORED]->() RETURN 'AUTHORED' AS type, count(*) AS relationships
  UNION ALL
  MATCH ()-[:AFFILIATED_WITH]->() RETURN 'AFFILIATED_WITH' AS type, count(*) AS relationships
  UNION ALL
  MATCH ()-[:PROPOSES]->() RETURN 'PROPOSES' AS type, count(*) AS relationships
  UNION ALL
  MATCH ()-[:USES]->() RETURN 'USES' AS type, count(*) AS relationships
  UNION ALL
  MATCH ()-[:INTRODUCES]->() RETURN 'INTRODUCES' AS type, count(*) AS relationships
  UNION ALL
  MATCH ()-[:EVALUATES_ON]->() RETURN 'EVALUATES_ON' AS type, count(*) AS relationships
  UNION ALL
  MATCH ()-[:IN_CATEGORY]->() RETURN 'IN_CATEGORY' AS type, count(*) AS relationships
  UNION ALL
  MATCH ()-[:APPEARS_IN]->() RETURN 'APPEARS_IN' AS type, count(*) AS relationships
}
WITH type, relationships WHERE relationships > 0
RETURN type, relationships
ORDER BY type
LIMIT $limit;

// Papers per digest
// Each digest file with the number of paper entries it contributed.
:param limit => 50;
MATCH (d:Digest)
OPTIONAL MATCH (p:Paper)-[:APPEARS_IN]->(d)
RETURN d.name AS digest, count(p) AS papers
ORDER BY digest
LIMIT $limit;

// Papers per category
// Each arXiv category with its number of papers, largest first.
:param limit => 20;
MATCH (c:Category)
OPTIONAL MATCH (p:Paper)-[:IN_CATEGORY]->(c)
RETURN c.name AS category, count(p) AS papers
ORDER BY papers DESC, category
LIMIT $limit;

// Authors, papers and institutions as a graph
// A picture to start from in Browser: who wrote what, and where the papers come from.
:param limit => 100;
MATCH path = (:Author)-[:AUTHORED]->(p:Paper)-[:AFFILIATED_WITH]->(:Institution)
RETURN path
LIMIT $limit;
