// One event by id: its properties, participants (states, organisations and people, with their side), places and
// every sentence reporting it with its article (oldest article first). No row for an unknown id.
// params: $id
// returns: id, type, mode, quad_class, date, date_precision, status, confidence, symmetric, mentions, first_reported, last_reported, participants, places, evidence
MATCH (e:Event {id: $id})
CALL (e) {
  OPTIONAL MATCH (actor)-[p:PARTICIPATED_IN]->(e)
  WITH actor, p
  ORDER BY p.role, actor.id
  RETURN [x IN collect({
    id: actor.id, name: actor.name, role: p.role,
    kind: CASE WHEN actor:Country THEN 'country' WHEN actor:Person THEN 'person' ELSE coalesce(actor.kind, 'org') END
  }) WHERE x.id IS NOT NULL] AS participants
}
CALL (e) {
  OPTIONAL MATCH (e)-[:OCCURRED_IN]->(place:Place)
  WITH place
  ORDER BY place.name
  RETURN [x IN collect({id: place.id, name: place.name}) WHERE x.id IS NOT NULL] AS places
}
CALL (e) {
  OPTIONAL MATCH (e)-[rep:REPORTED_IN]->(art:Article)
  WITH rep, art
  ORDER BY art.published, art.id, rep.start
  RETURN [x IN collect({
    sentence: rep.sentence, start: rep.start, end: rep.end, confidence: rep.confidence, trigger: rep.trigger,
    article_id: art.id, url: art.url, title: art.title, published: art.published, source: art.source
  }) WHERE x.article_id IS NOT NULL] AS evidence
}
RETURN
  e.id AS id, e.type AS type, e.mode AS mode, e.quad_class AS quad_class, e.date AS date,
  e.date_precision AS date_precision, e.status AS status, e.confidence AS confidence, e.symmetric AS symmetric,
  e.mentions AS mentions, e.first_reported AS first_reported, e.last_reported AS last_reported,
  participants, places, evidence
