// Synthetic graph (scripts/gen_synthetic.py): the states, organisations, officials and capitals, in one statement.
// $countries = [{iso3, name}], $organizations = [{id, name, kind}], $people = [{id, name, aliases}],
// $offices = [{person_id, iso3, role, first_seen, last_seen}], $places = [{id, name}]. Merged on their keys, as
// write/upsert_article and write/upsert_events do; each list in its own subquery so an empty one skips its part.
// CYPHER replan=skip: plans fixed by unique-index seeks; a growing graph would otherwise be re-planned every 10 s.
// params: $countries, $organizations, $people, $offices, $places
// returns: none
CYPHER replan=skip
CALL () {
  UNWIND $countries AS country
  MERGE (c:Country {iso3: country.iso3})
    ON CREATE SET c.name = country.name
}
CALL () {
  UNWIND $organizations AS org
  MERGE (o:Organization {id: org.id})
    ON CREATE SET o.name = org.name, o.kind = org.kind
}
CALL () {
  UNWIND $people AS person
  MERGE (p:Person {id: person.id})
    ON CREATE SET p.name = person.name, p.aliases = person.aliases
}
CALL () {
  UNWIND $offices AS office
  MATCH (p:Person {id: office.person_id})
  MATCH (c:Country {iso3: office.iso3})
  MERGE (p)-[h:HOLDS_OFFICE {role: office.role}]->(c)
    ON CREATE SET h.first_seen = office.first_seen, h.last_seen = office.last_seen
}
CALL () {
  UNWIND $places AS place
  MERGE (p:Place {id: place.id})
    ON CREATE SET p.name = place.name
}
