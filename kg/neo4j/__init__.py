"""Everything kg does with Neo4j, in one place.

* :mod:`kg.neo4j.server` starts, stops and inspects a local Neo4j server (with
  Neo4j Browser) run from Maven Central's jars (:mod:`kg.neo4j.jvm` builds it,
  :mod:`kg.neo4j.process` keeps its pid file and process);
* :mod:`kg.neo4j.store` loads kg graphs into Neo4j and reads them back (one import
  for :mod:`~kg.neo4j.connect`, :mod:`~kg.neo4j.load_cypher`, :mod:`~kg.neo4j.load_plan`
  and :mod:`~kg.neo4j.load`, where the connection and the loader live);
* :mod:`kg.neo4j.similar` stores the most similar paper pairs after a load (what
  cypher/80's "Similar papers" reads);
* :mod:`kg.neo4j.cypher_lib` reads the Cypher library of ``cypher/`` (the files
  pasted into Browser, run by ``kg cypher`` and checked by the tests).

The submodules are imported on demand, so ``import kg.neo4j`` costs nothing and
does not need the driver.
"""
