// Synthetic graph (scripts/gen_synthetic.py): events, $rows = [{id, props}] with every property write/upsert_events
// leaves on a node (type, quad_class, symmetric, mode, date, date_precision, status, confidence, mentions,
// first_reported, last_reported; no nulls).
// CYPHER replan=skip: plans fixed by unique-index seeks; a growing graph would otherwise be re-planned every 10 s.
// params: $rows
// returns: none
CYPHER replan=skip
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
  ON CREATE SET e += row.props
