// Analytics: the Neo4j twin of every ranking and projection in kg.analytics.
// Each query returns the same names, counts and order as the Python function named in
// its title (counts descending, ties by name then id, where id = Label:key), so the two
// stores can be checked against each other. Communities, components, betweenness and
// PageRank need the Graph Data Science plugin, which plain Neo4j lacks: use
// `kg analyze` for those. Roles: 'any', 'proposed' (PROPOSES / INTRODUCES) or 'used'
// (USES / EVALUATES_ON). Digests may be given by a prefix of their key ('002').

// Co-author pairs (kg.analytics.coauthors)
// Authors linked by the papers they wrote together: weight = shared papers, via = their names.
:param limit => 20;
MATCH (a:Author)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)
WHERE a.name < b.name OR (a.name = b.name AND a.key < b.key)
WITH DISTINCT a, b, p ORDER BY p.name
RETURN a.name AS source, b.name AS target, count(p) AS weight, collect(p.name) AS via,
       'Author:' + a.key AS source_id, 'Author:' + b.key AS target_id
ORDER BY weight DESC, source, target, source_id, target_id
LIMIT $limit;

// Co-authors of one author (kg.analytics.coauthors with author=)
// Everyone who shares a paper with $author (name, any case), most shared papers first.
:param author => 'Y Bengio';
:param limit => 20;
MATCH (a:Author)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)
USING INDEX SEEK a:Author(name_key)
WHERE a.name_key = toLower(trim($author)) AND b <> a
WITH DISTINCT a, b, p ORDER BY p.name
RETURN a.name AS source, b.name AS target, count(p) AS weight, collect(p.name) AS via,
       'Author:' + a.key AS source_id, 'Author:' + b.key AS target_id
ORDER BY weight DESC, source, target, source_id, target_id
LIMIT $limit;

// Institution collaborations (kg.analytics.collaborations)
// Institutions named on the same papers: weight = shared papers, via = their names.
:param limit => 20;
MATCH (i:Institution)<-[:AFFILIATED_WITH]-(p:Paper)-[:AFFILIATED_WITH]->(j:Institution)
WHERE i.name < j.name OR (i.name = j.name AND i.key < j.key)
WITH DISTINCT i, j, p ORDER BY p.name
RETURN i.name AS source, j.name AS target, count(p) AS weight, collect(p.name) AS via,
       'Institution:' + i.key AS source_id, 'Institution:' + j.key AS target_id
ORDER BY weight DESC, source, target, source_id, target_id
LIMIT $limit;

// Partners of one institution (kg.analytics.collaborations with institution=)
// The institutions that share papers with $institution (name, any case), most shared papers first.
:param institution => 'University of Washington';
:param limit => 20;
MATCH (i:Institution)<-[:AFFILIATED_WITH]-(p:Paper)-[:AFFILIATED_WITH]->(j:Institution)
USING INDEX SEEK i:Institution(name_key)
WHERE i.name_key = toLower(trim($institution)) AND j <> i
WITH DISTINCT i, j, p ORDER BY p.name
RETURN i.name AS source, j.name AS target, count(p) AS weight, collect(p.name) AS via,
       'Institution:' + i.key AS source_id, 'Institution:' + j.key AS target_id
ORDER BY weight DESC, source, target, source_id, target_id
LIMIT $limit;

// Model and dataset usage (kg.analytics.usage)
// Model-dataset pairs by the papers that have both, with $model_role / $dataset_role any, proposed or used.
:param model_role => 'any';
:param dataset_role => 'any';
:param limit => 20;
MATCH (m:Model)<-[r:PROPOSES|USES]-(p:Paper)-[s:INTRODUCES|EVALUATES_ON]->(d:Dataset)
WHERE ($model_role = 'any' OR type(r) = CASE $model_role WHEN 'proposed' THEN 'PROPOSES' ELSE 'USES' END)
  AND ($dataset_role = 'any' OR type(s) = CASE $dataset_role WHEN 'proposed' THEN 'INTRODUCES' ELSE 'EVALUATES_ON' END)
WITH DISTINCT m, d, p ORDER BY p.name
RETURN m.name AS source, d.name AS target, count(p) AS weight, collect(p.name) AS via,
       'Model:' + m.key AS source_id, 'Dataset:' + d.key AS target_id
ORDER BY weight DESC, source, target, source_id, target_id
LIMIT $limit;

// Similar papers (kg.analytics.similar_papers)
// The $limit paper pairs sharing the most entities of the $labels kinds, then by Jaccard (shared / union of their entities). `kg load` stores the 1,000 most similar pairs of the whole graph for the four kinds in a :KgSimilarity node (kg.neo4j.similar); while the graph's counts are those they were computed on and $limit is within them, only those pairs are read and recounted (milliseconds). Otherwise computed sparsely: for a threshold t, two papers sharing t entities share one among the first (size - t + 1) of each, rarest first, so hubs drop out of the candidates; t is lowered until it gives $limit pairs.
:param labels => ['Author', 'Institution', 'Model', 'Dataset'];
:param limit => 20;
OPTIONAL MATCH (s:KgSimilarity)
WHERE all(l IN s.labels WHERE l IN $labels) AND all(l IN $labels WHERE l IN s.labels)
// From Neo4j's count store: any kg load that changed the graph changed one of these.
WITH s, [COUNT { (:Paper) }, COUNT { ()-[:AUTHORED]->() }, COUNT { ()-[:AFFILIATED_WITH]->() }, COUNT { ()-[:PROPOSES]->() }, COUNT { ()-[:USES]->() }, COUNT { ()-[:INTRODUCES]->() }, COUNT { ()-[:EVALUATES_ON]->() }] AS counts
WITH s, s IS NOT NULL AND s.counts = counts AND (s.complete OR $limit <= size(s.sources)) AS stored
CALL (s, stored) {
  // The stored pairs, best first: the first $limit of them are the answer.
  WITH s, stored WHERE stored
  UNWIND range(0, size(s.sources) - 1)[..$limit] AS i
  MATCH (p:Paper {key: s.sources[i]})-[:AUTHORED|AFFILIATED_WITH|PROPOSES|USES|INTRODUCES|EVALUATES_ON]-(x)-[:AUTHORED|AFFILIATED_WITH|PROPOSES|USES|INTRODUCES|EVALUATES_ON]-(q:Paper {key: s.targets[i]})
  WHERE any(l IN labels(x) WHERE l IN $labels)
  WITH p, q, collect(DISTINCT x) AS shared
  CALL (p) {
    MATCH (p)-[:AUTHORED|AFFILIATED_WITH|PROPOSES|USES|INTRODUCES|EVALUATES_ON]-(f)
    WHERE any(l IN labels(f) WHERE l IN $labels)
    RETURN count(DISTINCT f) AS p_size
  }
  CALL (q) {
    MATCH (q)-[:AUTHORED|AFFILIATED_WITH|PROPOSES|USES|INTRODUCES|EVALUATES_ON]-(f)
    WHERE any(l IN labels(f) WHERE l IN $labels)
    RETURN count(DISTINCT f) AS q_size
  }
  RETURN p, q, shared, p_size + q_size - size(shared) AS union
  UNION ALL
  // Nothing stored for these $labels and this graph: computed here.
  WITH s, stored WHERE NOT stored
  MATCH (p:Paper)-[:AUTHORED|AFFILIATED_WITH|PROPOSES|USES|INTRODUCES|EVALUATES_ON]-(e)
  WHERE any(l IN labels(e) WHERE l IN $labels)
  WITH DISTINCT p, e
  WITH e, collect(p) AS papers
  UNWIND papers AS p
  WITH p, e, size(papers) AS degree
  ORDER BY degree, labels(e)[0], e.key
  WITH p, collect(e) AS entities
  // Largest first, so that a pass at threshold t reads only the papers with t entities or more.
  ORDER BY size(entities) DESC, p.key
  WITH collect({paper: p, entities: entities}) AS docs
  WITH docs, coalesce(size(docs[0].entities), 1) AS largest
  // Thresholds tried from high to low (a pass is cheap while t is high); the first that
  // gives $limit pairs wins, and Neo4j stops there (LIMIT 1 below).
  UNWIND range(largest, 1, -1) AS t
  CALL (docs, t) {
    UNWIND range(0, size([d IN docs WHERE size(d.entities) >= t]) - 1) AS n
    WITH n, docs[n].entities AS entities
    UNWIND entities[..size(entities) - t + 1] AS e
    WITH e, collect(n) AS holders
    UNWIND range(0, size(holders) - 2) AS i
    UNWIND range(i + 1, size(holders) - 1) AS j
    // Pairs as numbers into docs: cheap to deduplicate (a pair may share several prefix entities).
    WITH DISTINCT CASE WHEN holders[i] < holders[j] THEN holders[i] ELSE holders[j] END AS a,
                  CASE WHEN holders[i] < holders[j] THEN holders[j] ELSE holders[i] END AS b
    WITH docs[a] AS a, docs[b] AS b
    WITH a, b, [x IN a.entities WHERE x IN b.entities] AS shared
    WHERE size(shared) >= t
    RETURN collect({a: a.paper, b: b.paper, shared: shared, union: size(a.entities) + size(b.entities) - size(shared)}) AS pairs
  }
  WITH t, pairs WHERE size(pairs) >= $limit OR t = 1
  WITH pairs LIMIT 1
  UNWIND pairs AS pair
  RETURN pair.a AS p, pair.b AS q, pair.shared AS shared, pair.union AS union
}
WITH CASE WHEN p.name < q.name OR (p.name = q.name AND p.key < q.key) THEN [p, q] ELSE [q, p] END AS ends, shared, union
WITH ends[0] AS p, ends[1] AS q, size(shared) AS n, union,
     COLLECT { UNWIND shared AS x RETURN x.name ORDER BY x.name } AS via
RETURN p.name AS source, q.name AS target, n AS shared,
       round(toFloat(n) / union, 6, 'HALF_EVEN') AS jaccard, via,
       'Paper:' + p.key AS source_id, 'Paper:' + q.key AS target_id
ORDER BY shared DESC, jaccard DESC, source, target, source_id, target_id
LIMIT $limit;

// Papers similar to a paper (kg.analytics.similar_papers with paper=)
// The papers sharing the most entities of the $labels kinds with the paper whose key or title (any case) is $paper, then by Jaccard: found from that paper's own entities, so it is fast on any graph.
:param paper => '2209.01232';
:param labels => ['Author', 'Institution', 'Model', 'Dataset'];
:param limit => 10;
CALL () {
  MATCH (p:Paper {key: $paper}) RETURN p
  UNION
  MATCH (p:Paper {name_key: toLower(trim($paper))}) RETURN p
}
MATCH (p)-[:AUTHORED|AFFILIATED_WITH|PROPOSES|USES|INTRODUCES|EVALUATES_ON]-(e)
WHERE any(l IN labels(e) WHERE l IN $labels)
WITH p, collect(DISTINCT e) AS mine
UNWIND mine AS e
MATCH (e)-[:AUTHORED|AFFILIATED_WITH|PROPOSES|USES|INTRODUCES|EVALUATES_ON]-(q:Paper)
WHERE q <> p
WITH p, mine, q, collect(DISTINCT e) AS shared
CALL (q) {
  MATCH (q)-[:AUTHORED|AFFILIATED_WITH|PROPOSES|USES|INTRODUCES|EVALUATES_ON]-(f)
  WHERE any(l IN labels(f) WHERE l IN $labels)
  RETURN count(DISTINCT f) AS q_size
}
WITH p, q, size(shared) AS n, size(mine) + q_size - size(shared) AS union,
     COLLECT { UNWIND shared AS x RETURN x.name ORDER BY x.name } AS via
RETURN p.name AS source, q.name AS target, n AS shared,
       round(toFloat(n) / union, 6, 'HALF_EVEN') AS jaccard, via,
       'Paper:' + p.key AS source_id, 'Paper:' + q.key AS target_id
ORDER BY shared DESC, jaccard DESC, source, target, source_id, target_id
LIMIT $limit;

// Top entities by papers (kg.analytics.top)
// The $label nodes with the most papers ($role for models and datasets); $category / $digest, unless null, keep one.
:param label => 'Institution';
:param role => 'any';
:param category => null;
:param digest => null;
:param limit => 10;
MATCH (e)-[r:AUTHORED|AFFILIATED_WITH|PROPOSES|USES|INTRODUCES|EVALUATES_ON|IN_CATEGORY|APPEARS_IN]-(p:Paper)
WHERE $label IN labels(e)
  AND ($role = 'any' OR type(r) IN CASE $role WHEN 'proposed' THEN ['PROPOSES', 'INTRODUCES'] ELSE ['USES', 'EVALUATES_ON'] END)
  AND ($category IS NULL OR EXISTS { (p)-[:IN_CATEGORY]->(c:Category) WHERE c.key = $category })
  AND ($digest IS NULL OR EXISTS { (p)-[:APPEARS_IN]->(d:Digest) WHERE d.key STARTS WITH $digest })
RETURN e.name AS name, count(DISTINCT p) AS papers, $label + ':' + e.key AS id
ORDER BY papers DESC, name, id
LIMIT $limit;

// Top entities per category (kg.analytics.top with by="category")
// The $limit $label nodes with the most papers within each category; papers without one form the group '(none)'.
:param label => 'Author';
:param role => 'any';
:param limit => 3;
MATCH (e)-[r:AUTHORED|AFFILIATED_WITH|PROPOSES|USES|INTRODUCES|EVALUATES_ON|IN_CATEGORY|APPEARS_IN]-(p:Paper)
WHERE $label IN labels(e)
  AND ($role = 'any' OR type(r) IN CASE $role WHEN 'proposed' THEN ['PROPOSES', 'INTRODUCES'] ELSE ['USES', 'EVALUATES_ON'] END)
OPTIONAL MATCH (p)-[:IN_CATEGORY]->(c:Category)
WITH coalesce(c.key, '(none)') AS group, e, count(DISTINCT p) AS papers
ORDER BY group, papers DESC, e.name, e.key
WITH group, collect({name: e.name, papers: papers, id: $label + ':' + e.key})[..$limit] AS best
UNWIND best AS row
RETURN group, row.name AS name, row.papers AS papers, row.id AS id
ORDER BY group = '(none)', group, papers DESC, name, id
LIMIT 1000;

// Top entities per digest (kg.analytics.top with by="digest")
// The $limit $label nodes with the most papers within each digest (the digest key is its file name).
:param label => 'Model';
:param role => 'any';
:param limit => 3;
MATCH (e)-[r:AUTHORED|AFFILIATED_WITH|PROPOSES|USES|INTRODUCES|EVALUATES_ON|IN_CATEGORY|APPEARS_IN]-(p:Paper)
WHERE $label IN labels(e)
  AND ($role = 'any' OR type(r) IN CASE $role WHEN 'proposed' THEN ['PROPOSES', 'INTRODUCES'] ELSE ['USES', 'EVALUATES_ON'] END)
MATCH (p)-[:APPEARS_IN]->(d:Digest)
WITH d.key AS group, e, count(DISTINCT p) AS papers
ORDER BY group, papers DESC, e.name, e.key
WITH group, collect({name: e.name, papers: papers, id: $label + ':' + e.key})[..$limit] AS best
UNWIND best AS row
RETURN group, row.name AS name, row.papers AS papers, row.id AS id
ORDER BY group, papers DESC, name, id
LIMIT 1000;

// Rising entities between two digests (kg.analytics.trends)
// Papers per digest of each $label node and the change from digest $before to $after (null: the last two).
:param label => 'Category';
:param role => 'any';
:param before => '001';
:param after => '002';
:param limit => 10;
MATCH (k:Digest)
WITH k.key AS key ORDER BY key
WITH collect(key) AS keys
WITH CASE WHEN $before IS NULL THEN keys[-2] ELSE head([x IN keys WHERE x STARTS WITH $before]) END AS before,
     CASE WHEN $after IS NULL THEN keys[-1] ELSE head([x IN keys WHERE x STARTS WITH $after]) END AS after
MATCH (e)-[r:AUTHORED|AFFILIATED_WITH|PROPOSES|USES|INTRODUCES|EVALUATES_ON|IN_CATEGORY|APPEARS_IN]-(p:Paper)
WHERE $label IN labels(e)
  AND ($role = 'any' OR type(r) IN CASE $role WHEN 'proposed' THEN ['PROPOSES', 'INTRODUCES'] ELSE ['USES', 'EVALUATES_ON'] END)
MATCH (p)-[:APPEARS_IN]->(d:Digest)
WITH before, after, e, d.key AS digest, count(DISTINCT p) AS papers
ORDER BY digest
WITH before, after, e, collect([digest, papers]) AS counts
WITH before, after, e, counts,
     reduce(n = 0, x IN counts | n + CASE WHEN x[0] = before THEN x[1] ELSE 0 END) AS before_papers,
     reduce(n = 0, x IN counts | n + CASE WHEN x[0] = after THEN x[1] ELSE 0 END) AS after_papers
RETURN e.name AS name, after_papers - before_papers AS delta, before_papers, after_papers, counts,
       before, after, $label + ':' + e.key AS id
ORDER BY delta DESC, after_papers DESC, name, id
LIMIT $limit;

// Most connected authors (kg.analytics.centrality, measure="degree", of="coauthors")
// Authors with a paper by their number of distinct co-authors, 0 included (networkx's degree centrality times authors - 1).
:param limit => 10;
MATCH (a:Author) WHERE EXISTS { (a)-[:AUTHORED]->(:Paper) }
OPTIONAL MATCH (a)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(b:Author)
WHERE b <> a
RETURN a.name AS name, count(DISTINCT b) AS coauthors, 'Author:' + a.key AS id
ORDER BY coauthors DESC, name, id
LIMIT $limit;

// Most connected institutions (kg.analytics.centrality, measure="degree", of="institutions")
// Institutions with a paper by their number of distinct partner institutions, 0 included.
:param limit => 10;
MATCH (i:Institution) WHERE EXISTS { (i)<-[:AFFILIATED_WITH]-(:Paper) }
OPTIONAL MATCH (i)<-[:AFFILIATED_WITH]-(:Paper)-[:AFFILIATED_WITH]->(j:Institution)
WHERE j <> i
RETURN i.name AS name, count(DISTINCT j) AS partners, 'Institution:' + i.key AS id
ORDER BY partners DESC, name, id
LIMIT $limit;

// Shortest path between two entities (kg.analytics.shortest_path)
// A shortest chain from $source to $target (names) through papers, people, institutions, models and datasets; ties: most papers, then smallest ids.
:param source => 'H Su';
:param target => 'W Wang';
:param limit => 1;
MATCH (a:Paper|Author|Institution|Model|Dataset)
USING INDEX SEEK a:Paper(name_key)
WHERE a.name_key = toLower(trim($source)) AND a.name = $source
CALL (a) {
  MATCH (b:Paper|Author|Institution|Model|Dataset)
  USING INDEX SEEK b:Paper(name_key)
  WHERE b.name_key = toLower(trim($target)) AND b.name = $target
  MATCH path = allShortestPaths((a)-[:AUTHORED|AFFILIATED_WITH|PROPOSES|USES|INTRODUCES|EVALUATES_ON*]-(b))
  RETURN path
}
WITH path, size([n IN nodes(path) WHERE n:Paper]) AS paper_count, [n IN nodes(path) | labels(n)[0] + ':' + n.key] AS ids
RETURN [n IN nodes(path) | n.name] AS steps, [n IN nodes(path) | labels(n)[0]] AS labels,
       [n IN nodes(path) WHERE n:Paper | n.name] AS papers, length(path) AS length, ids
ORDER BY paper_count DESC, ids
LIMIT $limit;
