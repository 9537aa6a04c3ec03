// What a real cluster would reject or expose (issue 16): operator versions, public paths,
// client addresses behind the ingress, data-plane encryption and least privilege, token
// keys, image pinning, the JVM memory budget, MongoDB sizing, spreading, storage growth.
// Each test fails on the manifests before these points were fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OVERLAYS, KUBERNETES_DIR, REPO_ROOT } from '../lib/paths.js';
import { renderOverlay, renderKustomization, byKind, find } from '../lib/render.js';
import { SERVICES, SERVICE_NAMES, PUBLIC_PATHS, PRIVATE_PATHS, KAFKA_ACCESS, TOPICS } from '../lib/contract.js';
import { appDeployment, mainContainer, containerEnv } from '../lib/workloads.js';
import { podTemplate, makeEvaluator, workloadEndpoints, inCidr } from '../lib/netpol.js';
import { ingressRoutes } from '../lib/ingress.js';
import { STRIMZI_RELEASES, checkStrimziResources } from '../lib/strimzi.js';
import { memoryBudget, sizeMiB } from '../lib/memory.js';
import { serviceConfig } from '../lib/quarkus-config.js';
import { pinImageDigests } from '../bin/pin-image-digests.js';

const KAFKA_CLIENTS = SERVICE_NAMES.filter((s) => SERVICES[s].kafka);
const README = () => fs.readFileSync(path.join(KUBERNETES_DIR, '..', 'README.md'), 'utf8');
const MiB = (q) => {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi)?$/.exec(String(q));
  assert.ok(m, `unsupported memory quantity ${q}`);
  return Number(m[1]) * ({ Ki: 1 / 1024, Mi: 1, Gi: 1024 }[m[2]] ?? 1 / (1024 * 1024));
};

// 1. Operator versions -------------------------------------------------------------------

test('1 production: Strimzi resources pin an operator version whose support matrix has their apiVersion and Kafka version', () => {
  const objects = renderOverlay('production');
  assert.deepEqual(checkStrimziResources(objects), []);
  const version = byKind(objects, 'Kafka')[0].metadata.annotations['backrelief.org/strimzi-version'];
  assert.match(README(), new RegExp(`Strimzi ${version.replace(/\./g, '\\.')}`), 'deploy/README.md names the pinned operator version');
});

test('1 the support-matrix check rejects what a cluster would: v1beta2 on Strimzi 1.0, Kafka 4.0.0 on 0.51, no pin', () => {
  const kafka = (apiVersion, version, pin) => ({ apiVersion, kind: 'Kafka', metadata: { name: 'k', annotations: pin ? { 'backrelief.org/strimzi-version': pin } : {} }, spec: { kafka: { version } } });
  assert.match(checkStrimziResources([kafka('kafka.strimzi.io/v1beta2', '4.1.1', '1.0.1')]).join(), /v1beta2 is not served by Strimzi 1\.0\.1/);
  assert.match(checkStrimziResources([kafka('kafka.strimzi.io/v1beta2', '4.0.0', '0.51.0')]).join(), /Kafka 4\.0\.0 is not supported by Strimzi 0\.51\.0/);
  assert.match(checkStrimziResources([kafka('kafka.strimzi.io/v1beta2', '4.0.0')]).join(), /no backrelief\.org\/strimzi-version annotation/);
  assert.match(checkStrimziResources([kafka('kafka.strimzi.io/v1beta2', '4.0.0', '0.45.0')]).join(), /not in the support matrix/);
  assert.deepEqual(checkStrimziResources([kafka('kafka.strimzi.io/v1', '4.1.1', '1.0.1')]), []);
  assert.ok(Object.keys(STRIMZI_RELEASES).length >= 5);
});

test('1 local Kafka runs the same Kafka version as production', () => {
  const prod = byKind(renderOverlay('production'), 'Kafka')[0].spec.kafka.version;
  const image = find(renderOverlay('local'), 'StatefulSet', 'kafka').spec.template.spec.containers[0].image;
  assert.equal(image, `apache/kafka:${prod}`);
});

// 2. Planner replicas and catalog changes -------------------------------------------------

for (const overlay of OVERLAYS) {
  test(`2 ${overlay}: every planner replica has its own catalog-changes consumer group (pod name from the downward API)`, () => {
    const objects = renderOverlay(overlay);
    const c = mainContainer(appDeployment(objects, 'planner-service'));
    const pod = c.env.find((e) => e.name === 'POD_NAME');
    assert.equal(pod?.valueFrom?.fieldRef?.fieldPath, 'metadata.name', 'POD_NAME from metadata.name');
    const env = containerEnv(objects, c);
    const cfg = serviceConfig('planner-service');
    const a = cfg.resolve('mp.messaging.incoming.catalog-changes.group.id', { ...env, POD_NAME: 'planner-service-7d9f-a' });
    const b = cfg.resolve('mp.messaging.incoming.catalog-changes.group.id', { ...env, POD_NAME: 'planner-service-7d9f-b' });
    assert.notEqual(a, b, `two replicas share the group ${a}: a change would reach only one of them`);
  });
}

// 3. MongoDB RBAC --------------------------------------------------------------------------

test('3 production: the ServiceAccount, Role and RoleBinding the MongoDB replica-set pods run under exist', () => {
  const objects = renderOverlay('production');
  const sa = find(objects, 'ServiceAccount', 'mongodb-database');
  assert.ok(sa, 'ServiceAccount mongodb-database (the operator sets it on the StatefulSet, never creates it in the watched namespace)');
  const role = find(objects, 'Role', 'mongodb-database');
  assert.ok(role, 'Role mongodb-database');
  const allows = (resource, verb) => role.rules.some((r) => (r.apiGroups ?? []).includes('') && r.resources.includes(resource) && r.verbs.includes(verb));
  for (const [res, verb] of [['secrets', 'get'], ['pods', 'get'], ['pods', 'patch'], ['pods', 'delete']]) assert.ok(allows(res, verb), `Role must allow ${verb} ${res}`);
  assert.ok(!role.rules.some((r) => r.verbs.includes('*') || r.resources.includes('*')), 'no wildcards');
  const binding = byKind(objects, 'RoleBinding').find((b) => b.roleRef.kind === 'Role' && b.roleRef.name === 'mongodb-database');
  assert.ok(binding?.subjects.some((s) => s.kind === 'ServiceAccount' && s.name === 'mongodb-database'), 'RoleBinding to the ServiceAccount');
});

// 4. cert-manager HTTP-01 ------------------------------------------------------------------

test('4 production: the ingress controller reaches cert-manager HTTP-01 solver pods on 8089 (and nothing else does)', () => {
  const objects = renderOverlay('production');
  const ev = makeEvaluator(byKind(objects, 'NetworkPolicy'), 'backrelief');
  const solver = { name: 'solver', pod: true, namespace: 'backrelief', labels: { 'acme.cert-manager.io/http01-solver': 'true' }, ports: [{ port: 8089 }] };
  const ingress = { name: 'ingress', pod: true, namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } };
  const internet = { name: 'elsewhere', pod: true, namespace: 'default', labels: {} };
  assert.equal(ev.allowed(ingress, solver, 8089), true, 'the ACME challenge is answered: the certificate can be issued');
  assert.equal(ev.allowed(internet, solver, 8089), false);
  assert.ok(byKind(objects, 'Ingress')[0].metadata.annotations['cert-manager.io/cluster-issuer'], 'the Ingress asks cert-manager for its certificate');
});

// 5. API server egress -------------------------------------------------------------------

test('5 production: API-server egress is one configurable address and port, not the private ranges', () => {
  const objects = renderOverlay('production');
  const policies = byKind(objects, 'NetworkPolicy');
  const withIpBlocks = policies.filter((np) => (np.spec.egress ?? []).some((r) => (r.to ?? []).some((p) => p.ipBlock)));
  const api = find(objects, 'NetworkPolicy', 'kube-apiserver-egress');
  assert.ok(api, 'NetworkPolicy kube-apiserver-egress');
  const blocks = api.spec.egress.flatMap((r) => r.to.map((p) => p.ipBlock?.cidr));
  assert.equal(blocks.length, 1, `one address, found ${blocks.join(', ')}`);
  assert.ok(Number(blocks[0].split('/')[1]) >= 28, `${blocks[0]}: the API endpoint, not a range`);
  assert.equal(api.spec.egress.flatMap((r) => r.ports ?? []).length, 1, 'one port');
  // every API client goes through this one policy
  assert.equal(withIpBlocks.filter((np) => np.spec.egress.some((r) => (r.ports ?? []).some((p) => [443, 6443].includes(p.port)) && r.to.some((p) => p.ipBlock && inCidr('10.0.0.1', p.ipBlock.cidr)))).length, 0, 'no policy opens 10.0.0.0/8 on 443/6443');
  assert.match(README(), /kube-apiserver-egress/, 'deploy/README.md tells where to set the API endpoint');
});

// 6. Public paths --------------------------------------------------------------------------

for (const overlay of OVERLAYS) {
  test(`6 ${overlay}: the Ingress routes /api and the web client, never /q/* or anything else`, () => {
    const [ing] = byKind(renderOverlay(overlay), 'Ingress');
    for (const p of PUBLIC_PATHS) {
      const routes = ingressRoutes(ing, p);
      assert.ok(routes.length > 0 && routes.every((r) => r.service.name === 'gateway' && r.service.port.name === 'http'), `${p} must reach the gateway's http port`);
    }
    for (const p of PRIVATE_PATHS) assert.deepEqual(ingressRoutes(ing, p), [], `${p} must not be routed`);
  });
}

test('6 the Ingress path matcher follows the networking.k8s.io/v1 semantics', () => {
  const ing = { spec: { rules: [{ http: { paths: [{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'g' } } }, { path: '/sw.js', pathType: 'Exact', backend: { service: { name: 'g' } } }] } }] } };
  assert.equal(ingressRoutes(ing, '/api/v1/x').length, 1);
  assert.equal(ingressRoutes(ing, '/api').length, 1);
  assert.equal(ingressRoutes(ing, '/apis').length, 0, 'Prefix is element-wise');
  assert.equal(ingressRoutes(ing, '/sw.js/x').length, 0, 'Exact');
  const all = { spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'g' } } }] } }] } };
  assert.equal(ingressRoutes(all, '/q/metrics').length, 1, 'path / Prefix routes everything (the old Ingress)');
});

// 7. Client addresses behind the ingress ---------------------------------------------------

for (const overlay of OVERLAYS) test(`7 ${overlay}: the gateway takes the client address from X-Forwarded-For, trusted only from the ingress controller`, () => {
  const objects = renderOverlay(overlay);
  const env = containerEnv(objects, mainContainer(appDeployment(objects, 'gateway')));
  assert.equal(env.QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING, 'true', 'proxy address forwarding on: per-IP rate limits see clients, not the ingress pod');
  assert.equal(env.QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED, 'true', 'ingress-nginx sends X-Forwarded-For');
  const trusted = (env.QUARKUS_HTTP_PROXY_TRUSTED_PROXIES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  assert.ok(trusted.length > 0, 'trusted proxies must be limited (Quarkus trusts every peer otherwise)');
  for (const t of trusted) {
    assert.match(t, /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/, `${t}: an address or CIDR`);
    assert.ok(Number(t.split('/')[1] ?? 32) >= 8, `${t}: too broad`);
    assert.ok(!inCidr('93.184.216.34', t.includes('/') ? t : `${t}/32`), `${t} must not include public addresses`);
  }
  // only the ingress controller reaches the gateway at all, so only it can set the header
  const ev = makeEvaluator(byKind(objects, 'NetworkPolicy'), 'backrelief');
  const gw = workloadEndpoints(objects, 'backrelief').find((e) => e.name === 'gateway');
  assert.equal(ev.allowed({ pod: true, namespace: 'default', labels: {} }, gw, 8080), false);
  assert.equal(ev.allowed({ pod: true, namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } }, gw, 8080), true);
  for (const s of SERVICE_NAMES.filter((x) => x !== 'gateway')) {
    assert.equal(containerEnv(objects, mainContainer(appDeployment(objects, s))).QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING, undefined, `${s} is not behind the ingress`);
  }
});

// 8. Data plane: TLS, per-service Kafka users and ACLs, MongoDB TLS ------------------------

test('8 production: Kafka has only a TLS listener with SCRAM-SHA-512 or mTLS, and simple authorization', () => {
  const kafka = byKind(renderOverlay('production'), 'Kafka')[0];
  for (const l of kafka.spec.kafka.listeners) {
    assert.equal(l.tls, true, `listener ${l.name}: tls`);
    assert.ok(['scram-sha-512', 'tls'].includes(l.authentication?.type), `listener ${l.name}: authentication`);
  }
  assert.equal(kafka.spec.kafka.authorization?.type, 'simple', 'ACLs enforced');
  assert.ok(kafka.spec.entityOperator.userOperator, 'the User Operator turns KafkaUsers into credentials and ACLs');
});

test('8 production: one KafkaUser per Kafka client with ACLs for exactly its topics and groups', () => {
  const objects = renderOverlay('production');
  const users = byKind(objects, 'KafkaUser');
  assert.deepEqual(users.map((u) => u.metadata.name).sort(), [...KAFKA_CLIENTS].sort(), 'one user per Kafka client, none for the gateway');
  const topics = new Set(byKind(objects, 'KafkaTopic').map((t) => t.spec.topicName ?? t.metadata.name));
  for (const u of users) {
    const access = KAFKA_ACCESS[u.metadata.name];
    assert.ok(['scram-sha-512', 'tls'].includes(u.spec.authentication.type));
    const granted = new Set();
    for (const acl of u.spec.authorization.acls) {
      assert.notEqual(acl.type, 'deny');
      const r = acl.resource;
      assert.ok(r.name && r.name !== '*', `${u.metadata.name}: no wildcard resources`);
      assert.notEqual(r.type, 'cluster', `${u.metadata.name}: no cluster-wide rights`);
      if (r.type === 'topic') assert.equal(r.patternType ?? 'literal', 'literal', `${u.metadata.name}: topics by exact name`);
      for (const op of acl.operations ?? [acl.operation]) granted.add(`${r.type}:${r.patternType ?? 'literal'}:${r.name}:${op}`);
    }
    const expected = new Set();
    for (const t of access.write) { expected.add(`topic:literal:${t}:Write`); expected.add(`topic:literal:${t}:Describe`); }
    for (const t of access.read) { expected.add(`topic:literal:${t}:Read`); expected.add(`topic:literal:${t}:Describe`); }
    for (const g of access.groups) expected.add(`group:${g.patternType}:${g.name}:Read`);
    assert.deepEqual([...granted].sort(), [...expected].sort(), `${u.metadata.name}: ACLs`);
    for (const t of [...access.write, ...access.read]) assert.ok(topics.has(t), `${t} is a declared topic`);
  }
  // nobody but tracking reads the health data in backrelief.activity
  const readers = users.filter((u) => u.spec.authorization.acls.some((a) => a.resource.type === 'topic' && a.resource.name === TOPICS.activity && (a.operations ?? [a.operation]).includes('Read')));
  assert.deepEqual(readers.map((u) => u.metadata.name), ['tracking-service']);
});

test('8 the ACL contract matches what the services configure (topics and consumer groups)', () => {
  const cfg = (s) => serviceConfig(s);
  const planner = cfg('planner-service');
  const group = planner.resolve('mp.messaging.incoming.catalog-changes.group.id', { POD_NAME: 'planner-service-abc' });
  assert.ok(group.startsWith(KAFKA_ACCESS['planner-service'].groups[0].name), `planner group ${group} is covered by the prefix ACL`);
  assert.equal(planner.resolve('mp.messaging.incoming.catalog-changes.topic', {}), TOPICS.catalogChanges);
  assert.equal(planner.resolve('backrelief.outbox.topic', {}), TOPICS.activity);
  const tracking = cfg('tracking-service');
  assert.equal(tracking.resolve('mp.messaging.incoming.activity.group.id', {}), KAFKA_ACCESS['tracking-service'].groups[0].name);
  assert.equal(tracking.resolve('backrelief.tracking.ingest.dead-letter-topic', {}), TOPICS.dlq);
  assert.equal(cfg('catalog-service').resolve('mp.messaging.outgoing.exercise-changes.topic', {}), TOPICS.catalogChanges);
});

test('8 production: each Kafka client authenticates as its own user over TLS with the cluster CA', () => {
  const objects = renderOverlay('production');
  for (const s of KAFKA_CLIENTS) {
    const c = mainContainer(appDeployment(objects, s));
    const env = containerEnv(objects, c);
    assert.equal(env.KAFKA_SECURITY_PROTOCOL, 'SASL_SSL', `${s}: security protocol`);
    assert.equal(env.KAFKA_SASL_MECHANISM, 'SCRAM-SHA-512', `${s}: SASL mechanism`);
    const jaas = c.env.find((e) => e.name === 'KAFKA_SASL_JAAS_CONFIG')?.valueFrom?.secretKeyRef;
    assert.deepEqual(jaas, { name: s, key: 'sasl.jaas.config' }, `${s}: the JAAS config of its own KafkaUser`);
    assert.equal(env.KAFKA_SSL_TRUSTSTORE_TYPE, 'PEM');
    const mount = c.volumeMounts.find((m) => env.KAFKA_SSL_TRUSTSTORE_LOCATION.startsWith(m.mountPath + '/'));
    const vol = podTemplate(appDeployment(objects, s)).spec.volumes.find((v) => v.name === mount?.name);
    assert.equal(vol?.secret?.secretName, 'backrelief-cluster-ca-cert', `${s}: trust store is the Strimzi cluster CA`);
  }
  const gw = containerEnv(objects, mainContainer(appDeployment(objects, 'gateway')));
  assert.equal(gw.KAFKA_SASL_JAAS_CONFIG, undefined, 'the gateway has no Kafka credentials');
});

test('8 production: MongoDB runs TLS and the services trust its CA', () => {
  const objects = renderOverlay('production');
  const [mdb] = byKind(objects, 'MongoDBCommunity');
  assert.equal(mdb.spec.security.tls?.enabled, true, 'MongoDB TLS');
  assert.ok(mdb.spec.security.tls.certificateKeySecretRef?.name && mdb.spec.security.tls.caConfigMapRef?.name);
  const tlsConfig = byKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('mongodb-client-tls'));
  assert.ok(tlsConfig, 'ConfigMap mongodb-client-tls');
  const props = tlsConfig.data['mongodb-client-tls.properties'];
  assert.match(props, /^quarkus\.mongodb\.tls-configuration-name=mongodb$/m);
  const ca = /^quarkus\.tls\.mongodb\.trust-store\.pem\.certs=(\S+)$/m.exec(props)?.[1];
  assert.ok(ca, 'trust store of the TLS configuration "mongodb"');
  for (const s of SERVICE_NAMES.filter((x) => SERVICES[x].database)) {
    const d = appDeployment(objects, s);
    const c = mainContainer(d);
    const env = containerEnv(objects, c);
    const file = env.QUARKUS_CONFIG_LOCATIONS;
    const cfgMount = c.volumeMounts.find((m) => file?.startsWith(m.mountPath + '/'));
    assert.equal(podTemplate(d).spec.volumes.find((v) => v.name === cfgMount?.name)?.configMap?.name, tlsConfig.metadata.name, `${s}: reads the TLS configuration file`);
    const caMount = c.volumeMounts.find((m) => ca.startsWith(m.mountPath + '/'));
    assert.equal(podTemplate(d).spec.volumes.find((v) => v.name === caMount?.name)?.configMap?.name, mdb.spec.security.tls.caConfigMapRef.name, `${s}: the CA file is the replica set's CA`);
  }
});

// 9. Token keys from the realm's JWKS -----------------------------------------------------

test('9 production: tokens are verified against the realm JWKS, with egress to the provider on 443 only', () => {
  const objects = renderOverlay('production');
  const ev = makeEvaluator(byKind(objects, 'NetworkPolicy'), 'backrelief');
  const idpPolicy = find(objects, 'NetworkPolicy', 'oidc-provider-egress');
  assert.ok(idpPolicy, 'NetworkPolicy oidc-provider-egress');
  const cidr = idpPolicy.spec.egress[0].to[0].ipBlock.cidr;
  const idp = { name: 'idp', ip: cidr.split('/')[0], ports: [{ port: 443 }] };
  for (const s of SERVICE_NAMES) {
    const c = mainContainer(appDeployment(objects, s));
    const env = containerEnv(objects, c);
    assert.ok(env.JWT_ISSUER.startsWith('https://'), `${s}: issuer`);
    assert.equal(env.JWT_PUBLIC_KEY_LOCATION, `${env.JWT_ISSUER}/protocol/openid-connect/certs`, `${s}: the issuer realm's JWKS endpoint`);
    assert.ok(!(c.volumeMounts ?? []).some((m) => m.mountPath === '/etc/backrelief/jwt'), `${s}: no static key mounted`);
    const ep = workloadEndpoints(objects, 'backrelief').find((e) => e.name === s);
    assert.equal(ev.allowed(ep, idp, 443), true, `${s} reaches the provider`);
    assert.equal(ev.allowed(ep, { ...idp, ip: '93.184.216.34' }, 443), false, `${s}: nothing else on the internet`);
  }
});

// 10. Images by digest ---------------------------------------------------------------------

test('10 production: images are resolved once per node (IfNotPresent), never by a moving tag with Always', () => {
  const objects = renderOverlay('production');
  for (const w of objects.filter(podTemplate)) {
    for (const c of podTemplate(w).spec.containers) {
      assert.notEqual(c.imagePullPolicy, 'Always', `${w.metadata.name}/${c.name}: pull policy Always`);
      if (/backrelief\//.test(c.image)) assert.ok(/@sha256:[0-9a-f]{64}$/.test(c.image) || !/SNAPSHOT/.test(c.image) || c.imagePullPolicy === 'IfNotPresent', c.image);
    }
  }
});

test('10 the release step pins every service image of the production overlay by digest', (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'backrelief-release-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  fs.cpSync(KUBERNETES_DIR, tmp, { recursive: true, filter: (src) => !src.includes('node_modules') });
  const digests = Object.fromEntries(SERVICE_NAMES.map((s, i) => [s, `sha256:${String(i + 1).repeat(64)}`]));
  pinImageDigests(path.join(tmp, 'overlays', 'production'), digests);
  const objects = renderKustomization(path.join(tmp, 'overlays', 'production'));
  for (const s of SERVICE_NAMES) {
    const c = mainContainer(appDeployment(objects, s));
    assert.equal(c.image, `registry.example.com/backrelief/${s}@${digests[s]}`);
    assert.equal(c.imagePullPolicy, 'IfNotPresent');
  }
  assert.throws(() => pinImageDigests(path.join(tmp, 'overlays', 'production'), { gateway: 'sha256:abc' }), /no digest for|not a sha256 digest/);
  assert.match(README(), /pin-image-digests\.js/, 'deploy/README.md documents the release step');
  assert.match(README(), /imagePullSecrets/, 'deploy/README.md documents pull secrets');
});

// 11. JVM memory budget and AppCDS ----------------------------------------------------------

for (const overlay of OVERLAYS) {
  for (const service of SERVICE_NAMES) {
    test(`11 ${overlay}/${service}: heap + metaspace + code cache + direct memory + thread stacks fit the limit with headroom`, () => {
      const objects = renderOverlay(overlay);
      const c = mainContainer(appDeployment(objects, service));
      const budget = memoryBudget(containerEnv(objects, c).JAVA_OPTS_APPEND ?? '', MiB(c.resources.limits.memory));
      assert.deepEqual(budget.problems, []);
    });
  }
}

test('11 the memory budget arithmetic catches uncapped areas and a too-large sum', () => {
  assert.match(memoryBudget('-XX:MaxRAMPercentage=50.0 -XX:+ExitOnOutOfMemoryError', 384).problems.join(), /metaspace is uncapped.*code cache is uncapped.*direct memory is uncapped/);
  assert.match(memoryBudget('-Xmx300m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m -XX:MaxDirectMemorySize=16m -Xss512k -XX:+ExitOnOutOfMemoryError', 384).problems.join(), /headroom/);
  assert.match(memoryBudget('-Xmx100m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m -XX:MaxDirectMemorySize=16m', 384).problems.join(), /ExitOnOutOfMemoryError/);
  const ok = memoryBudget('-XX:MaxRAMPercentage=40.0 -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=40m -XX:MaxDirectMemorySize=48m -Xss512k -XX:+ExitOnOutOfMemoryError', 512);
  assert.deepEqual(ok.problems, []);
  assert.equal(Math.round(ok.total), 421);
  assert.equal(sizeMiB('1g'), 1024);
});

for (const service of SERVICE_NAMES) {
  test(`11 ${service}: the image builds its AppCDS archive with its own JVM and the Deployment uses it`, () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, service, 'src', 'main', 'docker', 'Dockerfile.jvm'), 'utf8');
    const stages = text.split(/^FROM\s+/m).slice(1);
    const final = stages[stages.length - 1];
    const run = /^RUN\s+java\s[^\n]*(?:\\\n[^\n]*)*/m.exec(final)?.[0] ?? '';
    assert.match(run, /-XX:ArchiveClassesAtExit=\/deployments\/app-cds\.jsa/, 'a training run in the final image stage dumps the archive (same JVM, same jars)');
    assert.match(run, /-Dquarkus\.appcds\.generate=true/, 'Quarkus stops after loading its classes (no database or broker at build time)');
    assert.ok(final.indexOf('target/quarkus-app/') < final.indexOf(run), 'the jars are in place before the training run');
    for (const overlay of OVERLAYS) {
      const objects = renderOverlay(overlay);
      const opts = containerEnv(objects, mainContainer(appDeployment(objects, service))).JAVA_OPTS_APPEND;
      assert.match(opts, /-XX:SharedArchiveFile=\/deployments\/app-cds\.jsa/, `${overlay}: the archive is mapped at start`);
    }
  });
}

// 12. MongoDB cache ----------------------------------------------------------------------------

test('12 production: the WiredTiger cache is at most MongoDB\'s default for the mongod memory limit', () => {
  const [mdb] = byKind(renderOverlay('production'), 'MongoDBCommunity');
  const mongod = mdb.spec.statefulSet.spec.template.spec.containers.find((c) => c.name === 'mongod');
  const limitGiB = MiB(mongod.resources.limits.memory) / 1024;
  const defaultGB = Math.max(0.25, 0.5 * (limitGiB - 1));
  const cache = Number(mdb.spec.additionalMongodConfig['storage.wiredTiger.engineConfig.cacheSizeGB']);
  assert.ok(cache > 0 && cache <= defaultGB, `cacheSizeGB ${cache} > ${defaultGB} (50% of (limit - 1 GiB))`);
});

// 13. DNS, OpenTelemetry, spreading, rack awareness ---------------------------------------

for (const overlay of OVERLAYS) {
  test(`13 ${overlay}: every pod resolves names through kube-dns and through NodeLocal DNSCache`, () => {
    const objects = renderOverlay(overlay);
    const ev = makeEvaluator(byKind(objects, 'NetworkPolicy'), 'backrelief');
    for (const ep of workloadEndpoints(objects, 'backrelief')) {
      for (const ip of ['169.254.20.10']) {
        for (const protocol of ['UDP', 'TCP']) assert.equal(ev.allowed(ep, { ip, ports: [] }, 53, protocol), true, `${ep.name} -> ${ip}:53/${protocol}`);
      }
    }
  });

  test(`13 ${overlay}: service pods spread per rollout (matchLabelKeys pod-template-hash)`, () => {
    for (const s of SERVICE_NAMES) {
      const spread = podTemplate(appDeployment(renderOverlay(overlay), s)).spec.topologySpreadConstraints;
      assert.ok(spread.length >= 2);
      for (const c of spread) assert.deepEqual(c.matchLabelKeys, ['pod-template-hash'], `${s}: ${c.topologyKey}`);
    }
  });
}

test('13 production: the OpenTelemetry collector selector matches the OpenTelemetry Operator\'s pod labels', () => {
  const objects = renderOverlay('production');
  const ev = makeEvaluator(byKind(objects, 'NetworkPolicy'), 'backrelief');
  const collector = { pod: true, namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'otel-collector', 'app.kubernetes.io/component': 'opentelemetry-collector', 'app.kubernetes.io/managed-by': 'opentelemetry-operator', 'app.kubernetes.io/instance': 'monitoring.otel' }, ports: [{ port: 4317 }] };
  const gw = workloadEndpoints(objects, 'backrelief').find((e) => e.name === 'gateway');
  assert.equal(ev.allowed(gw, collector, 4317), true);
  const endpoint = containerEnv(objects, mainContainer(appDeployment(objects, 'gateway'))).OTEL_EXPORTER_OTLP_ENDPOINT;
  assert.match(endpoint, /^http:\/\/otel-collector\.monitoring\.svc\.cluster\.local:4317$/, 'the Service of an OpenTelemetryCollector named "otel"');
});

test('13 production: Kafka is rack-aware by zone', () => {
  const kafka = byKind(renderOverlay('production'), 'Kafka')[0];
  assert.equal(kafka.spec.kafka.rack?.topologyKey, 'topology.kubernetes.io/zone');
});

// 14. Activity log growth ---------------------------------------------------------------------

test('14 production: a disk alert watches the Kafka volumes and the README states growth and the retention plan', () => {
  const objects = renderOverlay('production');
  const rules = byKind(objects, 'PrometheusRule').flatMap((r) => r.spec.groups.flatMap((g) => g.rules));
  const disk = rules.filter((r) => r.alert && /kubelet_volume_stats_available_bytes/.test(r.expr) && /data-0-backrelief-/.test(r.expr));
  assert.ok(disk.length >= 2, 'a fill-level and a fill-rate alert on the Kafka data volumes');
  assert.ok(disk.some((r) => /predict_linear/.test(r.expr)), 'an alert on the growth rate, with time to act');
  const pool = byKind(objects, 'KafkaNodePool')[0];
  assert.match(pool.spec.storage.volumes[0].size, /Gi$/);
  const readme = README();
  assert.match(readme, /per 10,000 (daily-)?active users/, 'growth per 10k users');
  assert.match(readme, /tiered storage/i, 'retention/tiering plan');
  assert.match(readme, /replay/i, 'the plan keeps replay possible');
  // the activity log itself stays complete
  const activity = byKind(objects, 'KafkaTopic').find((t) => t.spec.topicName === TOPICS.activity);
  assert.equal(String(activity.spec.config['retention.ms']), '-1');
});
