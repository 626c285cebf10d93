// GET /ask "how have relations between A and B changed since 2019": the pair's dated events per year, read from the
// pair's entries in the (pair, date) index of BETWEEN relationships (as read/api_relations reads them), counted by
// quad class. cooperation: verbal and material cooperation plus troops sent (MOBILIZE with mode troops), the
// partners endpoint's stance rule; conflict: the other events; net = cooperation - conflict.
// $pair: the two keys sorted and joined with '|' ("GRC|TUR"). $since / $until: ISO dates of any precision or null,
// kept when the event's (possibly partial) date overlaps the range. $low / $high: the index bounds that contain that
// range, as for read/api_relations. Undated events have no year and are left out.
// params: $pair, $since, $until, $low, $high
// returns: period, events, verbal_cooperation, material_cooperation, verbal_conflict, material_conflict, cooperation, conflict, net
MATCH ()-[p:BETWEEN]->(e)
  WHERE p.pair = $pair AND p.date > '' AND p.date >= $low AND p.date < $high
    AND ($since IS NULL OR e.date >= $since OR $since STARTS WITH e.date)
    AND ($until IS NULL OR e.date <= $until OR e.date STARTS WITH $until)
WITH substring(e.date, 0, 4) AS period, e,
  e.quad_class IN ['verbal_cooperation', 'material_cooperation']
    OR (e.type = 'MOBILIZE' AND coalesce(e.mode, '') = 'troops') AS cooperative
WITH period,
  count(e) AS events,
  count(CASE WHEN e.quad_class = 'verbal_cooperation' THEN 1 END) AS verbal_cooperation,
  count(CASE WHEN e.quad_class = 'material_cooperation' THEN 1 END) AS material_cooperation,
  count(CASE WHEN e.quad_class = 'verbal_conflict' THEN 1 END) AS verbal_conflict,
  count(CASE WHEN e.quad_class = 'material_conflict' THEN 1 END) AS material_conflict,
  count(CASE WHEN cooperative THEN 1 END) AS cooperation
RETURN
  period, events, verbal_cooperation, material_cooperation, verbal_conflict, material_conflict, cooperation,
  events - cooperation AS conflict, 2 * cooperation - events AS net
ORDER BY period
