// Search the evidence: reporting sentences matching $text (Lucene syntax: words, "a phrase", troops AND border),
// best matches first, each with its event drawn with the article that reports it. Uses the reported_sentence_text
// full-text index.
// :param text => 'troops'
// params: $text
// returns: path, score, sentence, event_id, type, date, url
CALL db.index.fulltext.queryRelationships('reported_sentence_text', $text) YIELD relationship, score
WITH relationship AS rep, score
ORDER BY score DESC
LIMIT 50
MATCH path = (e:Event)-[rep]->(art:Article)
RETURN path, score, rep.sentence AS sentence, e.id AS event_id, e.type AS type, e.date AS date, art.url AS url
ORDER BY score DESC, event_id
