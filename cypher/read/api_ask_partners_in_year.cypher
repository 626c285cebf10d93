// GET /ask "who is cooperating with X in 2024" / "in conflict with X this year" / "fighting X last year": the states
// and organisations on the other side of X in events of $types dated in $year (a symmetric event's participants
// are all on the other side), most events first. Walks X's events (read/api_ask_partners answers without a year
// from the relationship layer).
// $actor is an ISO3 (Country) or an organisation id (Organization).
// params: $actor, $types, $year, $limit
// returns: id, name, kind, events, last_date, types, event_ids, evidence
CALL () {
  MATCH (c:Country {iso3: $actor})
  RETURN c AS x
  UNION
  MATCH (o:Organization {id: $actor})
  RETURN o AS x
}
MATCH (x)-[px:PARTICIPATED_IN]->(e:Event)<-[py:PARTICIPATED_IN]-(y)
WHERE e.type IN $types
  AND ($year IS NULL OR e.date STARTS WITH $year)
  AND (y:Country OR y:Organization)
  AND y <> x
  AND (px.role = 'participant' OR px.role <> py.role)
WITH y, e
ORDER BY coalesce(e.date, '') DESC, e.id
WITH y, collect(DISTINCT e) AS evs, collect(DISTINCT e.type) AS types, max(e.date) AS last_date
WITH y, evs, types, last_date, evs[0] AS latest
ORDER BY size(evs) DESC, last_date DESC, coalesce(y.iso3, y.id)
LIMIT $limit
RETURN
  coalesce(y.iso3, y.id) AS id,
  y.name AS name,
  CASE WHEN y:Country THEN 'country' ELSE coalesce(y.kind, 'org') END AS kind,
  size(evs) AS events,
  last_date,
  types,
  [ev IN evs[..20] | ev.id] AS event_ids,
  COLLECT {
    MATCH (latest)-[r:REPORTED_IN]->(art:Article)
    RETURN r.sentence ORDER BY art.published DESC LIMIT 1
  }[0] AS evidence
