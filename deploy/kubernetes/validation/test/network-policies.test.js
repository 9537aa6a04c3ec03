// Evaluates the rendered NetworkPolicies and checks that exactly the intended
// flows are open: every (source, destination, port) combination of the
// endpoints below is tried, and the allowed set must equal the expected set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderOverlay, byKind, find } from '../lib/render.js';
import { NAMESPACE, SERVICES, SERVICE_NAMES, MANAGEMENT_PORT } from '../lib/contract.js';
import { makeEvaluator, workloadEndpoints, matchesSelector } from '../lib/netpol.js';

const KAFKA_CLIENTS = SERVICE_NAMES.filter((s) => SERVICES[s].kafka);
const DATA_OWNERS = SERVICE_NAMES.filter((s) => SERVICES[s].database);

// Endpoints outside the namespace (or not rendered, e.g. operator-managed pods).
const EXTERNAL = [
  { name: 'ingress-controller', pod: true, namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' }, ports: [{ port: 80 }, { port: 443 }] },
  { name: 'ingress-namespace-other-pod', pod: true, namespace: 'ingress-nginx', labels: { app: 'other' }, ports: [{ port: 8080 }] },
  { name: 'prometheus', pod: true, namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'prometheus' }, ports: [{ port: 9090 }] },
  // an OpenTelemetryCollector "otel" as the OpenTelemetry Operator labels its pods
  { name: 'otel-collector', pod: true, namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'otel-collector', 'app.kubernetes.io/component': 'opentelemetry-collector', 'app.kubernetes.io/managed-by': 'opentelemetry-operator', 'app.kubernetes.io/instance': 'monitoring.otel' }, ports: [{ port: 4317 }, { port: 4318 }] },
  { name: 'kube-dns', pod: true, namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] },
  // NodeLocal DNSCache: a hostNetwork agent answering on the link-local address and on the kube-dns Service IP
  { name: 'node-local-dns', ip: '169.254.20.10', ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] },
  { name: 'kube-dns-service-ip', ip: '10.96.0.10', ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] },
  { name: 'other-namespace-pod', pod: true, namespace: 'default', labels: { 'app.kubernetes.io/name': 'gateway' }, ports: [{ port: 8080 }] },
  { name: 'strimzi-cluster-operator', pod: true, namespace: 'strimzi', labels: { 'strimzi.io/kind': 'cluster-operator' }, ports: [{ port: 8080 }] },
  // private addresses that are NOT the API server (a node, another service's load balancer...)
  { name: 'other-private-address', ip: '10.0.0.1', ports: [{ port: 443 }, { port: 6443 }] },
  { name: 'other-private-address-2', ip: '192.168.1.20', ports: [{ port: 443 }, { port: 6443 }] },
  { name: 'internet', ip: '93.184.216.34', ports: [{ port: 443 }, { port: 80 }] },
];
// A pod nobody planned for, inside the namespace (e.g. a debug pod).
const INTRUDER = { name: 'intruder', pod: true, namespace: NAMESPACE, labels: { run: 'debug' }, ports: [{ port: 8080 }] };

/** The one address a policy opens by ipBlock, as endpoint { ip, port } (single-address policies only). */
function singleAddress(objects, policyName) {
  const np = find(objects, 'NetworkPolicy', policyName);
  assert.ok(np, `NetworkPolicy ${policyName} missing`);
  const blocks = np.spec.egress.flatMap((r) => (r.to ?? []).filter((p) => p.ipBlock).map((p) => p.ipBlock.cidr));
  const ports = np.spec.egress.flatMap((r) => r.ports ?? []);
  assert.equal(blocks.length, 1, `${policyName}: exactly one ipBlock (one configurable address), found ${blocks.join(', ')}`);
  assert.equal(ports.length, 1, `${policyName}: exactly one port`);
  return { ip: blocks[0].split('/')[0], cidr: blocks[0], port: ports[0].port };
}

// Pods created by the operators in production, with the labels the operators set plus
// the pod-template labels our custom resources ask for.
function operatorManaged(objects) {
  const kafka = byKind(objects, 'Kafka')[0];
  const pool = byKind(objects, 'KafkaNodePool')[0];
  const mdb = byKind(objects, 'MongoDBCommunity')[0];
  const strimziKafka = (i) => ({
    name: `kafka-${i}`, pod: true, namespace: NAMESPACE,
    labels: {
      ...(pool.spec.template?.pod?.metadata?.labels ?? {}),
      'strimzi.io/cluster': 'backrelief', 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': 'backrelief-kafka',
      'strimzi.io/pool-name': 'dual-role', 'strimzi.io/broker-role': 'true', 'strimzi.io/controller-role': 'true',
      'app.kubernetes.io/name': 'kafka',
    },
    ports: [{ port: 9090 }, { port: 9091 }, { port: 9092 }, { port: 9093 }, { port: 8443 }],
  });
  const mongo = (i) => ({ name: `mongodb-${i}`, pod: true, namespace: NAMESPACE, labels: { ...(mdb.spec.statefulSet?.spec?.template?.metadata?.labels ?? {}), app: 'mongodb-svc' }, ports: [{ port: 27017 }] });
  return [
    strimziKafka(0),
    strimziKafka(1),
    { name: 'entity-operator', pod: true, namespace: NAMESPACE, labels: { ...(kafka.spec.entityOperator.template?.pod?.metadata?.labels ?? {}), 'strimzi.io/cluster': 'backrelief', 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': 'backrelief-entity-operator' }, ports: [{ port: 8080 }] },
    mongo(0),
    mongo(1),
    // cert-manager's HTTP-01 solver for the Ingress certificate
    { name: 'acme-http01-solver', pod: true, namespace: NAMESPACE, labels: { 'acme.cert-manager.io/http01-solver': 'true' }, ports: [{ port: 8089 }] },
  ];
}

function expectedFlows(overlay, endpoints, { apiServer, oidc } = {}) {
  const flows = new Set();
  const add = (src, dst, port, protocol = 'TCP') => flows.add(`${src} -> ${dst}:${port}/${protocol}`);
  add('ingress-controller', 'gateway', 8080);
  for (const s of SERVICE_NAMES) add('prometheus', s, MANAGEMENT_PORT);
  for (const s of ['catalog-service', 'planner-service', 'tracking-service']) add('gateway', s, SERVICES[s].port);
  add('planner-service', 'catalog-service', 8081);
  for (const ep of endpoints.filter((e) => e.pod && e.namespace === NAMESPACE)) {
    for (const dns of ['kube-dns', 'node-local-dns', 'kube-dns-service-ip']) {
      add(ep.name, dns, 53, 'UDP');
      add(ep.name, dns, 53, 'TCP');
    }
  }
  if (overlay === 'local') {
    for (const c of [...KAFKA_CLIENTS, 'kafka-topics-init']) add(c, 'kafka', 9092);
    for (const c of DATA_OWNERS) add(c, 'mongodb', 27017);
  } else {
    const brokers = ['kafka-0', 'kafka-1'];
    for (const b of brokers) {
      for (const c of KAFKA_CLIENTS) add(c, b, 9093);
      add(b, 'kube-apiserver', apiServer.port);
      for (const other of brokers) if (other !== b) { add(other, b, 9090); add(other, b, 9091); }
      add('entity-operator', b, 9091);
      for (const p of [9090, 9091, 8443]) add('strimzi-cluster-operator', b, p);
    }
    for (const m of ['mongodb-0', 'mongodb-1']) {
      for (const c of DATA_OWNERS) add(c, m, 27017);
      for (const other of ['mongodb-0', 'mongodb-1']) if (other !== m) add(other, m, 27017);
      add(m, 'kube-apiserver', apiServer.port);
    }
    add('entity-operator', 'kube-apiserver', apiServer.port);
    for (const s of SERVICE_NAMES) add(s, 'otel-collector', 4317);
    for (const s of SERVICE_NAMES) add(s, 'oidc-provider', oidc.port);
    add('ingress-controller', 'acme-http01-solver', 8089);
  }
  return flows;
}

for (const overlay of ['local', 'production']) {
  test(`${overlay}: NetworkPolicies allow exactly the intended flows`, () => {
    const objects = renderOverlay(overlay);
    const policies = byKind(objects, 'NetworkPolicy');
    const evaluator = makeEvaluator(policies, NAMESPACE);
    const cluster = {};
    const extra = [];
    if (overlay === 'production') {
      cluster.apiServer = singleAddress(objects, 'kube-apiserver-egress');
      cluster.oidc = singleAddress(objects, 'oidc-provider-egress');
      extra.push({ name: 'kube-apiserver', ip: cluster.apiServer.ip, ports: [{ port: cluster.apiServer.port }, { port: 443 }] });
      extra.push({ name: 'oidc-provider', ip: cluster.oidc.ip, ports: [{ port: cluster.oidc.port }] });
      extra.push(...operatorManaged(objects));
    }
    const endpoints = [...workloadEndpoints(objects, NAMESPACE), ...extra, INTRUDER, ...EXTERNAL];
    const actual = new Set();
    for (const src of endpoints) {
      if (!src.pod) continue; // addresses outside the cluster do not initiate flows here
      for (const dst of endpoints) {
        if (dst === src) continue;
        if (!(src.namespace === NAMESPACE || dst.namespace === NAMESPACE)) continue; // not governed by our policies
        for (const p of dst.ports) {
          const protocol = p.protocol ?? 'TCP';
          if (evaluator.allowed(src, dst, p.port, protocol)) actual.add(`${src.name} -> ${dst.name}:${p.port}/${protocol}`);
        }
      }
    }
    const expected = expectedFlows(overlay, endpoints, cluster);
    const unexpected = [...actual].filter((f) => !expected.has(f)).sort();
    const missing = [...expected].filter((f) => !actual.has(f)).sort();
    assert.deepEqual({ unexpected, missing }, { unexpected: [], missing: [] });
  });

  test(`${overlay}: a default-deny policy covers every pod for ingress and egress`, () => {
    const deny = byKind(renderOverlay(overlay), 'NetworkPolicy').find(
      (np) => Object.keys(np.spec.podSelector).length === 0 && !np.spec.ingress && !np.spec.egress,
    );
    assert.ok(deny, 'no default-deny NetworkPolicy');
    assert.deepEqual([...deny.spec.policyTypes].sort(), ['Egress', 'Ingress']);
  });
}

test('production: the Strimzi listener admits exactly the Kafka clients', () => {
  const objects = renderOverlay('production');
  const kafka = byKind(objects, 'Kafka')[0];
  const endpoints = workloadEndpoints(objects, NAMESPACE);
  for (const listener of kafka.spec.kafka.listeners) {
    const peers = listener.networkPolicyPeers;
    assert.ok(peers?.length > 0, `listener ${listener.name} has no networkPolicyPeers: Strimzi would open it to every pod`);
    const admitted = endpoints.filter((ep) => peers.some((p) => matchesSelector(p.podSelector, ep.labels))).map((ep) => ep.name).sort();
    assert.deepEqual(admitted, [...KAFKA_CLIENTS].sort());
  }
});

test('the evaluator itself: selectors, named ports, namespaces, ipBlocks', () => {
  const np = (spec) => ({ spec });
  const a = { name: 'a', pod: true, namespace: 'ns', labels: { app: 'a' }, ports: [{ name: 'http', port: 8080 }] };
  const b = { name: 'b', pod: true, namespace: 'ns', labels: { app: 'b' }, ports: [{ name: 'http', port: 9000 }] };
  const far = { name: 'far', pod: true, namespace: 'other', labels: { app: 'a' }, ports: [] };
  const ip = { name: 'ip', ip: '10.1.2.3', ports: [{ port: 443 }] };
  const ev = makeEvaluator([
    np({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    np({ podSelector: { matchLabels: { app: 'b' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'a' } } }], ports: [{ port: 'http' }] }] }),
    np({ podSelector: { matchLabels: { app: 'a' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: {} }] }, { to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.9.0.0/16'] } }], ports: [{ port: 443 }] }] }),
  ], 'ns');
  assert.equal(ev.allowed(a, b, 9000), true);
  assert.equal(ev.allowed(a, b, 8080), false, 'named port resolves on the destination');
  assert.equal(ev.allowed(b, a, 8080), false, 'default deny');
  assert.equal(ev.allowed(far, b, 9000), false, 'a podSelector alone only matches the policy namespace');
  assert.equal(ev.allowed(a, ip, 443), true);
  assert.equal(ev.allowed(a, { ...ip, ip: '10.9.1.1' }, 443), false, 'ipBlock except');
  assert.equal(ev.allowed(a, ip, 80), false);
});
