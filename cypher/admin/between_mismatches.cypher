// Events whose BETWEEN entries (the (pair, date) index behind GET /relations) differ from what their participants
// call for: one per pair of state/organisation participants on opposite sides or in a symmetric event, dated with
// the event's date ('' when undated). Full scan, for tests and fault trials: none is right.
// params: none
// returns: event_id, expected, stored
MATCH (e:Event)
CALL (e) {
  OPTIONAL MATCH (x:Country|Organization)-[rx:PARTICIPATED_IN]->(e)<-[ry:PARTICIPATED_IN]-(y:Country|Organization)
    WHERE x.id < y.id
      AND (rx.role = 'participant' OR ry.role = 'participant' OR rx.role <> ry.role)
  WITH DISTINCT x.id + '|' + y.id + '@' + coalesce(e.date, '') AS entry
  ORDER BY entry
  RETURN collect(entry) AS expected
}
CALL (e) {
  OPTIONAL MATCH (low)-[p:BETWEEN]->(e)
    WHERE p.pair STARTS WITH low.id + '|'
  WITH p.pair + '@' + p.date AS entry
  ORDER BY entry
  RETURN collect(entry) AS stored
}
WITH e, expected, stored
  WHERE expected <> stored
RETURN e.id AS event_id, expected, stored
