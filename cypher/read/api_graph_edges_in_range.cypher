// One step of the /graph walk when a date range or a least confidence is given: the edges the relationship layer would hold if it had
// only the events whose dates overlap the range, so that an edge's event_count and first/last dates are those of
// the range and agree with GET /countries/{id}/partners for the same range (issue 13). Built from the events, as
// read/api_partners_in_range is: each of $ids' participations in the range is an index seek on
// participated_actor_date (PARTICIPATED_IN {actor, date}), so the cost follows their events in the range.
// - $ids: ISO3 or organisation ids; $within: null, or the keys the other end must have (the walk's last pass).
// - $since / $until: ISO dates of any precision, or null; $date_low / $date_high: the index bounds that hold every
//   overlapping date (service.api.actors.index_bounds; '' and '~' with no range: undated events too).
// - $min_confidence: null, or the least confidence of an event counted (those below it are left out).
// - $relation_of_type: PLOVER type -> relationship type (service.shared.relations.RELATION_OF_TYPE; MOBILIZE with
//   mode "troops" is DEPLOYS_TROOPS_TO, as relation_for says); $undirected: the types drawn one way per pair.
// A pair is made as actor_pairs makes it: a symmetric event (participants) or an undirected type gives one edge
// from the smaller id to the larger, a directed one goes from source to target; co-sources are no pair.
// params: $ids, $within, $since, $until, $date_low, $date_high, $min_confidence, $relation_of_type, $undirected, $limit
// returns: source, source_name, source_kind, target, target_name, target_kind, type, quad_class, event_count, first_date, last_date
UNWIND $ids AS key
MATCH ()-[mine:PARTICIPATED_IN]->(e:Event)
  WHERE mine.actor = key AND mine.date >= $date_low AND mine.date < $date_high
    AND ($since IS NULL OR e.date >= $since OR $since STARTS WITH e.date)
    AND ($until IS NULL OR e.date <= $until OR e.date STARTS WITH $until)
    AND ($min_confidence IS NULL OR coalesce(e.confidence, 0.0) >= $min_confidence)
MATCH (:Country|Organization)-[theirs:PARTICIPATED_IN]->(e)
  WHERE theirs.actor <> key
    AND ($within IS NULL OR theirs.actor IN $within)
    AND (mine.role = 'participant' OR theirs.role = 'participant' OR mine.role <> theirs.role)
WITH DISTINCT e, key, mine.role AS my_role, theirs.actor AS other, theirs.role AS their_role
WITH e, key, other, my_role, their_role,
  CASE WHEN e.type = 'MOBILIZE' AND coalesce(e.mode, '') = 'troops' THEN 'DEPLOYS_TROOPS_TO'
       ELSE $relation_of_type[e.type] END AS type
WITH e, type,
  CASE
    WHEN my_role = 'participant' OR their_role = 'participant' OR type IN $undirected
      THEN CASE WHEN key < other THEN [key, other] ELSE [other, key] END
    WHEN my_role = 'source' THEN [key, other]
    ELSE [other, key]
  END AS ends
WHERE type IS NOT NULL
WITH DISTINCT e, type, ends
WITH type, ends, count(e) AS event_count, min(e.date) AS first_date, max(e.date) AS last_date,
  head(collect(e.quad_class)) AS quad_class
ORDER BY event_count DESC, ends[0], ends[1], type
LIMIT $limit
CALL (ends) {
  UNWIND range(0, 1) AS i
  CALL (ends, i) {
    MATCH (c:Country {id: ends[i]})
    RETURN c.name AS name, 'country' AS kind
    UNION
    MATCH (o:Organization {id: ends[i]})
    RETURN o.name AS name, coalesce(o.kind, 'org') AS kind
  }
  RETURN collect(name) AS names, collect(kind) AS kinds
}
RETURN
  ends[0] AS source,
  names[0] AS source_name,
  kinds[0] AS source_kind,
  ends[1] AS target,
  names[1] AS target_name,
  kinds[1] AS target_kind,
  type,
  quad_class,
  event_count,
  first_date,
  last_date
