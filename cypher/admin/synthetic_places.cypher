// Synthetic graph (scripts/gen_synthetic.py): Event -[:OCCURRED_IN]-> Place, $rows = [{event_id, place_id}] (the
// places exist: admin/synthetic_actors).
// CYPHER replan=skip: plans fixed by unique-index seeks; a growing graph would otherwise be re-planned every 10 s.
// params: $rows
// returns: none
CYPHER replan=skip
UNWIND $rows AS row
MATCH (e:Event {id: row.event_id})
MATCH (p:Place {id: row.place_id})
MERGE (e)-[:OCCURRED_IN]->(p)
