// Events, filtered and paginated, when neither an actor nor a type narrows them (api_events_of_actor and
// api_events_of_type start from those). Dated events are read from the event_date index in descending order and the
// read stops when the page is full (ORDER BY e.date DESC: index-backed; the id only breaks ties of one date), so a
// page costs about its size, not the number of events; undated events (key '') come after every dated one, and are
// looked for only when the dated ones did not fill the page and no date bound excludes them.
// Filters (each null: no filter): $min_confidence (events whose confidence is at least it), $quad_class, $status; $since / $until, ISO dates of any
// precision (an event is kept when its possibly partial date overlaps the range); $location, a place name in lower
// case; $words, lower-case words that must all occur in one reporting sentence (CONTAINS, so that every word must be in
// one sentence; the reported_sentence_text full-text index could serve a ranked search later).
// Keyset pagination, newest first: the key is (coalesce(date, "") DESC, id DESC); $cursor_date / $cursor_id are the
// key of the last event of the previous page (both null on the first page). $limit: the page size (callers ask one
// more than they show, to know whether a next page exists).
// params: $quad_class, $status, $since, $until, $location, $words, $cursor_date, $cursor_id, $min_confidence, $limit
// returns: id, type, mode, quad_class, date, date_precision, status, confidence, mentions, participants, places
CALL () {
  MATCH (e:Event)
    WHERE e.date <= coalesce($cursor_date, '~')
      AND ($cursor_id IS NULL OR e.date < $cursor_date OR (e.date = $cursor_date AND e.id < $cursor_id))
      AND ($quad_class IS NULL OR e.quad_class = $quad_class)
      AND ($min_confidence IS NULL OR coalesce(e.confidence, 0.0) >= $min_confidence)
      AND ($status IS NULL OR e.status = $status)
      AND ($since IS NULL OR e.date >= $since OR $since STARTS WITH e.date)
      AND ($until IS NULL OR e.date <= $until OR e.date STARTS WITH $until)
      AND ($location IS NULL OR EXISTS {
        MATCH (e)-[:OCCURRED_IN]->(place:Place) WHERE toLower(place.name) = $location
      })
      AND ($words IS NULL OR EXISTS {
        MATCH (e)-[rep:REPORTED_IN]->(:Article) WHERE all(word IN $words WHERE toLower(rep.sentence) CONTAINS word)
      })
  WITH e
  ORDER BY e.date DESC, e.id DESC
  LIMIT $limit
  RETURN collect(e) AS dated
}
CALL (dated) {
  // UNWIND of an empty list, not WHERE: the planner would test a WHERE on every node of the label scan below.
  UNWIND CASE WHEN size(dated) < $limit AND $since IS NULL AND $until IS NULL THEN [true] ELSE [] END AS needed
  MATCH (e:Event)
    WHERE e.date IS NULL
      AND ($cursor_id IS NULL OR $cursor_date <> '' OR e.id < $cursor_id)
      AND ($quad_class IS NULL OR e.quad_class = $quad_class)
      AND ($min_confidence IS NULL OR coalesce(e.confidence, 0.0) >= $min_confidence)
      AND ($status IS NULL OR e.status = $status)
      AND ($location IS NULL OR EXISTS {
        MATCH (e)-[:OCCURRED_IN]->(place:Place) WHERE toLower(place.name) = $location
      })
      AND ($words IS NULL OR EXISTS {
        MATCH (e)-[rep:REPORTED_IN]->(:Article) WHERE all(word IN $words WHERE toLower(rep.sentence) CONTAINS word)
      })
  WITH e
  ORDER BY e.id DESC
  LIMIT $limit
  RETURN collect(e) AS undated
}
UNWIND dated + undated AS e
WITH e
LIMIT $limit
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
  RETURN [name IN collect(place.name) WHERE name IS NOT NULL] AS places
}
RETURN
  e.id AS id, e.type AS type, e.mode AS mode, e.quad_class AS quad_class, e.date AS date,
  e.date_precision AS date_precision, e.status AS status, e.confidence AS confidence, e.mentions AS mentions,
  participants, places
ORDER BY coalesce(date, '') DESC, id DESC
