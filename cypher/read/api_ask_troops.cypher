// GET /ask "who sent troops to X": MOBILIZE events with $target (ISO3 or organisation id) among their targets,
// whose possibly partial date overlaps $since..$until (ISO dates of any precision, null: open), grouped by the
// state or organisation that sent them; most events first, with the modes seen ("troops", "navy", ...) and one
// reporting sentence of the latest event.
// params: $target, $since, $until, $limit
// returns: id, name, kind, events, last_date, modes, event_ids, evidence
CALL () {
  MATCH (c:Country {iso3: $target})
  RETURN c AS x
  UNION
  MATCH (o:Organization {id: $target})
  RETURN o AS x
}
MATCH (x)-[:PARTICIPATED_IN {role: 'target'}]->(e:Event {type: 'MOBILIZE'})<-[:PARTICIPATED_IN {role: 'source'}]-(y)
WHERE ($since IS NULL OR e.date >= $since OR $since STARTS WITH e.date)
  AND ($until IS NULL OR e.date <= $until OR e.date STARTS WITH $until)
  AND (y:Country OR y:Organization)
WITH y, e
ORDER BY coalesce(e.date, '') DESC, e.id
WITH y, collect(DISTINCT e) AS evs, collect(DISTINCT e.mode) AS modes, max(e.date) AS last_date
WITH y, evs, modes, last_date, evs[0] AS latest
ORDER BY size(evs) DESC, last_date DESC, coalesce(y.iso3, y.id)
LIMIT $limit
RETURN
  coalesce(y.iso3, y.id) AS id,
  y.name AS name,
  CASE WHEN y:Country THEN 'country' ELSE coalesce(y.kind, 'org') END AS kind,
  size(evs) AS events,
  last_date,
  modes,
  [ev IN evs[..20] | ev.id] AS event_ids,
  COLLECT {
    MATCH (latest)-[r:REPORTED_IN]->(art:Article)
    RETURN r.sentence ORDER BY art.published DESC LIMIT 1
  }[0] AS evidence
