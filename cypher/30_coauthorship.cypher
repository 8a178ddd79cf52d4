// Co-authorship: who writes with whom, and how authors are connected.

// Co-authors of an author
// Everyone who shares a paper with $author (name, any case), with the shared papers.
:param author => 'M Geva';
:param limit => 50;
MATCH (a:Author)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)
USING INDEX SEEK a:Author(name_key)
WHERE a.name_key = toLower(trim($author)) AND c <> a
WITH c, p ORDER BY p.name
RETURN c.name AS coauthor, count(p) AS papers, collect(p.name) AS shared_papers
ORDER BY papers DESC, coauthor
LIMIT $limit;

// Most frequent co-author pairs
// Pairs of authors by the number of papers they wrote together.
:param limit => 25;
MATCH (a:Author)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)
WHERE a.name < b.name
RETURN a.name AS author, b.name AS coauthor, count(p) AS papers
ORDER BY papers DESC, author, coauthor
LIMIT $limit;

// Co-author network of an author as a graph
// $author, their papers and their co-authors, for Browser's graph view.
:param author => 'M Geva';
:param limit => 100;
MATCH path = (a:Author)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(:Author)
USING INDEX SEEK a:Author(name_key)
WHERE a.name_key = toLower(trim($author))
RETURN path
LIMIT $limit;

// Shortest path between two authors
// The shortest chain of papers and institutions linking $author_a to $author_b (at most 12 hops).
:param author_a => 'M Geva';
:param author_b => 'W Wang';
:param limit => 1;
MATCH (a:Author {name_key: toLower(trim($author_a))})
CALL (a) {
  MATCH (b:Author {name_key: toLower(trim($author_b))})
  WHERE b <> a
  MATCH path = shortestPath((a)-[:AUTHORED|AFFILIATED_WITH*..12]-(b))
  RETURN path
}
RETURN [n IN nodes(path) | n.name] AS chain,
       [n IN nodes(path) | labels(n)[0]] AS labels,
       length(path) AS hops, path
LIMIT $limit;
