// Institutions: who publishes, and who publishes together.

// Institutions by papers
// Institutions ranked by the number of papers affiliated with them.
:param limit => 25;
MATCH (i:Institution)
OPTIONAL MATCH (p:Paper)-[:AFFILIATED_WITH]->(i)
RETURN i.name AS institution, count(DISTINCT p) AS papers
ORDER BY papers DESC, institution
LIMIT $limit;

// Institutions that publish together
// Pairs of institutions named on the same papers, with how many and which papers.
:param limit => 50;
MATCH (i:Institution)<-[:AFFILIATED_WITH]-(p:Paper)-[:AFFILIATED_WITH]->(j:Institution)
WHERE i.name < j.name
WITH i, j, p ORDER BY p.name
RETURN i.name AS institution, j.name AS partner, count(p) AS papers, collect(p.name) AS shared_papers
ORDER BY papers DESC, institution, partner
LIMIT $limit;

// Partners of an institution
// The institutions $institution (name, any case) shares papers with.
:param institution => 'ETH Zurich';
:param limit => 50;
MATCH (i:Institution)<-[:AFFILIATED_WITH]-(p:Paper)-[:AFFILIATED_WITH]->(j:Institution)
USING INDEX SEEK i:Institution(name_key)
WHERE i.name_key = toLower(trim($institution)) AND j <> i
WITH j, p ORDER BY p.name
RETURN j.name AS partner, count(p) AS papers, collect(p.name) AS shared_papers
ORDER BY papers DESC, partner
LIMIT $limit;

// Papers and authors of an institution
// The papers affiliated with $institution, each with its authors in order.
:param institution => 'Microsoft';
:param limit => 50;
MATCH (p:Paper)-[:AFFILIATED_WITH]->(i:Institution)
USING INDEX SEEK i:Institution(name_key)
WHERE i.name_key = toLower(trim($institution))
CALL (p) {
  OPTIONAL MATCH (a:Author)-[w:AUTHORED]->(p)
  WITH a, w ORDER BY w.position
  RETURN collect(a.name) AS authors
}
RETURN p.key AS key, p.name AS paper, authors
ORDER BY key
LIMIT $limit;
