// The pair index of the relationship layer: (the pair's smaller key)-[:BETWEEN {pair: "RUS|UKR", date}]->(event), one
// per event and pair of actors that the layer links through it, with the event's date ('' when undated), so that
// GET /relations reads a pair's newest events from the (pair, date) relationship index instead of walking every
// event of a busy country, and write/upsert_pair_summaries counts a pair's events in one period by an index seek.
// $rows = [{event_id, a, b}], the rows of write/upsert_relations (a and b: actor keys, ISO3 or organisation id).
// Returns, per pair, the periods whose events changed: the period of each entry's date before and after this write
// (an event whose date was refined leaves one period for another), for write/upsert_pair_summaries. A period is the
// month "2023-05" of a date with a month, the year "2023" of a year-only date, '' for an undated event.
// CYPHER replan=skip: unique-index seeks whatever the statistics (see cypher/README.md, "Loading").
// params: $rows
// returns: pair, periods
CYPHER replan=skip
UNWIND $rows AS row
MATCH (e:Event {id: row.event_id})
MATCH (a:Country|Organization)-[:PARTICIPATED_IN]->(e)
  WHERE a.id = row.a
MATCH (b:Country|Organization)-[:PARTICIPATED_IN]->(e)
  WHERE b.id = row.b
WITH DISTINCT e, CASE WHEN a.id < b.id THEN a ELSE b END AS low,
  CASE WHEN a.id < b.id THEN a.id + '|' + b.id ELSE b.id + '|' + a.id END AS pair
MERGE (low)-[p:BETWEEN {pair: pair}]->(e)
WITH e, pair, p, p.date AS before
SET p.date = coalesce(e.date, '')
WITH pair, [d IN [before, p.date] WHERE d IS NOT NULL |
  CASE WHEN d = '' THEN '' WHEN size(d) = 4 THEN d ELSE left(d, 7) END] AS touched
UNWIND touched AS period
WITH pair, collect(DISTINCT period) AS periods
RETURN pair, periods
ORDER BY pair
