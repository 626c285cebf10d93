// A pair's timeline: the events in which $a and $b (ISO3 or organisation ids) took part together, oldest first
// (undated last), each with its first reporting sentence. The graph view shows both actors joined through their
// events; the table view reads as a chronology.
// :param a => 'RUS'
// :param b => 'PRK'
// params: $a, $b
// returns: path, date, date_precision, type, a_role, b_role, status, event_id, sentence
CALL () {
  MATCH (c:Country {id: $a})
  RETURN c AS first
  UNION
  MATCH (o:Organization {id: $a})
  RETURN o AS first
}
MATCH path = (first)-[ra:PARTICIPATED_IN]->(e:Event)<-[rb:PARTICIPATED_IN]-(second:Country|Organization)
  WHERE second.id = $b AND second <> first
RETURN
  path,
  e.date AS date,
  e.date_precision AS date_precision,
  e.type AS type,
  ra.role AS a_role,
  rb.role AS b_role,
  e.status AS status,
  e.id AS event_id,
  COLLECT {
    MATCH (e)-[rep:REPORTED_IN]->(art:Article)
    RETURN rep.sentence ORDER BY art.published, art.id, rep.start LIMIT 1
  }[0] AS sentence
ORDER BY date IS NULL, date, type
LIMIT 200
