// Synthetic graph (scripts/gen_synthetic.py): Article -[:MENTIONS]-> the actors it names,
// $rows = [{article_id, key, label}] with label "Country", "Organization" or "Person" (one fixed branch each,
// an index seek, as in write/upsert_events).
// CYPHER replan=skip: plans fixed by unique-index seeks; a growing graph would otherwise be re-planned every 10 s.
// params: $rows
// returns: none
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Article {id: row.article_id})
CALL (row) {
  MATCH (c:Country {id: row.key})
    WHERE row.label = 'Country'
  RETURN c AS actor
  UNION
  MATCH (o:Organization {id: row.key})
    WHERE row.label = 'Organization'
  RETURN o AS actor
  UNION
  MATCH (p:Person {id: row.key})
    WHERE row.label = 'Person'
  RETURN p AS actor
}
MERGE (a)-[:MENTIONS]->(actor)
