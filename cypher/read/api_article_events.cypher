// An ingested article and the events it reports, each with its participants and the sentences of THIS article
// that report it (its REPORTED_IN edges to the article), for GET /articles/{id}. No row: no such article.
// events = [{id, type, mode, date, date_precision, status, confidence, quad_class,
//            participants: [{id, name, kind, role}], evidence: [{sentence, start, end, trigger, confidence}]}],
// in the order the article reports them (first sentence first); participants include named people (kind "person").
// params: $article_id
// returns: id, title, url, published, events
MATCH (a:Article {id: $article_id})
RETURN
  a.id AS id,
  a.title AS title,
  a.url AS url,
  a.published AS published,
  COLLECT {
    MATCH (e:Event)-[r:REPORTED_IN]->(a)
    WITH e, r
    ORDER BY r.start
    WITH e, collect({sentence: r.sentence, start: r.start, end: r.end, trigger: r.trigger, confidence: r.confidence})
      AS evidence, min(r.start) AS first
    ORDER BY first, e.id
    RETURN {
      id: e.id,
      type: e.type,
      mode: e.mode,
      date: e.date,
      date_precision: e.date_precision,
      status: e.status,
      confidence: e.confidence,
      quad_class: e.quad_class,
      participants: COLLECT {
        MATCH (x)-[p:PARTICIPATED_IN]->(e)
        WITH x, p
        ORDER BY p.role, x.id
        RETURN {
          id: x.id,
          name: x.name,
          kind: CASE WHEN x:Country THEN 'country' WHEN x:Person THEN 'person' ELSE coalesce(x.kind, 'org') END,
          role: p.role
        }
      },
      evidence: evidence
    }
  } AS events
