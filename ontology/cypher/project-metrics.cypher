// Metrics of one project
// 某一项目的指标
//
// Question: what numbers do the reports give for a project (its area, capacity, investment,
// companies brought in)? "stated" when the metric is tied to the project; "same sentence" when
// it stands in a sentence that names the project and is tied to no other entity.
// The Cypher version of project-metrics.rq, for the Neo4j import files (kg build -f neo4j) in
// Neo4j or LadybugDB. Rows come in no particular order (a UNION).
// Parameters: $project ('' for every project), e.g. {"project": "G98环岛高速"}
// Columns: project, value, unit, measure, kind, link, sentence
MATCH (m:Metric)-[:ABOUT_ENTITY]->(p:Project), (m)-[:WAS_DERIVED_FROM]->(s:Sentence)
WHERE ($project = '' OR p.label = $project) AND p.label IS NOT NULL
  AND m.value IS NOT NULL AND m.unitText IS NOT NULL AND m.metricKind IS NOT NULL
  AND s.text IS NOT NULL AND s.startOffset IS NOT NULL
RETURN p.label AS project, m.value AS value, m.unitText AS unit,
       coalesce(m.measure, '') AS measure, m.metricKind AS kind, 'stated' AS link,
       s.text AS sentence
UNION ALL
// A metric tied to another entity is not this project's, though they share a sentence.
MATCH (p:Project)-[:MENTIONED_IN]->(s:Sentence)<-[:WAS_DERIVED_FROM]-(m:Metric)
WHERE ($project = '' OR p.label = $project) AND p.label IS NOT NULL
  AND m.value IS NOT NULL AND m.unitText IS NOT NULL AND m.metricKind IS NOT NULL
  AND s.text IS NOT NULL AND s.startOffset IS NOT NULL
  AND NOT EXISTS { MATCH (m)-[:ABOUT_ENTITY]->() }
RETURN p.label AS project, m.value AS value, m.unitText AS unit,
       coalesce(m.measure, '') AS measure, m.metricKind AS kind, 'same sentence' AS link,
       s.text AS sentence
