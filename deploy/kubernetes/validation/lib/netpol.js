// A small NetworkPolicy evaluator (networking.k8s.io/v1 semantics): given the
// rendered policies and a set of endpoints (pods with labels, namespaces and
// container ports, or plain IP addresses), answers whether a TCP/UDP
// connection is allowed. Policies only exist in the application namespace;
// peers elsewhere are assumed unrestricted on their own side.

export function matchesSelector(selector, labels = {}) {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    switch (e.operator) {
      case 'In': if (!has || !e.values.includes(labels[e.key])) return false; break;
      case 'NotIn': if (has && e.values.includes(labels[e.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: throw new Error(`unknown selector operator ${e.operator}`);
    }
  }
  return true;
}

function ipToInt(ip) {
  return ip.split('.').reduce((acc, o) => (acc << 8) + Number(o), 0) >>> 0;
}
export function inCidr(ip, cidr) {
  const [net, bits] = cidr.split('/');
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return (ipToInt(ip) & mask) === (ipToInt(net) & mask);
}

const nsLabels = (ep) => ({ 'kubernetes.io/metadata.name': ep.namespace, ...(ep.namespaceLabels ?? {}) });

/** Does a NetworkPolicyPeer (from / to) select the endpoint? */
function peerMatches(peer, ep, policyNamespace) {
  if (peer.ipBlock) {
    // ipBlock is meant for cluster-external addresses; pods are not matched by it here.
    if (!ep.ip || ep.pod) return false;
    if (!inCidr(ep.ip, peer.ipBlock.cidr)) return false;
    return !(peer.ipBlock.except ?? []).some((c) => inCidr(ep.ip, c));
  }
  if (!ep.pod) return false;
  if (peer.namespaceSelector) {
    if (!matchesSelector(peer.namespaceSelector, nsLabels(ep))) return false;
  } else if (ep.namespace !== policyNamespace) {
    return false;
  }
  return matchesSelector(peer.podSelector ?? {}, ep.labels);
}

/** Does a NetworkPolicyPort list admit port/protocol on the destination endpoint? */
function portMatches(ports, dst, port, protocol) {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== protocol) return false;
    if (p.port === undefined) return true;
    let number = p.port;
    if (typeof p.port === 'string') {
      const named = (dst.ports ?? []).find((cp) => cp.name === p.port && (cp.protocol ?? 'TCP') === protocol);
      if (!named) return false;
      number = named.port;
    }
    if (p.endPort !== undefined) return port >= number && port <= p.endPort;
    return port === number;
  });
}

const policyTypes = (np) => np.spec.policyTypes ?? (np.spec.egress ? ['Ingress', 'Egress'] : ['Ingress']);

/**
 * @param policies NetworkPolicy objects (all in namespace `namespace`)
 * @param namespace the namespace the policies live in
 */
export function makeEvaluator(policies, namespace) {
  const selecting = (ep, type) =>
    ep.pod && ep.namespace === namespace
      ? policies.filter((np) => policyTypes(np).includes(type) && matchesSelector(np.spec.podSelector, ep.labels))
      : null;

  function egressAllowed(src, dst, port, protocol) {
    const pols = selecting(src, 'Egress');
    if (pols === null || pols.length === 0) return true; // isolated only when selected
    return pols.some((np) =>
      (np.spec.egress ?? []).some(
        (rule) =>
          (!rule.to || rule.to.length === 0 || rule.to.some((peer) => peerMatches(peer, dst, namespace))) &&
          portMatches(rule.ports, dst, port, protocol),
      ),
    );
  }
  function ingressAllowed(src, dst, port, protocol) {
    const pols = selecting(dst, 'Ingress');
    if (pols === null || pols.length === 0) return true;
    return pols.some((np) =>
      (np.spec.ingress ?? []).some(
        (rule) =>
          (!rule.from || rule.from.length === 0 || rule.from.some((peer) => peerMatches(peer, src, namespace))) &&
          portMatches(rule.ports, dst, port, protocol),
      ),
    );
  }
  return {
    allowed(src, dst, port, protocol = 'TCP') {
      return egressAllowed(src, dst, port, protocol) && ingressAllowed(src, dst, port, protocol);
    },
  };
}

/** Endpoints (one per workload) from the pod templates of rendered workloads. */
export function workloadEndpoints(objects, namespace) {
  const out = [];
  for (const o of objects) {
    const template = podTemplate(o);
    if (!template) continue;
    const ports = [];
    for (const c of template.spec.containers ?? []) {
      for (const p of c.ports ?? []) ports.push({ name: p.name, port: p.containerPort, protocol: p.protocol ?? 'TCP' });
    }
    out.push({
      name: o.metadata.name,
      pod: true,
      namespace: o.metadata.namespace ?? namespace,
      labels: template.metadata?.labels ?? {},
      ports,
    });
  }
  return out;
}

export function podTemplate(o) {
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(o.kind)) return o.spec?.template;
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template;
  return null;
}
