// Synthetic graph (scripts/gen_synthetic.py): the states, organisations, officials and capitals, in one statement.
// $countries = [{id, name}], $organizations = [{id, name, kind}], $people = [{id, name, aliases}],
// $offices = [{person_id, country_id, role, first_seen, last_seen}], $places = [{id, name}]. Merged on their keys, as
// write/upsert_article and write/upsert_events do; each list in its own subquery so an empty one skips its part.
// CYPHER replan=skip: plans fixed by unique-index seeks; a growing graph would otherwise be re-planned every 10 s.
// params: $countries, $organizations, $people, $offices, $places
// returns: none
CYPHER replan=skip
CALL () {
  UNWIND $countries AS country
  MERGE (c:Country {id: country.id})
    ON CREATE SET c.iso3 = country.id, c.name = country.name
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
  MATCH (c:Country {id: office.country_id})
  MERGE (p)-[h:HOLDS_OFFICE {role: office.role}]->(c)
    ON CREATE SET h.first_seen = office.first_seen, h.last_seen = office.last_seen
}
CALL () {
  UNWIND $places AS place
  MERGE (p:Place {id: place.id})
    ON CREATE SET p.name = place.name
}
