// "Who is cooperating with X?": the actors (states and organisations) linked to $actor by the relationship layer
// (MET_WITH, AIDS, ATTACKS, ...) in one stance, ranked by evidence. Reads only the actor's layer edges (at most one
// per partner, type and direction) and their summaries kept at write time (score, event_count, event_type,
// first/last date, top_event_ids: write/upsert_relations), so its cost follows the number of partners, not of events.
// Used when no date range is given; read/api_partners_in_range counts the events of a range (same columns).
// - $actor: ISO3 or organisation id. $cooperation: true for cooperation (verbal and material cooperation, plus
//   DEPLOYS_TROOPS_TO: troops sent in support), false for conflict (everything else).
// - $types: PLOVER types to keep, or null for all. $limit: how many partners.
// The layer links two actors when they were on opposite sides of an event, or took part in a symmetric one, as
// api_partners_in_range counts them. score = the sum of the edges' scores (confidence x weight over their events,
// weight 2 for material events and troops, 1 for verbal). evidence: the 3 strongest reporting sentences of the
// partner's 3 strongest events (confidence, then newest), found among its edges' top_event_ids.
// Ranked by the score rounded to 6 decimals, then the number of events: the three partners queries sum the same
// scores in different orders, and float noise must not decide a tie.
// params: $actor, $cooperation, $types, $limit
// returns: id, name, kind, score, event_count, types, first_date, last_date, evidence
CALL () {
  MATCH (c:Country {id: $actor})
  RETURN c AS center
  UNION
  MATCH (o:Organization {id: $actor})
  RETURN o AS center
}
MATCH (center)-[r:
  MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
  DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
  REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
]-(partner:Country|Organization)
  WHERE partner <> center
    AND ($types IS NULL OR r.event_type IN $types)
    AND (r.quad_class IN ['verbal_cooperation', 'material_cooperation'] OR type(r) = 'DEPLOYS_TROOPS_TO') = $cooperation
WITH partner, collect(r) AS edges
WITH partner, edges,
  reduce(s = 0.0, x IN edges | s + coalesce(x.score, 0.0)) AS score,
  reduce(n = 0, x IN edges | n + x.event_count) AS event_count
ORDER BY round(score, 6) DESC, event_count DESC, partner.id
LIMIT $limit
CALL (edges) {
  UNWIND edges AS x
  WITH x.event_type AS type, sum(x.event_count) AS n
  ORDER BY n DESC, type
  RETURN collect({type: type, count: n}) AS types
}
CALL (edges) {
  UNWIND edges AS x
  RETURN min(x.first_date) AS first_date, max(x.last_date) AS last_date
}
CALL (edges) {
  UNWIND edges AS x
  UNWIND coalesce(x.top_event_ids, []) AS event_id
  MATCH (ev:Event {id: event_id})
  WITH DISTINCT ev
  ORDER BY coalesce(ev.confidence, 0.0) DESC, coalesce(ev.date, '') DESC, ev.id
  LIMIT 3
  MATCH (ev)-[rep:REPORTED_IN]->(art:Article)
  WITH ev, rep, art
  ORDER BY coalesce(rep.confidence, ev.confidence, 0.0) DESC, coalesce(ev.date, '') DESC, art.id, rep.start
  LIMIT 3
  RETURN collect({
    event_id: ev.id, type: ev.type, date: ev.date, sentence: rep.sentence, confidence: rep.confidence,
    article_id: art.id, url: art.url, title: art.title, published: art.published
  }) AS evidence
}
RETURN
  partner.id AS id,
  partner.name AS name,
  CASE WHEN partner:Country THEN 'country' ELSE coalesce(partner.kind, 'org') END AS kind,
  score,
  event_count,
  types,
  first_date,
  last_date,
  evidence
ORDER BY round(score, 6) DESC, event_count DESC, id
