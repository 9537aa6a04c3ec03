import assert from 'node:assert/strict';
import { renderOverlay, byKind } from './render.js';
import { baseName } from './workloads.js';

/** Topics of the local overlay, parsed from the kafka-topics ConfigMap. */
export function localTopics() {
  const cm = byKind(renderOverlay('local'), 'ConfigMap').find((c) => baseName(c.metadata.name) === 'kafka-topics');
  assert.ok(cm, 'ConfigMap kafka-topics missing');
  const topics = new Map();
  for (const line of cm.data['topics.conf'].split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    const [name, partitions, configs = ''] = line.trim().split(/\s+/);
    const config = Object.fromEntries(configs.split(',').filter(Boolean).map((kv) => kv.split('=')));
    topics.set(name, { partitions: Number(partitions), replicas: 1, config });
  }
  return topics;
}

export function productionTopics() {
  const topics = new Map();
  for (const t of byKind(renderOverlay('production'), 'KafkaTopic')) {
    const config = Object.fromEntries(Object.entries(t.spec.config ?? {}).map(([k, v]) => [k, String(v)]));
    topics.set(t.spec.topicName ?? t.metadata.name, { partitions: t.spec.partitions, replicas: t.spec.replicas, config, labels: t.metadata.labels });
  }
  return topics;
}


export const declaredTopics = (overlay) => (overlay === 'local' ? localTopics() : productionTopics());
