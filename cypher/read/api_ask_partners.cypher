// GET /ask "who is cooperating with X" / "in conflict with X" / "fighting X" (no year): the states and organisations
// on the other side of X in events of $types, most events first, as read/api_ask_partners_in_year answers for a
// year, but from the relationship layer: the counts, types and last dates come from X's edges (whose event_type
// is one of $types), and each partner's 20 newest events from the pair's BETWEEN index, newest first, so the cost
// follows X's partners, not X's events. $actor is an ISO3 (Country) or an organisation id (Organization).
// $year is always null here: the parameter keeps the two queries' answers interchangeable in GET /ask's "query".
// params: $actor, $types, $year, $limit
// returns: id, name, kind, events, last_date, types, event_ids, evidence
CALL () {
  MATCH (c:Country {iso3: $actor})
  RETURN c AS x
  UNION
  MATCH (o:Organization {id: $actor})
  RETURN o AS x
}
MATCH (x)-[r:
  MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
  DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
  REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
]-(y:Country|Organization)
  WHERE y <> x AND r.event_type IN $types AND $year IS NULL
WITH x, y, collect(r) AS edges
CALL (edges) {
  UNWIND edges AS r
  WITH r
  ORDER BY coalesce(r.last_date, '') DESC, r.event_type
  RETURN sum(r.event_count) AS events, max(r.last_date) AS last_date, collect(DISTINCT r.event_type) AS types
}
WITH x, y, events, last_date, types
ORDER BY events DESC, last_date DESC, coalesce(y.iso3, y.id)
LIMIT $limit
CALL (x, y) {
  WITH coalesce(x.iso3, x.id) AS kx, coalesce(y.iso3, y.id) AS ky
  WITH CASE WHEN kx < ky THEN kx + '|' + ky ELSE ky + '|' + kx END AS pair
  MATCH ()-[p:BETWEEN]->(e)
    WHERE p.pair = pair AND p.date >= '' AND e.type IN $types
  WITH e
  ORDER BY p.pair DESC, p.date DESC, e.id
  LIMIT 20
  RETURN collect(e) AS evs
}
WITH y, events, last_date, types, evs, evs[0] AS latest
RETURN
  coalesce(y.iso3, y.id) AS id,
  y.name AS name,
  CASE WHEN y:Country THEN 'country' ELSE coalesce(y.kind, 'org') END AS kind,
  events,
  last_date,
  types,
  [ev IN evs | ev.id] AS event_ids,
  COLLECT {
    MATCH (latest)-[rep:REPORTED_IN]->(art:Article)
    RETURN rep.sentence ORDER BY art.published DESC LIMIT 1
  }[0] AS evidence
ORDER BY events DESC, last_date DESC, id
