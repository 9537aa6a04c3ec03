// Every rendered object must validate against the pinned API schemas, and the
// validator must reject wrong types, missing required fields and unknown fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { OVERLAYS, VALIDATION_DIR } from '../lib/paths.js';
import { renderOverlay, renderKustomization, objectId } from '../lib/render.js';
import { validateObject } from '../lib/schema.js';

for (const overlay of OVERLAYS) {
  test(`overlay ${overlay}: every object validates against its API schema`, async () => {
    const failures = [];
    for (const o of renderOverlay(overlay)) {
      const errors = await validateObject(o);
      if (errors.length > 0) failures.push(`${objectId(o)}:\n    ${errors.join('\n    ')}`);
    }
    assert.deepEqual(failures, [], `schema violations:\n  ${failures.join('\n  ')}`);
  });
}

// ---------------------------------------------------------------------------
// Negative tests: the validator must catch each class of error.

const deployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'demo', namespace: 'backrelief' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'demo' } },
    template: {
      metadata: { labels: { app: 'demo' } },
      spec: {
        containers: [{
          name: 'demo',
          image: 'backrelief/gateway:1.0.0-SNAPSHOT',
          ports: [{ name: 'http', containerPort: 8080 }],
          resources: { requests: { memory: '256Mi' }, limits: { memory: '384Mi' } },
        }],
      },
    },
  },
});

async function expectError(obj, pattern) {
  const errors = await validateObject(obj);
  assert.ok(errors.length > 0, `expected a validation error matching ${pattern}, the object was accepted`);
  assert.ok(errors.some((e) => pattern.test(e)), `expected an error matching ${pattern}, got:\n${errors.join('\n')}`);
}

test('a valid Deployment passes (control case for the negative tests)', async () => {
  assert.deepEqual(await validateObject(deployment()), []);
});

test('wrong type is rejected: replicas as a string', async () => {
  const d = deployment();
  d.spec.replicas = 'two';
  await expectError(d, /\/spec\/replicas: must be integer/);
});

test('wrong type is rejected: containerPort as a string, resources as a list', async () => {
  const d = deployment();
  d.spec.template.spec.containers[0].ports[0].containerPort = '8080';
  await expectError(d, /containerPort: must be integer/);
  const d2 = deployment();
  d2.spec.template.spec.containers[0].resources.limits = ['384Mi'];
  await expectError(d2, /resources\/limits: must be/);
});

test('wrong value format is rejected: memory quantity', async () => {
  const d = deployment();
  d.spec.template.spec.containers[0].resources.limits.memory = 'lots';
  await expectError(d, /limits\/memory: must match format "quantity"/);
});

test('missing required field is rejected: spec.selector, container name', async () => {
  const d = deployment();
  delete d.spec.selector;
  await expectError(d, /\/spec: missing required field "selector"/);
  const d2 = deployment();
  delete d2.spec.template.spec.containers[0].name;
  await expectError(d2, /containers\/0: missing required field "name"/);
});

test('unknown field is rejected: misspelled and misplaced fields', async () => {
  const d = deployment();
  d.spec.template.spec.containers[0].imagePullPolicyy = 'Always';
  await expectError(d, /unknown field "imagePullPolicyy"/);
  const d2 = deployment();
  d2.spec.template.spec.readOnlyRootFilesystem = true; // belongs to the container securityContext
  await expectError(d2, /spec\/template\/spec\/readOnlyRootFilesystem: unknown field/);
  const d3 = deployment();
  d3.metadata.label = { a: 'b' };
  await expectError(d3, /metadata\/label: unknown field/);
});

test('unknown kind or API version is rejected', async () => {
  await expectError({ apiVersion: 'apps/v1beta1', kind: 'Deployment', metadata: { name: 'x' } }, /no pinned schema/);
  await expectError({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'x' } }, /no pinned schema/);
});

test('other built-in kinds: NetworkPolicy, HPA, PDB, Service errors are caught', async () => {
  await expectError({
    apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'x' },
    spec: { podSelector: {}, ingress: [{ from: [{ podSelectr: {} }] }] },
  }, /unknown field "podSelectr"/);
  await expectError({
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'x' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'x' }, minReplicas: 2 },
  }, /missing required field "maxReplicas"/);
  await expectError({
    apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'x' },
    spec: { maxUnavailable: true },
  }, /maxUnavailable/);
  await expectError({
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' },
    spec: { ports: [{ port: 'http' }] },
  }, /ports\/0\/port: must be integer/);
});

test('Strimzi custom resources: wrong type, missing required field, unknown field', async () => {
  const topic = {
    apiVersion: 'kafka.strimzi.io/v1beta2', kind: 'KafkaTopic',
    metadata: { name: 'backrelief.activity', labels: { 'strimzi.io/cluster': 'backrelief' } },
    spec: { partitions: 'six', replicas: 3 },
  };
  await expectError(topic, /\/spec\/partitions: must be integer/);
  await expectError({ ...topic, spec: { partitions: 6, replicas: 3, retention: '7d' } }, /unknown field "retention"/);
  await expectError({ ...topic, metadata: { name: 'x' }, spec: { partitions: 6 } }, /missing required field "labels"/);
  await expectError({
    apiVersion: 'kafka.strimzi.io/v1beta2', kind: 'KafkaNodePool',
    metadata: { name: 'pool', labels: { 'strimzi.io/cluster': 'backrelief' } },
    spec: { replicas: 3, roles: ['broker'] },
  }, /missing required field "storage"/);
  await expectError({
    apiVersion: 'kafka.strimzi.io/v1beta2', kind: 'Kafka', metadata: { name: 'k' },
    spec: { kafka: { listeners: [{ name: 'plain', port: 9092, type: 'internal', tls: false,
      networkPolicyPeers: [{ podSelector: { matchLabel: { a: 'b' } } }] }] } },
  }, /unknown field "matchLabel"/);
});

test('MongoDBCommunity and ServiceMonitor: errors are caught', async () => {
  const mongo = {
    apiVersion: 'mongodbcommunity.mongodb.com/v1', kind: 'MongoDBCommunity', metadata: { name: 'm' },
    spec: { type: 'ReplicaSet', members: 3, version: '7.0.14', security: { authentication: { modes: ['SCRAM'] } } },
  };
  assert.deepEqual(await validateObject(mongo), []);
  await expectError({ ...mongo, spec: { ...mongo.spec, members: '3' } }, /members: must be integer/);
  await expectError({ ...mongo, spec: { ...mongo.spec, statefulSet: { spec: { template: { spec: { containerz: [] } } } } } }, /unknown field "containerz"/);
  await expectError({ ...mongo, spec: { ...mongo.spec, users: [{ name: 'u', db: 'admin', roles: [] }] } }, /missing required field "passwordSecretRef"/);
  await expectError({
    apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 's' },
    spec: { selector: {}, endpoints: [{ port: 'http', pathh: '/q/metrics' }] },
  }, /unknown field "pathh"/);
});

test('a broken overlay fails end to end (render with kubectl, then validate)', async () => {
  const objects = renderKustomization(path.join(VALIDATION_DIR, 'test', 'fixtures', 'broken-overlay'));
  const errors = (await Promise.all(objects.map(validateObject))).flat();
  assert.ok(errors.some((e) => /\/spec\/replicas: must be integer/.test(e)), `wrong type not caught:\n${errors.join('\n')}`);
  assert.ok(errors.some((e) => /containers\/0: missing required field "name"/.test(e)), `missing field not caught:\n${errors.join('\n')}`);
  assert.ok(errors.some((e) => /unknown field "initialDelaySecond"/.test(e)), `unknown field not caught:\n${errors.join('\n')}`);
});
