// The given properties of every node with a label, for tests' assertions (full scan: not for the API).
// params: $label, $keys
// returns: values
MATCH (n)
WHERE $label IN labels(n)
RETURN [key IN $keys | n[key]] AS values
