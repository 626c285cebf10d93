// A country's partners: every relationship-layer edge of $actor (ISO3 or organisation id), both directions, strongest
// first. Draws the actor in the middle with its partners around it, edges coloured by quad class.
// :param actor => 'RUS'
// params: $actor
// returns: path, partner, partner_name, type, quad_class, event_count, first_date, last_date
CALL () {
  MATCH (c:Country {id: $actor})
  RETURN c AS center
  UNION
  MATCH (o:Organization {id: $actor})
  RETURN o AS center
}
MATCH path = (center)-[r:MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM]-(partner:Country|Organization)
RETURN
  path,
  partner.id AS partner,
  partner.name AS partner_name,
  type(r) AS type,
  r.quad_class AS quad_class,
  r.event_count AS event_count,
  r.first_date AS first_date,
  r.last_date AS last_date
ORDER BY event_count DESC, partner, type
LIMIT 200
