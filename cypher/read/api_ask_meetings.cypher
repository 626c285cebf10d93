// GET /ask "who met X (since March 2022)": CONSULT events in which $subject took part (a person id, an ISO3 or an
// organisation id) whose possibly partial date overlaps $since..$until (ISO dates of any precision, null: open), with
// who was on the other side (X's own state and its officials are left out: they are on X's side) and one reporting
// sentence; latest first (undated last). The subject's participations are read from the participated_actor_date
// index (PARTICIPATED_IN {actor, date}) between $date_low and $date_high (service.api.actors.index_bounds: '' and
// '~' without a range, so undated events, stored as '', come last) in descending date order, and reading stops once
// $limit meetings are found: the cost follows the subject's events in the range down to the page, not all of them.
// params: $subject, $since, $until, $date_low, $date_high, $limit
// returns: event_id, date, counterparts, evidence
MATCH (x)-[px:PARTICIPATED_IN]->(e:Event)
WHERE px.actor = $subject AND px.date >= $date_low AND px.date < $date_high
  AND e.type = 'CONSULT'
  AND ($since IS NULL OR e.date >= $since OR $since STARTS WITH e.date)
  AND ($until IS NULL OR e.date <= $until OR e.date STARTS WITH $until)
WITH x, px, e
ORDER BY px.actor DESC, px.date DESC, e.id
LIMIT $limit
RETURN
  e.id AS event_id,
  e.date AS date,
  COLLECT {
    MATCH (y)-[py:PARTICIPATED_IN]->(e)
    WHERE y <> x
      AND (px.role = 'participant' OR px.role <> py.role)
      AND NOT (x)-[:HOLDS_OFFICE]->(y)
      AND NOT (y)-[:HOLDS_OFFICE]->(x)
    WITH y
    ORDER BY y.id
    RETURN {
      id: y.id,
      name: y.name,
      kind: CASE WHEN y:Country THEN 'country' WHEN y:Person THEN 'person' ELSE coalesce(y.kind, 'org') END
    }
  } AS counterparts,
  COLLECT {
    MATCH (e)-[r:REPORTED_IN]->(art:Article)
    RETURN r.sentence ORDER BY art.published DESC LIMIT 1
  }[0] AS evidence
