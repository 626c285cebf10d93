// The indexes that exist, including constraints' backing indexes (same name as the constraint) and the built-in
// token lookup indexes; `state` is ONLINE, POPULATING or FAILED.
// params: none
// returns: name, type, state, entity_type, labels_or_types, properties
SHOW INDEXES
YIELD name, type, state, entityType, labelsOrTypes, properties
RETURN name, type, state, entityType AS entity_type, labelsOrTypes AS labels_or_types, properties
ORDER BY name
