// GET /ask "who sent troops to X": MOBILIZE events with $target (ISO3 or organisation id) among their targets,
// whose possibly partial date overlaps $since..$until (ISO dates of any precision, null: open), grouped by the
// state or organisation that sent them; most events first, with the modes seen ("troops", "navy", ...) and one
// reporting sentence of the latest event. The target's MOBILIZE participations are read from the
// participated_actor_type_date index (PARTICIPATED_IN {actor, type, date}) between $date_low and $date_high
// (service.api.actors.index_bounds), so the cost follows the target's MOBILIZE events in the range, not all its events.
// params: $target, $since, $until, $date_low, $date_high, $limit
// returns: id, name, kind, events, last_date, modes, event_ids, evidence
MATCH ()-[px:PARTICIPATED_IN]->(e:Event)
  USING INDEX px:PARTICIPATED_IN(actor, type, date)
WHERE px.actor = $target AND px.type = 'MOBILIZE' AND px.date >= $date_low AND px.date < $date_high
  AND px.role = 'target'
  AND ($since IS NULL OR e.date >= $since OR $since STARTS WITH e.date)
  AND ($until IS NULL OR e.date <= $until OR e.date STARTS WITH $until)
MATCH (y)-[:PARTICIPATED_IN {role: 'source'}]->(e)
  WHERE y:Country OR y:Organization
WITH y, e
ORDER BY coalesce(e.date, '') DESC, e.id
WITH y, collect(DISTINCT e) AS evs, collect(DISTINCT e.mode) AS modes, max(e.date) AS last_date
WITH y, evs, modes, last_date, evs[0] AS latest
ORDER BY size(evs) DESC, last_date DESC, y.id
LIMIT $limit
RETURN
  y.id AS id,
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
