// Brings relationship-layer edges written before edges carried their summaries up to date: for each edge without
// a score, its score, event_type and top_event_ids (as write/upsert_relations computes them) and the BETWEEN
// entries of its events. Run after the schema at every startup (service.graph.schema.apply_schema): on an
// up-to-date graph it only reads the layer's edges and changes nothing. Batched, so a large old graph is upgraded
// in many small transactions, and one interrupted halfway is finished at the next start.
// params: none
// returns: none
MATCH (a)-[r:
  MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
  DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
  REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
]->(b)
  WHERE r.score IS NULL
CALL (a, r, b) {
  WITH a, r, b, a.id AS ka, b.id AS kb
  WITH r, CASE WHEN ka < kb THEN a ELSE b END AS low, CASE WHEN ka < kb THEN ka + '|' + kb ELSE kb + '|' + ka END AS pair
  CALL (r, low, pair) {
    UNWIND coalesce(r.event_ids, []) AS event_id
    MATCH (e:Event {id: event_id})
    MERGE (low)-[p:BETWEEN {pair: pair}]->(e)
    SET p.date = coalesce(e.date, '')
  }
  CALL (r) {
    UNWIND coalesce(r.event_ids, []) AS event_id
    MATCH (x:Event {id: event_id})
    WITH x
    ORDER BY coalesce(x.confidence, 0.0) DESC, coalesce(x.date, '') DESC, x.id
    RETURN
      sum(coalesce(x.confidence, 0.5) * CASE
        WHEN x.quad_class STARTS WITH 'material' OR (x.type = 'MOBILIZE' AND coalesce(x.mode, '') = 'troops') THEN 2.0
        ELSE 1.0
      END) AS score,
      collect(x.id)[..3] AS top_event_ids,
      head(collect(x.type)) AS event_type
  }
  SET r.score = score, r.top_event_ids = top_event_ids, r.event_type = event_type
} IN TRANSACTIONS OF 200 ROWS
