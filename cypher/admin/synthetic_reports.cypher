// Synthetic graph (scripts/gen_synthetic.py): Event -[:REPORTED_IN {start, end, sentence, confidence, trigger}]->
// Article, $rows = [{event_id, article_id, start, end, sentence, confidence, trigger}], keyed by start as in
// write/upsert_events (the events' mentions are set by admin/synthetic_events).
// CYPHER replan=skip: plans fixed by unique-index seeks; a growing graph would otherwise be re-planned every 10 s.
// params: $rows
// returns: none
CYPHER replan=skip
UNWIND $rows AS row
MATCH (e:Event {id: row.event_id})
MATCH (a:Article {id: row.article_id})
MERGE (e)-[r:REPORTED_IN {start: row.start}]->(a)
  ON CREATE SET r.end = row.end, r.sentence = row.sentence, r.confidence = row.confidence, r.trigger = row.trigger
