// kg's graph schema in Neo4j: the constraints `kg load` creates, and queries that
// show what the database holds. Labels: Paper, Author, Institution, Model, Dataset,
// Category, Digest, each keyed by a unique `key` and captioned by `name`.
// Relationships (all carry provenance: file, line, evidence, sources):
//   (:Author)-[:AUTHORED {position}]->(:Paper)
//   (:Paper)-[:AFFILIATED_WITH]->(:Institution), (:Author)-[:AFFILIATED_WITH]->(:Institution)
//   (:Paper)-[:PROPOSES|USES]->(:Model), (:Paper)-[:INTRODUCES|EVALUATES_ON]->(:Dataset)
//   (:Paper)-[:IN_CATEGORY]->(:Category), (:Paper)-[:APPEARS_IN]->(:Digest)
// Schema commands take no parameters or LIMIT; `kg load` runs these same statements.

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

// kg constraints in the database
// The uniqueness constraints whose name starts with $prefix, and what they hold unique.
:param prefix => 'kg_'
:param limit => 50
SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties
WHERE name STARTS WITH $prefix
RETURN name, type, labelsOrTypes[0] AS label, properties
ORDER BY name
LIMIT $limit;

// Relationship types and the labels they link
// Every (start label, type, end label) combination in the database, with its count.
:param limit => 50
MATCH (a)-[r]->(b)
RETURN labels(a)[0] AS from, type(r) AS type, labels(b)[0] AS to, count(*) AS relationships
ORDER BY type, from, to
LIMIT $limit;

// Property keys per label
// Which properties the nodes of each label carry (key and name on all of them).
:param limit => 50
MATCH (n)
UNWIND keys(n) AS property
WITH labels(n)[0] AS label, property
ORDER BY label, property
RETURN label, collect(DISTINCT property) AS properties
ORDER BY label
LIMIT $limit;
