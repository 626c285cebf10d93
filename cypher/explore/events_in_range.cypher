// The events of a date range: events whose (possibly partial) date overlaps [$since, $until] (YYYY, YYYY-MM or
// YYYY-MM-DD; null leaves that end open), drawn with their participants, oldest first. Undated events never match.
// :param since => '2024-10'
// :param until => '2024-12'
// params: $since, $until
// returns: path, date, type, quad_class, actor, role
MATCH (e:Event)
  WHERE e.date IS NOT NULL
    AND ($since IS NULL OR e.date >= $since OR $since STARTS WITH e.date)
    AND ($until IS NULL OR e.date <= $until OR e.date STARTS WITH $until)
MATCH path = (actor)-[p:PARTICIPATED_IN]->(e)
RETURN
  path,
  e.date AS date,
  e.type AS type,
  e.quad_class AS quad_class,
  actor.id AS actor,
  p.role AS role
ORDER BY date, e.id, role, actor
LIMIT 500
