// Synthetic graph (scripts/gen_synthetic.py): articles, $rows = [{id, props}] (props as write/upsert_article sets
// them: url, title, published, source, ingested_at, text_hash). One batch per call, in one transaction.
// CYPHER replan=skip: plans fixed by unique-index seeks; a growing graph would otherwise be re-planned every 10 s.
// params: $rows
// returns: none
CYPHER replan=skip
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
  ON CREATE SET a += row.props
