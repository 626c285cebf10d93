// An article and the actors it names, in one statement:
// - $rows = [{id, props}]: the Article (props: url, title, published, source, byline, dateline, ingested_at,
//   text_hash; keys without a value are left out, never null). ingest/load.py has checked it is new.
// - $countries = [{id, name}], $organizations = [{id, name, kind}] (kind "org" or "group"), $people = [{id, name,
//   aliases}]: merged on their keys, with Article -[:MENTIONS]-> each. The first name seen is kept (as in
//   upsert_country); a person's aliases accumulate.
// - $offices = [{person_id, country_id, role, seen}]: Person -[:HOLDS_OFFICE {role, first_seen, last_seen}]-> Country,
//   one edge per role; first_seen / last_seen widen to `seen`, the article's publication date (null: unchanged).
// Each list is unwound inside its own subquery, so an empty list skips only its part.
// CYPHER replan=skip: the plan is fixed by unique-index seeks whatever the statistics, and a young, growing graph
// would otherwise make Neo4j re-plan it every 10 s (see cypher/README.md, "Loading").
// params: $rows, $countries, $organizations, $people, $offices
// returns: none
CYPHER replan=skip
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
  ON CREATE SET a += row.props
WITH a
CALL (a) {
  UNWIND $countries AS country
  MERGE (c:Country {id: country.id})
    ON CREATE SET c.iso3 = country.id, c.name = country.name
    ON MATCH SET c.name = coalesce(c.name, country.name)
  MERGE (a)-[:MENTIONS]->(c)
}
CALL (a) {
  UNWIND $organizations AS org
  MERGE (o:Organization {id: org.id})
    ON CREATE SET o.name = org.name, o.kind = org.kind
    ON MATCH SET o.name = coalesce(o.name, org.name), o.kind = coalesce(o.kind, org.kind)
  MERGE (a)-[:MENTIONS]->(o)
}
CALL (a) {
  UNWIND $people AS person
  MERGE (p:Person {id: person.id})
    ON CREATE SET p.name = person.name, p.aliases = person.aliases
    ON MATCH SET
      p.name = coalesce(p.name, person.name),
      p.aliases = coalesce(p.aliases, []) + [alias IN person.aliases WHERE NOT alias IN coalesce(p.aliases, [])]
  MERGE (a)-[:MENTIONS]->(p)
}
CALL () {
  UNWIND $offices AS office
  MATCH (p:Person {id: office.person_id})
  MATCH (c:Country {id: office.country_id})
  MERGE (p)-[h:HOLDS_OFFICE {role: office.role}]->(c)
    ON CREATE SET h.first_seen = office.seen, h.last_seen = office.seen
    ON MATCH SET
      h.first_seen = CASE WHEN h.first_seen IS NULL OR office.seen < h.first_seen THEN office.seen ELSE h.first_seen END,
      h.last_seen = CASE WHEN h.last_seen IS NULL OR office.seen > h.last_seen THEN office.seen ELSE h.last_seen END
}
