// An article's events, one node per real-world event across articles (ids and matching: ingest/keys.py and
// ingest/load.py), with who took part, where, and the sentences reporting them:
// - $rows = [{id, props, date, date_precision, status, confidence, mode, published}]: props (no null values) are
//   set when the event is created; when it exists, the rest folds in: a longer (more precise, compatible) date
//   wins, status moves up planned < ongoing < occurred, confidence keeps the maximum, mode the first known, and
//   first_reported / last_reported widen to the article's publication date.
// - $participants = [{event_id, key, label, role}]: actor -[:PARTICIPATED_IN {role, actor, type, date}]-> Event; key is an
//   ISO3 (label "Country"), organisation id ("Organization") or person id ("Person"). Labels cannot be parameters,
//   so the label picks one of three fixed branches, each an index seek. `actor` (the key) and `date` (the event's
//   date, '' when undated) feed the participated_actor_date index, from which GET /events?actor= reads an actor's
//   newest events in order, and with `type` (the event's PLOVER type, fixed with its id) the
//   participated_actor_type_date index ("who sent troops to X": one type's events of an actor in a range); every
//   participation of the article's events gets the event's (possibly refined) date.
// - $places = [{event_id, place_id, name}]: Place (id place:<slug>) and Event -[:OCCURRED_IN]->.
// - $reports = [{event_id, start, end, sentence, confidence, trigger}]: Event -[:REPORTED_IN]-> the article
//   $article_id, one edge per reporting sentence (keyed by its start offset), so an event keeps every sentence
//   that reports it, in each article's words; each new edge adds one to the event's mentions.
// CYPHER replan=skip: the plan is fixed by unique-index seeks whatever the statistics, and a young, growing graph
// would otherwise make Neo4j re-plan it every 10 s (see cypher/README.md, "Loading").
// params: $rows, $participants, $places, $reports, $article_id
// returns: none
CYPHER replan=skip
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
  ON CREATE SET e += row.props, e.mentions = 0
  ON MATCH SET
    e.date_precision = CASE
      WHEN size(coalesce(row.date, '')) > size(coalesce(e.date, '')) THEN row.date_precision
      ELSE e.date_precision
    END,
    e.date = CASE WHEN size(coalesce(row.date, '')) > size(coalesce(e.date, '')) THEN row.date ELSE e.date END,
    e.status = CASE
      WHEN e.status = 'occurred' OR (e.status = 'ongoing' AND row.status = 'planned') THEN e.status
      ELSE row.status
    END,
    e.confidence = CASE WHEN e.confidence IS NULL OR row.confidence > e.confidence THEN row.confidence ELSE e.confidence END,
    e.mode = coalesce(e.mode, row.mode),
    e.first_reported = CASE
      WHEN e.first_reported IS NULL OR row.published < e.first_reported THEN row.published
      ELSE e.first_reported
    END,
    e.last_reported = CASE
      WHEN e.last_reported IS NULL OR row.published > e.last_reported THEN row.published
      ELSE e.last_reported
    END
WITH count(*) AS events
CALL () {
  UNWIND $participants AS participant
  MATCH (e:Event {id: participant.event_id})
  CALL (participant) {
    MATCH (c:Country {id: participant.key})
      WHERE participant.label = 'Country'
    RETURN c AS actor
    UNION
    MATCH (o:Organization {id: participant.key})
      WHERE participant.label = 'Organization'
    RETURN o AS actor
    UNION
    MATCH (p:Person {id: participant.key})
      WHERE participant.label = 'Person'
    RETURN p AS actor
  }
  MERGE (actor)-[p:PARTICIPATED_IN {role: participant.role}]->(e)
    ON CREATE SET p.actor = participant.key, p.type = e.type
}
CALL () {
  UNWIND $rows AS row
  MATCH (e:Event {id: row.id})<-[p:PARTICIPATED_IN]-()
  SET p.date = coalesce(e.date, '')
}
CALL () {
  UNWIND $places AS place
  MERGE (p:Place {id: place.place_id})
    ON CREATE SET p.name = place.name
  WITH p, place
  MATCH (e:Event {id: place.event_id})
  MERGE (e)-[:OCCURRED_IN]->(p)
}
CALL () {
  MATCH (a:Article {id: $article_id})
  UNWIND $reports AS report
  MATCH (e:Event {id: report.event_id})
  MERGE (e)-[r:REPORTED_IN {start: report.start}]->(a)
    ON CREATE SET
      r.end = report.end,
      r.sentence = report.sentence,
      r.confidence = report.confidence,
      r.trigger = report.trigger,
      e.mentions = e.mentions + 1
}
