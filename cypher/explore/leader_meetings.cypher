// A leader's meetings: the CONSULT events $person took part in (their id `person:<slug>`, their name or one of
// their aliases, any case), with everyone else at the table (their own state left out), newest first.
// :param person => 'Vladimir Putin'
// params: $person
// returns: path, date, date_precision, counterpart, counterpart_kind, place
MATCH (leader:Person)
  WHERE leader.id = $person OR toLower(leader.name) = toLower($person)
     OR any(alias IN coalesce(leader.aliases, []) WHERE toLower(alias) = toLower($person))
MATCH path = (leader)-[:PARTICIPATED_IN]->(e:Event {type: 'CONSULT'})<-[:PARTICIPATED_IN]-(other)
  WHERE other <> leader AND NOT (leader)-[:HOLDS_OFFICE]->(other)
RETURN
  path,
  e.date AS date,
  e.date_precision AS date_precision,
  other.id AS counterpart,
  CASE WHEN other:Country THEN 'country' WHEN other:Person THEN 'person' ELSE coalesce(other.kind, 'org') END
    AS counterpart_kind,
  COLLECT { MATCH (e)-[:OCCURRED_IN]->(place:Place) RETURN place.name ORDER BY place.name LIMIT 1 }[0] AS place
ORDER BY coalesce(date, '') DESC, counterpart
LIMIT 300
