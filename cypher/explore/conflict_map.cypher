// The map of one quad class: every relationship-layer edge whose class is $quad_class (verbal_cooperation,
// material_cooperation, verbal_conflict or material_conflict) and that rests on at least $min_events events,
// strongest first. A picture of who fights (or talks) with whom.
// :param quad_class => 'material_conflict'
// :param min_events => 1
// params: $quad_class, $min_events
// returns: path, source, target, type, event_count, last_date
MATCH path = (a:Country|Organization)-[r:MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM]->(b:Country|Organization)
  WHERE r.quad_class = $quad_class AND r.event_count >= $min_events
RETURN
  path,
  a.id AS source,
  b.id AS target,
  type(r) AS type,
  r.event_count AS event_count,
  r.last_date AS last_date
ORDER BY event_count DESC, source, target, type
LIMIT 300
