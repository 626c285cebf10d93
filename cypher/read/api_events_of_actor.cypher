// Events involving the actor $actor (ISO3, organisation or person id), filtered and paginated, newest first. Reads
// the actor's participations from the participated_actor_date index (PARTICIPATED_IN {actor, date}, kept by
// write/upsert_events) in descending date order and stops when the page is full, so a page costs about its size,
// not the actor's events (hundreds of thousands for a busy state). Undated events (date '') come after every dated
// one: an equality seek, only when the dated ones did not fill the page and no date bound excludes them. An actor
// takes part in an event once (a side, or a participant of a symmetric one), so no DISTINCT (which would lose the
// index order).
// Filters (each null: no filter): $min_confidence (events whose confidence is at least it), $type (PLOVER type), $quad_class, $status; $since / $until, ISO dates of any
// precision (an event is kept when its possibly partial date overlaps the range), with $date_low / $date_high the
// [low, high) index bounds that hold every overlapping date (routes_relations.index_bounds), so that a range in the
// past is a range seek rather than a walk down from the newest event; $location, a place name in lower
// case; $words, lower-case words that must all occur in one reporting sentence (CONTAINS, so that every word must be in
// one sentence; the reported_sentence_text full-text index could serve a ranked search later).
// Keyset pagination, newest first: the key is (coalesce(date, "") DESC, id DESC); $cursor_date / $cursor_id are the
// key of the last event of the previous page (both null on the first page). $limit: the page size (callers ask one
// more than they show, to know whether a next page exists).
// params: $actor, $type, $quad_class, $status, $since, $until, $date_low, $date_high, $location, $words, $cursor_date, $cursor_id, $min_confidence, $limit
// returns: id, type, mode, quad_class, date, date_precision, status, confidence, mentions, participants, places
CALL () {
  MATCH ()-[p:PARTICIPATED_IN]->(e)
    WHERE p.actor = $actor AND p.date > '' AND p.date >= $date_low AND p.date < $date_high
      AND p.date <= coalesce($cursor_date, '~')
      AND ($cursor_id IS NULL OR e.date < $cursor_date OR (e.date = $cursor_date AND e.id < $cursor_id))
      AND ($type IS NULL OR e.type = $type)
      AND ($since IS NULL OR e.date >= $since OR $since STARTS WITH e.date)
      AND ($until IS NULL OR e.date <= $until OR e.date STARTS WITH $until)
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
  ORDER BY p.actor DESC, p.date DESC, e.id DESC
  LIMIT $limit
  RETURN collect(e) AS dated
}
CALL (dated) {
  // UNWIND of an empty list, not WHERE: the planner would otherwise test the condition inside the seek below.
  UNWIND CASE WHEN size(dated) < $limit AND $since IS NULL AND $until IS NULL THEN [true] ELSE [] END AS needed
  MATCH ()-[p:PARTICIPATED_IN]->(e)
    WHERE p.actor = $actor AND p.date = ''
      AND ($cursor_id IS NULL OR $cursor_date <> '' OR e.id < $cursor_id)
      AND ($type IS NULL OR e.type = $type)
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
