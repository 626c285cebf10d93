// Synthetic graph (scripts/gen_synthetic.py): the (pair, date) index entries of new events, as
// write/upsert_relations keeps them: (the pair's smaller key)-[:BETWEEN {pair: "RUS|UKR", date}]->(event).
// $rows = [{low, pair, event_id, date}]: low is the smaller actor key, date the event's date or '' when undated.
// CREATE, not MERGE: a block of events is loaded once, so its entries are new.
// CYPHER replan=skip: plans fixed by unique-index seeks; a growing graph would otherwise be re-planned every 10 s.
// params: $rows
// returns: none
CYPHER replan=skip
UNWIND $rows AS row
CALL (row) {
  MATCH (c:Country {id: row.low})
  RETURN c AS low
  UNION
  MATCH (o:Organization {id: row.low})
  RETURN o AS low
}
MATCH (e:Event {id: row.event_id})
CREATE (low)-[:BETWEEN {pair: row.pair, date: row.date}]->(e)
