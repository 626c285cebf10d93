// For every relationship of a type: given properties of its start node, its end node and itself, for tests'
// assertions (full scan: not for the API).
// params: $type, $start_keys, $end_keys, $rel_keys
// returns: start_values, end_values, rel_values
MATCH (a)-[r]->(b)
WHERE type(r) = $type
RETURN
  [key IN $start_keys | a[key]] AS start_values,
  [key IN $end_keys | b[key]] AS end_values,
  [key IN $rel_keys | r[key]] AS rel_values
