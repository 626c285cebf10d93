// The first reporting sentence of each event in $ids (from the earliest published article, then by position), with
// its article, for the event exports. An event without a reporting sentence gives no row.
// params: $ids
// returns: id, sentence, url, title, published
UNWIND $ids AS event_id
MATCH (e:Event {id: event_id})
CALL (e) {
  MATCH (e)-[rep:REPORTED_IN]->(art:Article)
  RETURN rep.sentence AS sentence, art.url AS url, art.title AS title, art.published AS published
  ORDER BY art.published, art.id, rep.start
  LIMIT 1
}
RETURN e.id AS id, sentence, url, title, published
