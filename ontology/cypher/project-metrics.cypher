// Metrics of one project
// 某一项目的指标
//
// Question: what numbers do the reports give for a project (its area, capacity, investment,
// companies brought in)? "stated" when the metric is tied to the project; "nearest mention"
// when it is tied to no entity and the project is the entity named last before it in the same
// clause. A metric is never given to every project of its sentence.
// The Cypher version of project-metrics.rq, for the Neo4j import files (kg build -f neo4j) in
// Neo4j or LadybugDB. Rows come in no particular order (a UNION).
// Parameters: $project ('' for every project), e.g. {"project": "三江源国家公园"}
// Columns: project, value, unit, measure, kind, link, sentence
MATCH (m:Metric)-[:ABOUT_ENTITY]->(p:Project), (m)-[:WAS_DERIVED_FROM]->(s:Sentence)
WHERE ($project = '' OR p.label = $project) AND p.label IS NOT NULL
  AND m.value IS NOT NULL AND m.unitText IS NOT NULL AND m.metricKind IS NOT NULL
  AND s.text IS NOT NULL AND s.startOffset IS NOT NULL
RETURN p.label AS project, m.value AS value, m.unitText AS unit,
       coalesce(m.measure, '') AS measure, m.metricKind AS kind, 'stated' AS link,
       s.text AS sentence
UNION ALL
// A metric tied to no entity: the mention that ends last before it in its sentence; its
// entity, when that is a project and no clause mark (；。！？) stands between them.
MATCH (m:Metric)-[:WAS_DERIVED_FROM]->(s:Sentence)<-[:IN_SENTENCE]-(n:Mention)
WHERE NOT EXISTS { MATCH (m)-[:ABOUT_ENTITY]->() }
  AND m.startOffset IS NOT NULL AND n.endOffset <= m.startOffset
WITH m, s, max(n.endOffset) AS nearest
MATCH (s)<-[:IN_SENTENCE]-(last:Mention)-[:REFERS_TO]->(p:Project)
WHERE last.endOffset = nearest AND ($project = '' OR p.label = $project) AND p.label IS NOT NULL
  AND m.value IS NOT NULL AND m.unitText IS NOT NULL AND m.metricKind IS NOT NULL
  AND s.text IS NOT NULL AND s.startOffset IS NOT NULL
  // one character more on each side than the gap: substring counts from 0 in Neo4j and from 1
  // in LadybugDB, and the mention's last character and the metric's first are never a mark
  AND NOT substring(s.text, nearest - s.startOffset, m.startOffset - nearest + 1)
      =~ '(?s).*[；;。！？!?].*'
RETURN DISTINCT p.label AS project, m.value AS value, m.unitText AS unit,
       coalesce(m.measure, '') AS measure, m.metricKind AS kind, 'nearest mention' AS link,
       s.text AS sentence
