// "Who was cooperating with X between two dates?": the actors (states and organisations) that took part in events
// with $actor, in one stance, ranked by evidence, counting only the events whose dates overlap the range. Without a
// date range or a least confidence, read/api_partners answers the same question from the relationship layer's per-edge summaries; this
// one seeks the actor's participations in the date range on the participated_actor_date index (PARTICIPATED_IN
// {actor, date}), so its cost follows the actor's events in the range, not all of them.
// - $actor: ISO3 or organisation id. $cooperation: true for cooperation (verbal and material cooperation, plus
//   MOBILIZE with mode "troops": troops sent in support), false for conflict (everything else).
// - $since / $until: ISO dates of any precision or null; an event is kept when its (possibly partial) date overlaps
//   the range ("2023" overlaps since "2023-08"); undated events are left out once a bound is given.
// - $date_low / $date_high: [low, high) bounds on the index's dates that hold every overlapping date (the year of
//   $since, $until + '~'; routes_relations.index_bounds), for the range seek; the exact overlap is filtered after.
// - $types: PLOVER types to keep, or null for all. $min_confidence: null, or the least confidence of an event
//   counted (the events below it are left out, as if the graph did not hold them). $limit: how many partners.
// A pair counts when the two are on opposite sides (source/target) or one is a participant of a symmetric event:
// co-sources of one attack are not at war with each other.
// score = sum over the pair's events of confidence x weight, weight 2 for material events (and troops), 1 for verbal.
// evidence: the 3 strongest reporting sentences (sentence confidence, then newest) of the 3 strongest events
// (event confidence, then newest), as read/api_partners takes them from the edges' top_event_ids.
// Ranked by the score rounded to 6 decimals, then the number of events: the three partners queries sum the same
// scores in different orders, and float noise must not decide a tie.
// params: $actor, $cooperation, $since, $until, $date_low, $date_high, $types, $min_confidence, $limit
// returns: id, name, kind, score, event_count, types, first_date, last_date, evidence
MATCH ()-[mine:PARTICIPATED_IN]->(e:Event)
  WHERE mine.actor = $actor AND mine.date >= $date_low AND mine.date < $date_high
    AND ($since IS NULL OR e.date >= $since OR $since STARTS WITH e.date)
    AND ($until IS NULL OR e.date <= $until OR e.date STARTS WITH $until)
    AND ($types IS NULL OR e.type IN $types)
    AND ($min_confidence IS NULL OR coalesce(e.confidence, 0.0) >= $min_confidence)
    AND (e.quad_class IN ['verbal_cooperation', 'material_cooperation']
         OR (e.type = 'MOBILIZE' AND coalesce(e.mode, '') = 'troops')) = $cooperation
MATCH (partner:Country|Organization)-[theirs:PARTICIPATED_IN]->(e)
  WHERE theirs.actor <> $actor
    AND (mine.role = 'participant' OR theirs.role = 'participant' OR mine.role <> theirs.role)
WITH DISTINCT partner, e
WITH partner, collect(e) AS events
WITH partner, events,
  reduce(s = 0.0, x IN events |
    s + coalesce(x.confidence, 0.5) * CASE
      WHEN x.quad_class STARTS WITH 'material' OR (x.type = 'MOBILIZE' AND coalesce(x.mode, '') = 'troops') THEN 2.0
      ELSE 1.0
    END) AS score
ORDER BY round(score, 6) DESC, size(events) DESC, partner.id
LIMIT $limit
CALL (events) {
  UNWIND events AS x
  WITH x.type AS type, count(*) AS n
  ORDER BY n DESC, type
  RETURN collect({type: type, count: n}) AS types
}
CALL (events) {
  UNWIND events AS x
  RETURN min(x.date) AS first_date, max(x.date) AS last_date
}
CALL (events) {
  UNWIND events AS x
  WITH x
  ORDER BY coalesce(x.confidence, 0.0) DESC, coalesce(x.date, '') DESC, x.id
  LIMIT 3
  MATCH (x)-[rep:REPORTED_IN]->(art:Article)
  WITH x, rep, art
  ORDER BY coalesce(rep.confidence, x.confidence, 0.0) DESC, coalesce(x.date, '') DESC, art.id, rep.start
  LIMIT 3
  RETURN collect({
    event_id: x.id, type: x.type, date: x.date, sentence: rep.sentence, confidence: rep.confidence,
    article_id: art.id, url: art.url, title: art.title, published: art.published
  }) AS evidence
}
RETURN
  partner.id AS id,
  partner.name AS name,
  CASE WHEN partner:Country THEN 'country' ELSE coalesce(partner.kind, 'org') END AS kind,
  score,
  size(events) AS event_count,
  types,
  first_date,
  last_date,
  evidence
ORDER BY round(score, 6) DESC, event_count DESC, id
