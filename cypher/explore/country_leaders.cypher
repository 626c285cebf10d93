// Who speaks for a country: the people holding an office of $actor (ISO3), with the publication dates of the first
// and last articles naming them so, most recently seen first.
// :param actor => 'USA'
// params: $actor
// returns: path, person, role, first_seen, last_seen
MATCH path = (person:Person)-[office:HOLDS_OFFICE]->(:Country {id: $actor})
RETURN
  path,
  person.name AS person,
  office.role AS role,
  office.first_seen AS first_seen,
  office.last_seen AS last_seen
ORDER BY last_seen DESC, person, role
