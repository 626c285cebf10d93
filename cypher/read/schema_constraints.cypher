// The constraints that exist, to check cypher/schema/ was applied (see service/graph/schema.py).
// params: none
// returns: name, type, entity_type, labels_or_types, properties
SHOW CONSTRAINTS
YIELD name, type, entityType, labelsOrTypes, properties
RETURN name, type, entityType AS entity_type, labelsOrTypes AS labels_or_types, properties
ORDER BY name
