// Synthetic graph (scripts/gen_synthetic.py): the relationship-layer edges, aggregated per actor pair and type.
// $rows = [{type, a, b, event_ids, first_date, last_date, quad_class}]: a and b are actor keys (ISO3 or organisation
// id) in the edge's direction, type a Relation name (ingest/relations.py), event_ids the new events behind the edge.
// As write/upsert_relations, MERGE picks the type from one fixed FOREACH branch per Relation, then the edge is found
// again among the layer's types; the new ids are appended (a batch of events is loaded once), event_count is the
// list's size and the dates widen to the batch's (null: no dated event).
// CYPHER replan=skip: plans fixed by unique-index seeks; a growing graph would otherwise be re-planned every 10 s.
// params: $rows
// returns: none
CYPHER replan=skip
UNWIND $rows AS row
CALL (row) {
  MATCH (c:Country {iso3: row.a})
  RETURN c AS a
  UNION
  MATCH (o:Organization {id: row.a})
  RETURN o AS a
}
CALL (row) {
  MATCH (c:Country {iso3: row.b})
  RETURN c AS b
  UNION
  MATCH (o:Organization {id: row.b})
  RETURN o AS b
}
WITH row, row.type AS rel_type, a, b
FOREACH (_ IN CASE WHEN rel_type = 'MET_WITH'          THEN [1] ELSE [] END | MERGE (a)-[:MET_WITH]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'AGREED_WITH'       THEN [1] ELSE [] END | MERGE (a)-[:AGREED_WITH]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'COOPERATES_WITH'   THEN [1] ELSE [] END | MERGE (a)-[:COOPERATES_WITH]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'SUPPORTS'          THEN [1] ELSE [] END | MERGE (a)-[:SUPPORTS]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'CONCEDES_TO'       THEN [1] ELSE [] END | MERGE (a)-[:CONCEDES_TO]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'AIDS'              THEN [1] ELSE [] END | MERGE (a)-[:AIDS]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'DEPLOYS_TROOPS_TO' THEN [1] ELSE [] END | MERGE (a)-[:DEPLOYS_TROOPS_TO]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'SHOWS_FORCE_TO'    THEN [1] ELSE [] END | MERGE (a)-[:SHOWS_FORCE_TO]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'ATTACKS'           THEN [1] ELSE [] END | MERGE (a)-[:ATTACKS]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'SANCTIONS'         THEN [1] ELSE [] END | MERGE (a)-[:SANCTIONS]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'ACCUSES'           THEN [1] ELSE [] END | MERGE (a)-[:ACCUSES]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'THREATENS'         THEN [1] ELSE [] END | MERGE (a)-[:THREATENS]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'REQUESTS'          THEN [1] ELSE [] END | MERGE (a)-[:REQUESTS]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'REJECTS'           THEN [1] ELSE [] END | MERGE (a)-[:REJECTS]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'COERCES'           THEN [1] ELSE [] END | MERGE (a)-[:COERCES]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'PROTESTS_AGAINST'  THEN [1] ELSE [] END | MERGE (a)-[:PROTESTS_AGAINST]->(b))
FOREACH (_ IN CASE WHEN rel_type = 'RETREATS_FROM'     THEN [1] ELSE [] END | MERGE (a)-[:RETREATS_FROM]->(b))
WITH row, rel_type, a, b
MATCH (a)-[r:
  MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
  DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
  REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
]->(b)
  WHERE type(r) = rel_type
SET r.event_ids = coalesce(r.event_ids, []) + row.event_ids
SET
  r.event_count = size(r.event_ids),
  r.first_date = CASE
    WHEN r.first_date IS NULL OR row.first_date < r.first_date THEN coalesce(row.first_date, r.first_date)
    ELSE r.first_date
  END,
  r.last_date = CASE
    WHEN r.last_date IS NULL OR row.last_date > r.last_date THEN coalesce(row.last_date, r.last_date)
    ELSE r.last_date
  END,
  r.quad_class = row.quad_class
