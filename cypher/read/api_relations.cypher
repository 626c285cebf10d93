// The events between two actors, newest first (undated last), each with every sentence reporting it and its
// article. Reads the pair's entries in the (pair, date) index of BETWEEN relationships (write/upsert_relations
// keeps one per event and pair of actors on opposite sides, or in a symmetric event), newest first, and stops after
// $limit: the cost follows $limit, not the number of events of the pair or of either actor.
// $a, $b: ISO3 or organisation ids; $pair: their keys sorted and joined with '|' ("RUS|UKR").
// $since / $until: ISO dates of any precision or null, kept when the event's (possibly partial) date overlaps the
// range, as in api_partners_in_range. $low / $high: the index bounds that contain that range (the caller computes
// them: '' and '~' for no range; the year of $since; $until + '~'): undated events are stored with date '' and so
// fall outside any range. $min_confidence: null, or the least confidence of an event returned. $limit: how many
// events.
// params: $a, $b, $pair, $since, $until, $low, $high, $min_confidence, $limit
// returns: id, type, mode, quad_class, date, date_precision, status, confidence, a_role, b_role, evidence
// ORDER BY p.pair DESC (a constant here) lets the planner read the index in descending (pair, date) order and stop
// at $limit (PartialTop: the event id only breaks ties of one date); without it, it sorts every entry of the pair.
// There is one BETWEEN per event and pair, so no DISTINCT (which would also lose the index order).
MATCH ()-[p:BETWEEN]->(e)
  WHERE p.pair = $pair AND p.date >= $low AND p.date < $high
    AND ($since IS NULL OR e.date >= $since OR $since STARTS WITH e.date)
    AND ($until IS NULL OR e.date <= $until OR e.date STARTS WITH $until)
    AND ($min_confidence IS NULL OR coalesce(e.confidence, 0.0) >= $min_confidence)
WITH e, p.date AS sort_date
ORDER BY p.pair DESC, p.date DESC, e.id
LIMIT $limit
CALL (e) {
  OPTIONAL MATCH (x:Country|Organization)-[rx:PARTICIPATED_IN]->(e)
    WHERE x.id IN [$a, $b]
  WITH x.id AS key, collect(rx.role)[0] AS role
  RETURN
    head([r IN collect({key: key, role: role}) WHERE r.key = $a | r.role]) AS a_role,
    head([r IN collect({key: key, role: role}) WHERE r.key = $b | r.role]) AS b_role
}
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
ORDER BY sort_date DESC, id
