// GET /ask: the people a name in a question may stand for, matched case-insensitively on the name, an alias or the
// surname ($name lower-cased by the caller): whole name or alias first, then a name ending in it. A scan of the
// Person nodes: questions are rare and people are few.
// params: $name
// returns: id, name
MATCH (p:Person)
WHERE toLower(p.name) = $name
  OR any(alias IN coalesce(p.aliases, []) WHERE toLower(alias) = $name)
  OR toLower(p.name) ENDS WITH ' ' + $name
RETURN p.id AS id, p.name AS name
ORDER BY CASE WHEN toLower(p.name) = $name THEN 0 WHEN toLower(p.name) ENDS WITH ' ' + $name THEN 2 ELSE 1 END, p.id
LIMIT 5
