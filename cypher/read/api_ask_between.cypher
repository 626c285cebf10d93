// GET /ask "what happened between A and B (this year)": the events in which both $a and $b (ISO3 or organisation
// ids) took part on opposite sides, or together in a symmetric event, optionally dated in $year; latest first, each
// with its sources, targets and one reporting sentence.
// params: $a, $b, $year, $limit
// returns: event_id, type, date, status, mode, sources, targets, evidence
CALL () {
  MATCH (c:Country {iso3: $a})
  RETURN c AS x
  UNION
  MATCH (o:Organization {id: $a})
  RETURN o AS x
}
CALL () {
  MATCH (c:Country {iso3: $b})
  RETURN c AS y
  UNION
  MATCH (o:Organization {id: $b})
  RETURN o AS y
}
MATCH (x)-[px:PARTICIPATED_IN]->(e:Event)<-[py:PARTICIPATED_IN]-(y)
WHERE ($year IS NULL OR e.date STARTS WITH $year)
  AND (px.role = 'participant' OR px.role <> py.role)
WITH DISTINCT e
ORDER BY coalesce(e.date, '') DESC, e.id
LIMIT $limit
RETURN
  e.id AS event_id,
  e.type AS type,
  e.date AS date,
  e.status AS status,
  e.mode AS mode,
  COLLECT {
    MATCH (s)-[p:PARTICIPATED_IN]->(e) WHERE p.role IN ['source', 'participant'] AND NOT s:Person
    RETURN coalesce(s.iso3, s.id) AS id ORDER BY id
  } AS sources,
  COLLECT {
    MATCH (t)-[p:PARTICIPATED_IN {role: 'target'}]->(e) WHERE NOT t:Person
    RETURN coalesce(t.iso3, t.id) AS id ORDER BY id
  } AS targets,
  COLLECT {
    MATCH (e)-[r:REPORTED_IN]->(art:Article)
    RETURN r.sentence ORDER BY art.published DESC LIMIT 1
  }[0] AS evidence
