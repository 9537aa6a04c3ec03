// Which request paths an Ingress routes (networking.k8s.io/v1 path semantics).

/** Does one HTTPIngressPath match the request path? */
export function pathMatches(rule, requestPath) {
  const p = rule.path ?? '/';
  switch (rule.pathType) {
    case 'Exact':
      return requestPath === p;
    case 'Prefix': {
      // element-wise: /api matches /api, /api/ and /api/v1, not /apis
      if (p === '/') return true;
      const want = p.replace(/\/+$/, '').split('/');
      const have = requestPath.split('/');
      return want.every((seg, i) => have[i] === seg);
    }
    default:
      // ImplementationSpecific: assume the broadest reading (a plain string prefix)
      return requestPath.startsWith(p);
  }
}

/** The backends an Ingress sends requestPath to (empty: not routed, the controller answers 404). */
export function ingressRoutes(ingress, requestPath) {
  const out = [];
  for (const r of ingress.spec.rules ?? []) {
    for (const p of r.http?.paths ?? []) {
      if (pathMatches(p, requestPath)) out.push({ host: r.host, path: p.path, pathType: p.pathType, service: p.backend.service });
    }
  }
  if (out.length === 0 && ingress.spec.defaultBackend) out.push({ path: '<defaultBackend>', service: ingress.spec.defaultBackend.service });
  return out;
}
