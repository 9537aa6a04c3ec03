// Kafka topics and MongoDB: the local and production declarations agree with
// each other and with the contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderOverlay, byKind, find } from '../lib/render.js';
import { SERVICES, SERVICE_NAMES, TOPICS } from '../lib/contract.js';
import { appDeployment, mainContainer, containerEnv, baseName } from '../lib/workloads.js';
import { localTopics, productionTopics } from '../lib/topics.js';

const DAY = 24 * 3600 * 1000;

test('the same topics, partitions and configs locally and in production', () => {
  const local = localTopics();
  const prod = productionTopics();
  assert.deepEqual([...local.keys()].sort(), [...prod.keys()].sort());
  for (const [name, l] of local) {
    const p = prod.get(name);
    assert.equal(p.partitions, l.partitions, `${name}: partitions`);
    const strip = ({ 'min.insync.replicas': _m, ...rest }) => rest;
    assert.deepEqual(strip(p.config), strip(l.config), `${name}: topic configs differ`);
    assert.equal(l.config['min.insync.replicas'], '1', `${name}: local min.insync.replicas`);
  }
});

test('topic catalogue: activity (6 partitions, kept forever), DLQ (14 days), catalog changes', () => {
  const prod = productionTopics();
  for (const name of Object.values(TOPICS)) assert.ok(prod.has(name), `topic ${name} missing`);
  const activity = prod.get(TOPICS.activity);
  assert.equal(activity.partitions, 6);
  assert.equal(activity.config['retention.ms'], '-1', 'the activity log is the source of truth: no time-based deletion');
  const dlq = prod.get(TOPICS.dlq);
  assert.ok(dlq.partitions >= 1 && dlq.partitions <= 3);
  assert.equal(Number(dlq.config['retention.ms']), 14 * DAY);
  const changes = prod.get(TOPICS.catalogChanges);
  assert.equal(changes.partitions, 3);
  assert.ok(changes.config['cleanup.policy'] === 'compact' || Number(changes.config['retention.ms']) === 7 * DAY);
});

test('production Kafka: replication 3, min.insync.replicas 2, persistent KRaft node pool', () => {
  const objects = renderOverlay('production');
  const kafka = byKind(objects, 'Kafka');
  assert.equal(kafka.length, 1);
  const cluster = kafka[0].metadata.name;
  const cfg = kafka[0].spec.kafka.config;
  assert.equal(cfg['default.replication.factor'], 3);
  assert.equal(cfg['min.insync.replicas'], 2);
  assert.equal(cfg['offsets.topic.replication.factor'], 3);
  assert.equal(cfg['transaction.state.log.min.isr'], 2);
  assert.equal(cfg['auto.create.topics.enable'], false);
  for (const [name, t] of productionTopics()) {
    assert.equal(t.replicas, 3, `${name}: replicas`);
    assert.equal(t.config['min.insync.replicas'], '2', `${name}: min.insync.replicas`);
    assert.equal(t.labels['strimzi.io/cluster'], cluster, `${name}: strimzi.io/cluster label`);
  }
  const pools = byKind(objects, 'KafkaNodePool').filter((p) => p.metadata.labels['strimzi.io/cluster'] === cluster);
  const count = (role) => pools.filter((p) => p.spec.roles.includes(role)).reduce((n, p) => n + p.spec.replicas, 0);
  assert.ok(count('controller') >= 3 && count('controller') % 2 === 1, 'an odd number (>= 3) of KRaft controllers');
  assert.ok(count('broker') >= 3, '>= 3 brokers for replication 3');
  for (const p of pools) {
    const volumes = p.spec.storage.type === 'jbod' ? p.spec.storage.volumes : [p.spec.storage];
    assert.ok(volumes.every((v) => v.type === 'persistent-claim' && v.deleteClaim === false), `${p.metadata.name}: persistent storage, kept on delete`);
  }
  for (const s of SERVICE_NAMES.filter((x) => SERVICES[x].kafka)) {
    const env = containerEnv(objects, mainContainer(appDeployment(objects, s)));
    assert.equal(env.KAFKA_BOOTSTRAP_SERVERS, `${cluster}-kafka-bootstrap:9093`, `${s}: bootstrap servers (the TLS listener)`);
  }
});

test('local Kafka: single KRaft node from apache/kafka with a PVC, clients point at it', () => {
  const objects = renderOverlay('local');
  const sts = find(objects, 'StatefulSet', 'kafka');
  assert.ok(sts);
  assert.equal(sts.spec.replicas, 1);
  const c = sts.spec.template.spec.containers[0];
  assert.match(c.image, /^apache\/kafka:\d+\.\d+\.\d+$/);
  const env = Object.fromEntries(c.env.map((e) => [e.name, e.value]));
  assert.equal(env.KAFKA_PROCESS_ROLES, 'broker,controller');
  assert.equal(env.KAFKA_AUTO_CREATE_TOPICS_ENABLE, 'false');
  assert.ok(sts.spec.volumeClaimTemplates?.some((v) => c.volumeMounts.some((m) => m.name === v.metadata.name && m.mountPath === env.KAFKA_LOG_DIRS)));
  for (const s of SERVICE_NAMES.filter((x) => SERVICES[x].kafka)) {
    assert.equal(containerEnv(objects, mainContainer(appDeployment(objects, s))).KAFKA_BOOTSTRAP_SERVERS, 'kafka:9092');
  }
  assert.equal(containerEnv(objects, mainContainer(appDeployment(objects, 'gateway'))).KAFKA_BOOTSTRAP_SERVERS, undefined, 'the gateway is no Kafka client');
});

test('each data-owning service uses its own database; the gateway has none', () => {
  for (const overlay of ['local', 'production']) {
    const objects = renderOverlay(overlay);
    for (const s of SERVICE_NAMES) {
      const env = containerEnv(objects, mainContainer(appDeployment(objects, s)));
      assert.equal(env.MONGODB_DATABASE, SERVICES[s].database ?? undefined, `${overlay}/${s}: MONGODB_DATABASE`);
      if (SERVICES[s].database) {
        const uri = mainContainer(appDeployment(objects, s)).env.find((e) => e.name === 'MONGODB_URI');
        assert.ok(uri?.valueFrom?.secretKeyRef, `${overlay}/${s}: MONGODB_URI must come from a Secret`);
      } else {
        assert.equal(env.MONGODB_URI, undefined, `${overlay}/${s}: no MongoDB access`);
      }
    }
  }
});

test('local MongoDB: the service URIs match the users the init script creates', () => {
  const objects = renderOverlay('local');
  const sts = find(objects, 'StatefulSet', 'mongodb');
  assert.match(sts.spec.template.spec.containers[0].image, /^mongo:\d+\.\d+\.\d+$/);
  assert.ok(sts.spec.volumeClaimTemplates?.length > 0, 'MongoDB needs a PVC');
  const creds = containerEnv(objects, sts.spec.template.spec.containers[0]);
  const script = byKind(objects, 'ConfigMap').find((c) => baseName(c.metadata.name) === 'mongodb-init').data['create-service-users.js'];
  for (const s of SERVICE_NAMES.filter((x) => SERVICES[x].database)) {
    const uri = new URL(containerEnv(objects, mainContainer(appDeployment(objects, s))).MONGODB_URI);
    assert.equal(decodeURIComponent(uri.username), s);
    const pwVar = `${s.toUpperCase().replace(/-/g, '_')}_PASSWORD`;
    assert.equal(decodeURIComponent(uri.password), creds[pwVar], `${s}: password differs from ${pwVar}`);
    assert.match(script, new RegExp(`user: '${s}', db: '${SERVICES[s].database}', pwd: process\\.env\\.${pwVar}`));
  }
});

test('production MongoDB: 3-member replica set, persistent, one least-privilege user per service', () => {
  const objects = renderOverlay('production');
  const [mdb] = byKind(objects, 'MongoDBCommunity');
  assert.ok(mdb, 'MongoDBCommunity missing');
  assert.equal(mdb.spec.type, 'ReplicaSet');
  assert.ok(mdb.spec.members >= 3 && mdb.spec.members % 2 === 1);
  assert.ok(mdb.spec.statefulSet.spec.volumeClaimTemplates.some((v) => v.metadata.name === 'data-volume'));
  const owners = SERVICE_NAMES.filter((x) => SERVICES[x].database);
  assert.deepEqual(mdb.spec.users.map((u) => u.name).sort(), owners.sort());
  for (const u of mdb.spec.users) {
    assert.deepEqual(u.roles, [{ name: 'readWrite', db: SERVICES[u.name].database }], `${u.name}: roles`);
    const uri = mainContainer(appDeployment(objects, u.name)).env.find((e) => e.name === 'MONGODB_URI').valueFrom.secretKeyRef;
    assert.equal(uri.name, `${mdb.metadata.name}-${u.db}-${u.name}`, `${u.name}: operator-generated connection Secret`);
    assert.equal(uri.key, 'connectionString.standard');
  }
});
