// Events stored twice: two or more Event nodes with the same type, the same sides (sorted actor keys per role, from
// PARTICIPATED_IN) and the same date (both undated counts as the same). One row per such group. Events without any
// actor are left out: their keys include their article, so they are distinct by design. Full scan, for
// scripts/fault_trials.py (not for the API).
// params: none
// returns: type, sources, targets, participants, date, ids
MATCH (e:Event)
OPTIONAL MATCH (actor)-[p:PARTICIPATED_IN]->(e)
WITH e, p.role AS role, actor.id AS key
ORDER BY key
WITH
  e,
  collect(CASE WHEN role = 'source' THEN key END) AS sources,
  collect(CASE WHEN role = 'target' THEN key END) AS targets,
  collect(CASE WHEN role = 'participant' THEN key END) AS participants
WHERE size(sources) + size(targets) + size(participants) > 0
WITH e.type AS type, sources, targets, participants, e.date AS date, collect(e.id) AS ids
WHERE size(ids) > 1
RETURN type, sources, targets, participants, date, ids
ORDER BY type, date
