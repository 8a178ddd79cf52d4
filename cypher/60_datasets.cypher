// Datasets: who introduces them, who evaluates on them, and the most used.

// Most-used datasets
// Datasets ranked by the number of papers that introduce or evaluate on them (as in `kg stats`).
:param limit => 20;
MATCH (d:Dataset)
OPTIONAL MATCH (p:Paper)-[:INTRODUCES|EVALUATES_ON]->(d)
RETURN d.name AS dataset, count(DISTINCT p) AS papers
ORDER BY papers DESC, dataset
LIMIT $limit;

// Papers that evaluate on a dataset
// Papers that use or introduce the dataset named $dataset (any case), with the evidence.
:param dataset => 'SQuAD';
:param limit => 50;
MATCH (p:Paper)-[r:INTRODUCES|EVALUATES_ON]->(d:Dataset)
USING INDEX SEEK d:Dataset(name_key)
WHERE d.name_key = toLower(trim($dataset))
RETURN d.name AS dataset, type(r) AS role, p.key AS key, p.name AS paper,
       r.evidence AS evidence, r.file AS file, r.line AS line
ORDER BY key
LIMIT $limit;

// Datasets introduced by papers
// Each dataset or benchmark a paper introduces, with the paper and the evidence.
:param limit => 100;
MATCH (p:Paper)-[r:INTRODUCES]->(d:Dataset)
RETURN d.name AS dataset, p.key AS key, p.name AS paper, r.evidence AS evidence, r.file AS file, r.line AS line
ORDER BY dataset, key
LIMIT $limit;
