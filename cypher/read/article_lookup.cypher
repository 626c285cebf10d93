// What ingest/load.py needs to know before writing an article, in one round trip inside its write transaction:
// - existing: ids of articles already in the graph with this id (hash of the URL, or of the text when there is no
//   URL) or this canonical-text hash; when there is one, nothing is written. Two index seeks, no label scan.
// - candidates: the events a mention in the article could be the same as: those whose id starts with one of
//   $prefixes, the dyad keys (type and sides) of its events (ingest/keys.py): a prefix seek in the index behind
//   the Event id constraint. load.py chooses among them by date.
// CYPHER replan=skip: the plan is fixed by unique-index seeks whatever the statistics, and a young, growing graph
// would otherwise make Neo4j re-plan it every 10 s (see cypher/README.md, "Loading").
// params: $id, $text_hash, $prefixes
// returns: existing, candidates
CYPHER replan=skip
CALL () {
  MATCH (a:Article {id: $id})
  RETURN a.id AS found
  UNION
  MATCH (a:Article {text_hash: $text_hash})
  RETURN a.id AS found
}
WITH collect(found) AS existing
CALL () {
  UNWIND $prefixes AS prefix
  MATCH (e:Event)
    WHERE e.id STARTS WITH prefix
  RETURN collect({prefix: prefix, id: e.id, date: e.date, last_reported: e.last_reported, mode: e.mode}) AS candidates
}
RETURN existing, candidates
