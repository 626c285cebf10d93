// GET /ask "who met X (since March 2022)": CONSULT events in which $subject took part (a person id, an ISO3 or an
// organisation id) whose possibly partial date overlaps $since..$until (ISO dates of any precision, null: open), with who was on the other side (X's own state and its officials
// are left out: they are on X's side) and one reporting sentence; latest first.
// params: $subject, $since, $until, $limit
// returns: event_id, date, counterparts, evidence
CALL () {
  MATCH (p:Person {id: $subject})
  RETURN p AS x
  UNION
  MATCH (c:Country {iso3: $subject})
  RETURN c AS x
  UNION
  MATCH (o:Organization {id: $subject})
  RETURN o AS x
}
MATCH (x)-[px:PARTICIPATED_IN]->(e:Event {type: 'CONSULT'})
WHERE ($since IS NULL OR e.date >= $since OR $since STARTS WITH e.date)
  AND ($until IS NULL OR e.date <= $until OR e.date STARTS WITH $until)
WITH x, px, e
ORDER BY coalesce(e.date, '') DESC, e.id
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
    ORDER BY coalesce(y.iso3, y.id)
    RETURN {
      id: coalesce(y.iso3, y.id),
      name: y.name,
      kind: CASE WHEN y:Country THEN 'country' WHEN y:Person THEN 'person' ELSE coalesce(y.kind, 'org') END
    }
  } AS counterparts,
  COLLECT {
    MATCH (e)-[r:REPORTED_IN]->(art:Article)
    RETURN r.sentence ORDER BY art.published DESC LIMIT 1
  }[0] AS evidence
