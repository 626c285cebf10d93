// Troop deployments: the DEPLOYS_TROOPS_TO edges (MOBILIZE events with mode "troops"), sender -> host, with the
// dates and the newest reporting sentence. $actor (ISO3 or organisation id) keeps the edges it sends or receives;
// '' (or null) keeps them all. (Browser ignores a `:param ... => null` block, so the guide sets '' instead.)
// :param actor => ''
// params: $actor
// returns: path, sender, host, event_count, first_date, last_date, sentence
MATCH path = (sender)-[r:DEPLOYS_TROOPS_TO]->(host)
  WHERE coalesce($actor, '') = '' OR sender.id = $actor OR host.id = $actor
RETURN
  path,
  sender.id AS sender,
  host.id AS host,
  r.event_count AS event_count,
  r.first_date AS first_date,
  r.last_date AS last_date,
  COLLECT {
    MATCH (e:Event)-[rep:REPORTED_IN]->(art:Article)
      WHERE e.id IN r.event_ids
    RETURN rep.sentence ORDER BY art.published DESC, art.id, rep.start LIMIT 1
  }[0] AS sentence
ORDER BY last_date IS NULL, last_date DESC, sender, host
