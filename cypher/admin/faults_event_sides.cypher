// Every event with its type, mode, date and sides: states and organisations only (people hold no layer edges),
// sorted. scripts/fault_trials.py recomputes the relationship layer from these rows (service.shared.relations) and looks for
// events of the same type and sides whose dates are compatible (one unknown or a prefix of the other). Full scan.
// params: none
// returns: id, type, mode, symmetric, date, sources, targets
MATCH (e:Event)
OPTIONAL MATCH (actor)-[p:PARTICIPATED_IN]->(e)
WHERE actor:Country OR actor:Organization
WITH e, p.role AS role, actor.id AS key
ORDER BY key
WITH
  e,
  collect(CASE WHEN role IN ['source', 'participant'] THEN key END) AS sources,
  collect(CASE WHEN role = 'target' THEN key END) AS targets
RETURN e.id AS id, e.type AS type, e.mode AS mode, e.symmetric AS symmetric, e.date AS date, sources, targets
ORDER BY id
