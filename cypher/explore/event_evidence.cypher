// One event with its evidence: its participants (with their side), where it happened, and every sentence that
// reports it with its article. Event ids come from pair_timeline, sentence_search or GET /events; the example
// takes the first troop deployment.
// :param event_id => COLLECT { MATCH (e:Event {type: 'MOBILIZE', mode: 'troops'}) RETURN e.id LIMIT 1 }[0]
// params: $event_id
// returns: path, kind, role, sentence, title, url, published
MATCH (e:Event {id: $event_id})
CALL (e) {
  MATCH path = (actor)-[p:PARTICIPATED_IN]->(e)
  RETURN path, 'participant' AS kind, p.role AS role, null AS sentence, null AS title, null AS url, null AS published
  UNION ALL
  MATCH path = (e)-[:OCCURRED_IN]->(:Place)
  RETURN path, 'place' AS kind, null AS role, null AS sentence, null AS title, null AS url, null AS published
  UNION ALL
  MATCH path = (e)-[rep:REPORTED_IN]->(art:Article)
  RETURN
    path, 'evidence' AS kind, null AS role, rep.sentence AS sentence, art.title AS title, art.url AS url,
    art.published AS published
}
RETURN path, kind, role, sentence, title, url, published
ORDER BY kind DESC, published, sentence
