// kg's graph schema in Neo4j: the constraints `kg load` creates, and queries that
// show what the database holds. Labels: Paper, Author, Institution, Model, Dataset,
// Category, Digest, each keyed by a unique `key` and captioned by `name`.
// Relationships (all carry provenance: file, line, evidence, sources):
//   (:Author)-[:AUTHORED {position}]->(:Paper)
//   (:Paper)-[:AFFILIATED_WITH]->(:Institution), (:Author)-[:AFFILIATED_WITH]->(:Institution)
//   (:Paper)-[:PROPOSES|USES]->(:Model), (:Paper)-[:INTRODUCES|EVALUATES_ON]->(:Dataset)
//   (:Paper)-[:IN_CATEGORY]->(:Category), (:Paper)-[:APPEARS_IN]->(:Digest)
// Every node also has `name_key` (its name trimmed and lower-cased), range-indexed per
// label so that `{name_key: toLower(trim($name))}` is an index seek; `kg_text` is a
// full-text index over names, titles and abstracts for the search queries.
// Schema commands take no parameters or LIMIT; `kg load` runs these same statements.
// Needs Neo4j 5.23 or newer (CALL (x) { ... } subqueries).

// Constraint: unique Paper key
// Papers are keyed by arXiv id, else by a hash of their title or text.
CREATE CONSTRAINT kg_paper_key IF NOT EXISTS FOR (n:Paper) REQUIRE n.key IS UNIQUE;

// Constraint: unique Author key
// Authors are keyed by their normalised written name.
CREATE CONSTRAINT kg_author_key IF NOT EXISTS FOR (n:Author) REQUIRE n.key IS UNIQUE;

// Constraint: unique Institution key
// Institutions are keyed by the slug of their canonical name.
CREATE CONSTRAINT kg_institution_key IF NOT EXISTS FOR (n:Institution) REQUIRE n.key IS UNIQUE;

// Constraint: unique Model key
// Models are keyed by the slug of their canonical name.
CREATE CONSTRAINT kg_model_key IF NOT EXISTS FOR (n:Model) REQUIRE n.key IS UNIQUE;

// Constraint: unique Dataset key
// Datasets are keyed by the slug of their canonical name.
CREATE CONSTRAINT kg_dataset_key IF NOT EXISTS FOR (n:Dataset) REQUIRE n.key IS UNIQUE;

// Constraint: unique Category key
// Categories are keyed by their arXiv group code (LG, CL, CV, ...).
CREATE CONSTRAINT kg_category_key IF NOT EXISTS FOR (n:Category) REQUIRE n.key IS UNIQUE;

// Constraint: unique Digest key
// Digests are keyed by the file name of the digest.
CREATE CONSTRAINT kg_digest_key IF NOT EXISTS FOR (n:Digest) REQUIRE n.key IS UNIQUE;

// Index: Paper name_key
// Finds paper nodes by name, any case, without a label scan.
CREATE INDEX kg_paper_name_key IF NOT EXISTS FOR (n:Paper) ON (n.name_key);

// Index: Author name_key
// Finds author nodes by name, any case, without a label scan.
CREATE INDEX kg_author_name_key IF NOT EXISTS FOR (n:Author) ON (n.name_key);

// Index: Institution name_key
// Finds institution nodes by name, any case, without a label scan.
CREATE INDEX kg_institution_name_key IF NOT EXISTS FOR (n:Institution) ON (n.name_key);

// Index: Model name_key
// Finds model nodes by name, any case, without a label scan.
CREATE INDEX kg_model_name_key IF NOT EXISTS FOR (n:Model) ON (n.name_key);

// Index: Dataset name_key
// Finds dataset nodes by name, any case, without a label scan.
CREATE INDEX kg_dataset_name_key IF NOT EXISTS FOR (n:Dataset) ON (n.name_key);

// Index: Category name_key
// Finds category nodes by name, any case, without a label scan.
CREATE INDEX kg_category_name_key IF NOT EXISTS FOR (n:Category) ON (n.name_key);

// Index: Digest name_key
// Finds digest nodes by name, any case, without a label scan.
CREATE INDEX kg_digest_name_key IF NOT EXISTS FOR (n:Digest) ON (n.name_key);

// Index: full text of names, titles and abstracts
// Behind the search queries: Lucene syntax, e.g. transformer*, "language model", bert OR gpt.
CREATE FULLTEXT INDEX kg_text IF NOT EXISTS FOR (n:Paper|Author|Institution|Model|Dataset|Category|Digest) ON EACH [n.name, n.title, n.abstract];

// kg constraints in the database
// The uniqueness constraints whose name starts with $prefix, and what they hold unique.
:param prefix => 'kg_';
:param limit => 50;
SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties
WHERE name STARTS WITH $prefix
RETURN name, type, labelsOrTypes[0] AS label, properties
ORDER BY name
LIMIT $limit;

// Relationship types and the labels they link
// Every (start label, type, end label) combination in the database, with its count.
:param limit => 50;
MATCH (a:Paper|Author|Institution|Model|Dataset|Category|Digest)-[r:AUTHORED|AFFILIATED_WITH|PROPOSES|USES|INTRODUCES|EVALUATES_ON|IN_CATEGORY|APPEARS_IN]->(b:Paper|Author|Institution|Model|Dataset|Category|Digest)
RETURN labels(a)[0] AS from, type(r) AS type, labels(b)[0] AS to, count(*) AS relationships
ORDER BY type, from, to
LIMIT $limit;

// Property keys per label
// Which properties the nodes of each label carry (key and name on all of them).
:param limit => 50;
MATCH (n:Paper|Author|Institution|Model|Dataset|Category|Digest)
UNWIND keys(n) AS property
WITH labels(n)[0] AS label, property
ORDER BY label, property
RETURN label, collect(DISTINCT property) AS properties
ORDER BY label
LIMIT $limit;
