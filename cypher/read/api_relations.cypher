// The events between two actors, newest first (undated last), each with every sentence reporting it and its
// article. Starts from $a's node (unique-index seek) and its events; $b must take part on the other side, or either
// be a participant of a symmetric event (co-sources of one act are not "between" each other).
// $a, $b: ISO3 or organisation ids. $since / $until: ISO dates of any precision or null (overlap, as in
// api_partners). $limit: how many events.
// params: $a, $b, $since, $until, $limit
// returns: id, type, mode, quad_class, date, date_precision, status, confidence, a_role, b_role, evidence
CALL () {
  MATCH (c:Country {iso3: $a})
  RETURN c AS actor
  UNION
  MATCH (o:Organization {id: $a})
  RETURN o AS actor
}
MATCH (actor)-[ra:PARTICIPATED_IN]->(e:Event)<-[rb:PARTICIPATED_IN]-(other:Country|Organization)
  WHERE coalesce(other.iso3, other.id) = $b
    AND other <> actor
    AND (ra.role = 'participant' OR rb.role = 'participant' OR ra.role <> rb.role)
    AND ($since IS NULL OR e.date >= $since OR $since STARTS WITH e.date)
    AND ($until IS NULL OR e.date <= $until OR e.date STARTS WITH $until)
WITH DISTINCT e, ra.role AS a_role, rb.role AS b_role
ORDER BY e.date IS NULL, e.date DESC, e.id
LIMIT $limit
CALL (e) {
  MATCH (e)-[rep:REPORTED_IN]->(art:Article)
  WITH rep, art
  ORDER BY art.published DESC, art.id, rep.start
  RETURN collect({
    sentence: rep.sentence, confidence: rep.confidence, start: rep.start, end: rep.end,
    article_id: art.id, url: art.url, title: art.title, published: art.published
  }) AS evidence
}
RETURN
  e.id AS id, e.type AS type, e.mode AS mode, e.quad_class AS quad_class, e.date AS date,
  e.date_precision AS date_precision, e.status AS status, e.confidence AS confidence, a_role, b_role, evidence
ORDER BY date IS NULL, date DESC, id
