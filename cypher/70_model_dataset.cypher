// Models and datasets together: which datasets a model is evaluated on, and back.
// A model "is evaluated on" a dataset when one paper both proposes or uses the model
// and introduces or evaluates on the dataset.

// Datasets a model is evaluated on
// The datasets of the papers that propose or use the model named $model (any case).
:param model => 'BART';
:param limit => 50;
MATCH (m:Model)<-[:PROPOSES|USES]-(p:Paper)-[:INTRODUCES|EVALUATES_ON]->(d:Dataset)
USING INDEX SEEK m:Model(name_key)
WHERE m.name_key = toLower(trim($model))
WITH d, p ORDER BY p.key
RETURN d.name AS dataset, count(DISTINCT p) AS papers, collect(DISTINCT p.key) AS paper_keys
ORDER BY papers DESC, dataset
LIMIT $limit;

// Models evaluated on a dataset
// The models proposed or used by the papers that introduce or evaluate on $dataset (any case).
:param dataset => 'GLUE';
:param limit => 50;
MATCH (d:Dataset)<-[:INTRODUCES|EVALUATES_ON]-(p:Paper)-[:PROPOSES|USES]->(m:Model)
USING INDEX SEEK d:Dataset(name_key)
WHERE d.name_key = toLower(trim($dataset))
WITH m, p ORDER BY p.key
RETURN m.name AS model, count(DISTINCT p) AS papers, collect(DISTINCT p.key) AS paper_keys
ORDER BY papers DESC, model
LIMIT $limit;

// Model and dataset pairs
// How many papers pair each model with each dataset, most frequent first.
:param limit => 50;
MATCH (m:Model)<-[:PROPOSES|USES]-(p:Paper)-[:INTRODUCES|EVALUATES_ON]->(d:Dataset)
RETURN m.name AS model, d.name AS dataset, count(DISTINCT p) AS papers
ORDER BY papers DESC, model, dataset
LIMIT $limit;

// Models and datasets of papers as a graph
// Papers with the models and datasets they involve, for Browser's graph view.
:param limit => 100;
MATCH path = (:Model)<-[:PROPOSES|USES]-(:Paper)-[:INTRODUCES|EVALUATES_ON]->(:Dataset)
RETURN path
LIMIT $limit;
