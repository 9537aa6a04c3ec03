// Support matrix of the Strimzi operator: which kafka.strimzi.io API versions
// each release serves and which Kafka versions it can run. Taken from the
// upstream repository at each release tag (strimzi/strimzi-kafka-operator:
// kafka-versions.yaml, "supported: true"; packaging/install/cluster-operator/
// 04x-Crd-*.yaml, spec.versions[].served). Add a release here before pinning it.
export const STRIMZI_RELEASES = {
  '0.46.1': { apis: ['v1beta2'], kafka: ['3.9.0', '4.0.0'] },
  '0.47.0': { apis: ['v1beta2'], kafka: ['3.9.0', '3.9.1', '4.0.0'] },
  '0.48.0': { apis: ['v1beta2'], kafka: ['4.0.0', '4.1.0'] },
  '0.49.1': { apis: ['v1', 'v1beta2'], kafka: ['4.0.0', '4.0.1', '4.1.0', '4.1.1'] },
  '0.50.1': { apis: ['v1', 'v1beta2'], kafka: ['4.0.0', '4.0.1', '4.1.0', '4.1.1'] },
  '0.51.0': { apis: ['v1', 'v1beta2'], kafka: ['4.1.0', '4.1.1', '4.2.0'] },
  '1.0.1': { apis: ['v1'], kafka: ['4.1.0', '4.1.1', '4.1.2', '4.2.0'] },
};

export const STRIMZI_VERSION_ANNOTATION = 'backrelief.org/strimzi-version';

/** Problems of the Strimzi resources of a rendered overlay against the operator version they pin. */
export function checkStrimziResources(objects, releases = STRIMZI_RELEASES) {
  const problems = [];
  const resources = objects.filter((o) => o.apiVersion?.startsWith('kafka.strimzi.io/'));
  const pinned = new Set(resources.map((o) => o.metadata.annotations?.[STRIMZI_VERSION_ANNOTATION]));
  if (resources.length === 0) return problems;
  if (pinned.has(undefined)) {
    problems.push(`${resources.filter((o) => !o.metadata.annotations?.[STRIMZI_VERSION_ANNOTATION]).map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}: no ${STRIMZI_VERSION_ANNOTATION} annotation (the operator version the manifests are tested with)`);
    return problems;
  }
  if (pinned.size !== 1) return [`the Strimzi resources pin different operator versions: ${[...pinned].join(', ')}`];
  const version = [...pinned][0];
  const release = releases[version];
  if (!release) return [`Strimzi ${version} is not in the support matrix (validation/lib/strimzi.js)`];
  for (const o of resources) {
    const api = o.apiVersion.split('/')[1];
    if (!release.apis.includes(api)) problems.push(`${o.kind}/${o.metadata.name}: kafka.strimzi.io/${api} is not served by Strimzi ${version} (serves ${release.apis.join(', ')})`);
  }
  for (const k of objects.filter((o) => o.kind === 'Kafka' && o.apiVersion?.startsWith('kafka.strimzi.io/'))) {
    const kv = k.spec?.kafka?.version;
    if (!kv) problems.push(`Kafka/${k.metadata.name}: spec.kafka.version not set (the operator default changes with every release)`);
    else if (!release.kafka.includes(String(kv))) problems.push(`Kafka/${k.metadata.name}: Kafka ${kv} is not supported by Strimzi ${version} (supports ${release.kafka.join(', ')})`);
  }
  return problems;
}
