import { podTemplate } from './netpol.js';
import { byKind, find } from './render.js';

/** Name of a kustomize-generated object without its content hash suffix. */
export const baseName = (name) => name.replace(/-[a-z0-9]{10}$/, '');

export function appDeployment(objects, service) {
  const d = find(objects, 'Deployment', service);
  if (!d) throw new Error(`no Deployment ${service}`);
  return d;
}

export function mainContainer(workload) {
  const containers = podTemplate(workload).spec.containers;
  return containers.find((c) => c.name === workload.metadata.name) ?? containers[0];
}

/**
 * The environment a container gets: explicit env plus envFrom ConfigMaps and
 * Secrets resolved from the rendered objects. Values coming from secretKeyRef
 * or from Secrets that are not rendered are marked "<secret>".
 */
export function containerEnv(objects, container) {
  const env = {};
  const data = (kind, name) => {
    const o = byKind(objects, kind).find((x) => x.metadata.name === name);
    if (!o) return null;
    if (kind === 'Secret') {
      const out = { ...(o.stringData ?? {}) };
      for (const [k, v] of Object.entries(o.data ?? {})) out[k] = Buffer.from(v.replace(/\s/g, ''), 'base64').toString('utf8');
      return out;
    }
    return o.data ?? {};
  };
  for (const ef of container.envFrom ?? []) {
    const ref = ef.configMapRef ?? ef.secretRef;
    const kind = ef.configMapRef ? 'ConfigMap' : 'Secret';
    const values = data(kind, ref.name);
    if (values === null) throw new Error(`envFrom ${kind} ${ref.name} is not part of the rendered overlay`);
    for (const [k, v] of Object.entries(values)) env[(ef.prefix ?? '') + k] = v;
  }
  for (const e of container.env ?? []) {
    if (e.value !== undefined) env[e.name] = e.value;
    else if (e.valueFrom?.configMapKeyRef) {
      const values = data('ConfigMap', e.valueFrom.configMapKeyRef.name);
      env[e.name] = values?.[e.valueFrom.configMapKeyRef.key] ?? '<configmap>';
    } else if (e.valueFrom?.secretKeyRef) {
      const values = data('Secret', e.valueFrom.secretKeyRef.name);
      env[e.name] = values?.[e.valueFrom.secretKeyRef.key] ?? '<secret>';
    } else env[e.name] = '<fieldRef>';
  }
  return env;
}
