// Papers: one paper in full, searching by title or text, and what is missing.

// A paper with its authors, institutions, models and datasets
// Everything kg knows about the paper whose key (arXiv id) or title (any case) is $paper.
:param paper => '2209.01947';
:param limit => 5;
CALL () {
  MATCH (p:Paper {key: $paper}) RETURN p
  UNION
  MATCH (p:Paper {name_key: toLower(trim($paper))}) RETURN p
}
CALL (p) {
  OPTIONAL MATCH (a:Author)-[w:AUTHORED]->(p)
  WITH a, w ORDER BY w.position
  RETURN collect(a.name) AS authors
}
CALL (p) {
  OPTIONAL MATCH (p)-[:AFFILIATED_WITH]->(i:Institution)
  WITH i ORDER BY i.name
  RETURN collect(i.name) AS institutions
}
CALL (p) {
  OPTIONAL MATCH (p)-[r:PROPOSES|USES]->(m:Model)
  WITH r, m ORDER BY m.name
  RETURN collect(CASE type(r) WHEN 'PROPOSES' THEN m.name END) AS proposes,
         collect(CASE type(r) WHEN 'USES' THEN m.name END) AS uses
}
CALL (p) {
  OPTIONAL MATCH (p)-[r:INTRODUCES|EVALUATES_ON]->(d:Dataset)
  WITH r, d ORDER BY d.name
  RETURN collect(CASE type(r) WHEN 'INTRODUCES' THEN d.name END) AS introduces,
         collect(CASE type(r) WHEN 'EVALUATES_ON' THEN d.name END) AS evaluates_on
}
CALL (p) {
  OPTIONAL MATCH (p)-[:IN_CATEGORY]->(c:Category)
  WITH c ORDER BY c.name
  RETURN collect(c.name) AS categories
}
CALL (p) {
  OPTIONAL MATCH (p)-[s:APPEARS_IN]->(:Digest)
  WITH s ORDER BY s.file, s.line
  RETURN collect(s.file + ':' + s.line) AS seen_at
}
RETURN p.key AS key, p.name AS paper, p.url AS url, categories,
       authors, institutions, proposes, uses, introduces, evaluates_on, seen_at
ORDER BY key
LIMIT $limit;

// A paper and its neighbourhood as a graph
// The paper whose key or title (any case) is $paper with every node linked to it, for Browser's graph view.
:param paper => '2209.01947';
:param limit => 100;
CALL () {
  MATCH (p:Paper {key: $paper}) RETURN p
  UNION
  MATCH (p:Paper {name_key: toLower(trim($paper))}) RETURN p
}
MATCH path = (p)-[]-()
RETURN path
LIMIT $limit;

// Papers whose title or abstract mentions a text
// Full-text search (index kg_text, any case) of titles and abstracts for $text, in Lucene syntax: words, "a phrase", prefix*, AND / OR; best match first.
:param text => 'transformer*';
:param limit => 50;
CALL db.index.fulltext.queryNodes('kg_text', $text) YIELD node AS p, score
WHERE p:Paper
RETURN p.key AS key, p.name AS paper, p.kind AS kind, round(score, 3) AS score
ORDER BY score DESC, key
LIMIT $limit;

// Papers without affiliation
// Papers no institution is linked to (typically bare abstracts), with the digest line they come from.
:param limit => 100;
MATCH (p:Paper)
WHERE NOT (p)-[:AFFILIATED_WITH]->(:Institution)
OPTIONAL MATCH (p)-[s:APPEARS_IN]->(:Digest)
WITH p, s ORDER BY s.file, s.line
WITH p, collect(s)[0] AS first
RETURN p.key AS key, p.name AS paper, p.kind AS kind, first.file AS file, first.line AS line
ORDER BY file, line, key
LIMIT $limit;
