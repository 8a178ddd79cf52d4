// Models: who proposes them, who uses them, and the most used.

// Who proposes which models
// Each model a paper introduces, with the paper, its authors and institutions, and the evidence.
:param limit => 100;
MATCH (p:Paper)-[r:PROPOSES]->(m:Model)
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
RETURN m.name AS model, p.key AS key, p.name AS paper, authors, institutions,
       r.evidence AS evidence, r.file AS file, r.line AS line
ORDER BY model, key
LIMIT $limit;

// Models proposed at an institution
// The models introduced by papers affiliated with $institution (name, any case).
:param institution => 'DeepMind';
:param limit => 50;
MATCH (i:Institution)<-[:AFFILIATED_WITH]-(p:Paper)-[:PROPOSES]->(m:Model)
USING INDEX SEEK i:Institution(name_key)
WHERE i.name_key = toLower(trim($institution))
RETURN m.name AS model, p.key AS key, p.name AS paper
ORDER BY model, key
LIMIT $limit;

// Most-used models
// Models ranked by the number of papers that propose or use them (as in `kg stats`).
:param limit => 20;
MATCH (m:Model)
OPTIONAL MATCH (p:Paper)-[:PROPOSES|USES]->(m)
RETURN m.name AS model, count(DISTINCT p) AS papers
ORDER BY papers DESC, model
LIMIT $limit;

// Papers that use a model
// Papers that use or propose a model whose name matches $model in the full-text index
// (Lucene syntax, any case: 'transformer*' also finds Switch Transformers), with the role and the text it was found in.
:param model => 'transformer*';
:param limit => 50;
CALL db.index.fulltext.queryNodes('kg_text', $model) YIELD node AS m
WHERE m:Model
MATCH (p:Paper)-[r:PROPOSES|USES]->(m)
RETURN m.name AS model, type(r) AS role, p.key AS key, p.name AS paper,
       r.evidence AS evidence, r.file AS file, r.line AS line
ORDER BY model, key
LIMIT $limit;
