"""Neo4j Browser support: the GraSS style sheet and the guide built from cypher/explore/ (served by the API)."""
