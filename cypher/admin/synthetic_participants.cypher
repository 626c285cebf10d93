// Synthetic graph (scripts/gen_synthetic.py): actor -[:PARTICIPATED_IN {role, actor, type, date}]-> Event,
// $rows = [{event_id, key, label, role, date}], label "Country", "Organization" or "Person", date the event's date
// or '' (as write/upsert_events writes them).
// CYPHER replan=skip: plans fixed by unique-index seeks; a growing graph would otherwise be re-planned every 10 s.
// params: $rows
// returns: none
CYPHER replan=skip
UNWIND $rows AS row
MATCH (e:Event {id: row.event_id})
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
MERGE (actor)-[p:PARTICIPATED_IN {role: row.role}]->(e)
  ON CREATE SET p.actor = row.key, p.type = e.type, p.date = row.date
