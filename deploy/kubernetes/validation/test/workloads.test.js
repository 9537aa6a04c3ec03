// Deployment hygiene of the four services and of every other pod we run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OVERLAYS } from '../lib/paths.js';
import { renderOverlay, byKind, find } from '../lib/render.js';
import { SERVICES, SERVICE_NAMES, HEALTH_PATHS, METRICS_PATH, MANAGEMENT_PORT, EXTERNAL_SECRETS, EXTERNAL_CONFIGMAPS, PUBLIC_PATHS, PRIVATE_PATHS } from '../lib/contract.js';
import { ingressRoutes } from '../lib/ingress.js';
import { matchesSelector, podTemplate } from '../lib/netpol.js';
import { appDeployment, mainContainer, containerEnv } from '../lib/workloads.js';

const MiB = (q) => {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi)?$/.exec(String(q));
  assert.ok(m, `unsupported memory quantity ${q}`);
  return Number(m[1]) * ({ Ki: 1 / 1024, Mi: 1, Gi: 1024 }[m[2]] ?? 1 / (1024 * 1024));
};
const millicores = (q) => (String(q).endsWith('m') ? Number(String(q).slice(0, -1)) : Number(q) * 1000);

for (const overlay of OVERLAYS) {
  const objects = () => renderOverlay(overlay);

  for (const service of SERVICE_NAMES) {
    const { port } = SERVICES[service];

    test(`${overlay}/${service}: container port; probes and metrics on the management port ${MANAGEMENT_PORT}, not the public one`, () => {
      const d = appDeployment(objects(), service);
      const c = mainContainer(d);
      const http = (c.ports ?? []).find((p) => p.name === 'http');
      assert.ok(http, 'no container port named http');
      assert.equal(http.containerPort, port, `http port must be ${port}`);
      const management = (c.ports ?? []).find((p) => p.name === 'management');
      assert.equal(management?.containerPort, MANAGEMENT_PORT, `a container port named management = ${MANAGEMENT_PORT}`);
      const env = containerEnv(objects(), c);
      assert.equal(env.QUARKUS_HTTP_PORT, String(port), 'QUARKUS_HTTP_PORT must equal the container port');
      assert.equal(env.QUARKUS_MANAGEMENT_PORT, String(MANAGEMENT_PORT), 'QUARKUS_MANAGEMENT_PORT must equal the management container port');
      for (const [probe, path] of Object.entries(HEALTH_PATHS)) {
        assert.ok(c[probe], `${probe} missing`);
        assert.equal(c[probe].httpGet?.path, path, `${probe} path`);
        assert.ok([MANAGEMENT_PORT, 'management'].includes(c[probe].httpGet?.port), `${probe} must target the management port`);
      }
      assert.ok(c.startupProbe.periodSeconds * c.startupProbe.failureThreshold >= 60, 'startup probe must allow >= 60 s for JVM start-up');
      const a = podTemplate(d).metadata.annotations ?? {};
      assert.equal(a['prometheus.io/scrape'], 'true');
      assert.equal(a['prometheus.io/path'], METRICS_PATH);
      assert.equal(a['prometheus.io/port'], String(MANAGEMENT_PORT));
      const svc = find(objects(), 'Service', service);
      assert.equal(svc.spec.ports.find((p) => p.name === 'management')?.targetPort, 'management', 'the Service names the management port (ServiceMonitor)');
    });

    test(`${overlay}/${service}: resources sized for the JVM`, () => {
      const c = mainContainer(appDeployment(objects(), service));
      const { requests = {}, limits = {} } = c.resources ?? {};
      for (const r of ['cpu', 'memory']) {
        assert.ok(requests[r] !== undefined, `requests.${r} missing`);
        assert.ok(limits[r] !== undefined, `limits.${r} missing`);
      }
      assert.ok(MiB(requests.memory) >= 256, 'memory request below the measured RSS (150-250 MiB)');
      assert.ok(MiB(limits.memory) >= MiB(requests.memory) && MiB(limits.memory) <= 1024, 'memory limit out of range');
      assert.ok(millicores(limits.cpu) >= millicores(requests.cpu), 'cpu limit below request');
      const opts = containerEnv(renderOverlay(overlay), c).JAVA_OPTS_APPEND ?? '';
      const pct = /-XX:MaxRAMPercentage=(\d+(?:\.\d+)?)/.exec(opts);
      assert.ok(pct, 'JAVA_OPTS_APPEND must bound the heap with -XX:MaxRAMPercentage');
      const heap = (MiB(limits.memory) * Number(pct[1])) / 100;
      assert.ok(MiB(limits.memory) - heap >= 128, `only ${MiB(limits.memory) - heap} MiB left for non-heap memory`);
      assert.match(opts, /-Dquarkus\.http\.host=0\.0\.0\.0/, 'JAVA_OPTS_APPEND replaces the image default: keep -Dquarkus.http.host');
      assert.match(opts, /-Djava\.util\.logging\.manager=org\.jboss\.logmanager\.LogManager/, 'keep the JBoss log manager');
    });

    test(`${overlay}/${service}: hardened security context, writable /tmp only`, () => {
      const d = appDeployment(objects(), service);
      const spec = podTemplate(d).spec;
      const c = mainContainer(d);
      const sc = c.securityContext ?? {};
      assert.equal(sc.readOnlyRootFilesystem, true, 'readOnlyRootFilesystem');
      assert.equal(sc.allowPrivilegeEscalation, false, 'allowPrivilegeEscalation');
      assert.equal(sc.runAsNonRoot ?? spec.securityContext?.runAsNonRoot, true, 'runAsNonRoot');
      assert.deepEqual(sc.capabilities?.drop, ['ALL'], 'capabilities.drop');
      assert.equal(spec.securityContext?.runAsUser, 185, 'runs as the image user 185');
      assert.equal(spec.automountServiceAccountToken, false, 'no service account token');
      const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === '/tmp');
      assert.ok(tmp, '/tmp must be mounted');
      const vol = spec.volumes.find((v) => v.name === tmp.name);
      assert.ok(vol?.emptyDir, '/tmp must be an emptyDir');
      const jwt = (c.volumeMounts ?? []).find((m) => m.mountPath === '/etc/backrelief/jwt');
      if (overlay === 'local') {
        assert.ok(jwt?.readOnly, 'the JWT key is mounted read-only');
        assert.equal(containerEnv(objects(), c).JWT_PUBLIC_KEY_LOCATION, '/etc/backrelief/jwt/publicKey.pem');
      }
      for (const m of c.volumeMounts ?? []) {
        if (m.mountPath !== '/tmp') assert.equal(m.readOnly, true, `${m.mountPath} must be mounted read-only`);
      }
      assert.equal(containerEnv(objects(), c).LOG_JSON, 'true');
    });

    test(`${overlay}/${service}: Service, PodDisruptionBudget${SERVICES[service].hpa ? ', HorizontalPodAutoscaler' : ''}`, () => {
      const d = appDeployment(objects(), service);
      const labels = podTemplate(d).metadata.labels;
      assert.ok(matchesSelector(d.spec.selector, labels), 'Deployment selector does not match its pod labels');
      const svc = find(objects(), 'Service', service);
      assert.ok(svc, `no Service ${service}`);
      assert.ok(matchesSelector({ matchLabels: svc.spec.selector }, labels), 'Service selector does not match the pods');
      const sp = svc.spec.ports.find((p) => p.name === 'http');
      assert.equal(sp?.port, port, `Service port must be ${port} (the URLs other services use)`);
      const pdb = byKind(objects(), 'PodDisruptionBudget').find((p) => matchesSelector(p.spec.selector, labels));
      assert.ok(pdb, 'no PodDisruptionBudget covers the pods');
      const hpa = byKind(objects(), 'HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === service);
      if (SERVICES[service].hpa) {
        assert.ok(hpa, 'HorizontalPodAutoscaler missing');
        assert.equal(hpa.spec.scaleTargetRef.kind, 'Deployment');
        assert.equal(d.spec.replicas, undefined, 'an autoscaled Deployment must not set spec.replicas (apply would fight the HPA)');
        assert.ok(hpa.spec.maxReplicas >= hpa.spec.minReplicas);
      } else {
        assert.equal(hpa, undefined, 'unexpected HorizontalPodAutoscaler');
      }
      const replicas = hpa ? hpa.spec.minReplicas : d.spec.replicas ?? 1;
      if (overlay === 'production') {
        assert.ok(replicas >= 2, `production needs >= 2 replicas, has ${replicas}`);
        if (pdb.spec.minAvailable !== undefined) assert.ok(pdb.spec.minAvailable < replicas, 'PDB would block every eviction');
      } else {
        assert.equal(replicas, 1, 'local runs single replicas');
      }
    });
  }

  test(`${overlay}: every Service selects pods and every targetPort exists`, () => {
    const templates = byKind(objects(), 'Deployment').concat(byKind(objects(), 'StatefulSet')).map(podTemplate);
    for (const svc of byKind(objects(), 'Service')) {
      const pods = templates.filter((t) => matchesSelector({ matchLabels: svc.spec.selector }, t.metadata.labels));
      assert.ok(pods.length > 0, `Service ${svc.metadata.name} selects no pods`);
      for (const p of svc.spec.ports) {
        const target = p.targetPort ?? p.port;
        for (const t of pods) {
          const ports = t.spec.containers.flatMap((c) => c.ports ?? []);
          const ok = typeof target === 'string' ? ports.some((cp) => cp.name === target) : ports.some((cp) => cp.containerPort === target);
          assert.ok(ok, `Service ${svc.metadata.name} port ${p.name}: no container port ${target}`);
        }
      }
    }
  });

  test(`${overlay}: only the gateway is exposed by the Ingress`, () => {
    const ingresses = byKind(objects(), 'Ingress');
    assert.equal(ingresses.length, 1);
    const backends = ingresses[0].spec.rules.flatMap((r) => r.http.paths.map((p) => p.backend.service.name));
    assert.deepEqual([...new Set(backends)], ['gateway']);
    if (overlay === 'production') assert.ok(ingresses[0].spec.tls?.length > 0, 'production Ingress must terminate TLS');
    for (const s of byKind(objects(), 'Service')) {
      assert.ok(!['NodePort', 'LoadBalancer'].includes(s.spec.type), `Service ${s.metadata.name} is exposed outside the cluster`);
    }
  });

  test(`${overlay}: every pod meets the "restricted" Pod Security Standard`, () => {
    for (const w of objects().filter(podTemplate)) {
      const spec = podTemplate(w).spec;
      const id = `${w.kind}/${w.metadata.name}`;
      assert.ok(!spec.hostNetwork && !spec.hostPID && !spec.hostIPC, `${id}: host namespaces`);
      assert.ok(['RuntimeDefault', 'Localhost'].includes(spec.securityContext?.seccompProfile?.type), `${id}: seccompProfile`);
      for (const v of spec.volumes ?? []) {
        assert.ok(['emptyDir', 'secret', 'configMap', 'persistentVolumeClaim', 'projected', 'downwardAPI', 'ephemeral'].some((k) => v[k]), `${id}: volume ${v.name} type not allowed`);
      }
      for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
        const sc = c.securityContext ?? {};
        assert.equal(sc.allowPrivilegeEscalation, false, `${id}/${c.name}: allowPrivilegeEscalation`);
        assert.ok(!sc.privileged, `${id}/${c.name}: privileged`);
        assert.equal(sc.runAsNonRoot ?? spec.securityContext?.runAsNonRoot, true, `${id}/${c.name}: runAsNonRoot`);
        assert.ok(sc.capabilities?.drop?.includes('ALL'), `${id}/${c.name}: capabilities.drop ALL`);
        assert.ok((sc.capabilities?.add ?? []).every((a) => a === 'NET_BIND_SERVICE'), `${id}/${c.name}: added capabilities`);
        assert.ok(c.resources?.limits?.memory && c.resources?.requests?.memory, `${id}/${c.name}: memory requests/limits`);
        assert.ok(c.image && !c.image.endsWith(':latest') && c.image.includes(':'), `${id}/${c.name}: image must have a pinned tag (${c.image})`);
      }
    }
  });

  test(`${overlay}: every referenced ConfigMap and Secret exists (or is a documented external one)`, () => {
    const have = new Set(objects().filter((o) => ['ConfigMap', 'Secret'].includes(o.kind)).map((o) => `${o.kind}/${o.metadata.name}`));
    const external = new Set([...EXTERNAL_SECRETS[overlay].map((n) => `Secret/${n}`), ...EXTERNAL_CONFIGMAPS[overlay].map((n) => `ConfigMap/${n}`)]);
    const missing = [];
    const need = (kind, name, from) => {
      if (!have.has(`${kind}/${name}`) && !external.has(`${kind}/${name}`)) missing.push(`${kind}/${name} (from ${from})`);
    };
    for (const w of objects().filter(podTemplate)) {
      const spec = podTemplate(w).spec;
      const id = `${w.kind}/${w.metadata.name}`;
      for (const v of spec.volumes ?? []) {
        if (v.secret) need('Secret', v.secret.secretName, id);
        if (v.configMap) need('ConfigMap', v.configMap.name, id);
      }
      for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
        for (const ef of c.envFrom ?? []) {
          if (ef.secretRef) need('Secret', ef.secretRef.name, id);
          if (ef.configMapRef) need('ConfigMap', ef.configMapRef.name, id);
        }
        for (const e of c.env ?? []) {
          if (e.valueFrom?.secretKeyRef) need('Secret', e.valueFrom.secretKeyRef.name, id);
          if (e.valueFrom?.configMapKeyRef) need('ConfigMap', e.valueFrom.configMapKeyRef.name, id);
        }
      }
    }
    for (const ing of byKind(objects(), 'Ingress')) for (const t of ing.spec.tls ?? []) need('Secret', t.secretName, `Ingress/${ing.metadata.name}`);
    for (const m of byKind(objects(), 'MongoDBCommunity')) {
      for (const u of m.spec.users) need('Secret', u.passwordSecretRef.name, 'MongoDBCommunity');
      const tls = m.spec.security?.tls;
      if (tls?.enabled) {
        need('Secret', tls.certificateKeySecretRef.name, 'MongoDBCommunity tls');
        need('ConfigMap', tls.caConfigMapRef.name, 'MongoDBCommunity tls');
      }
    }
    assert.deepEqual(missing, [], `dangling references:\n${missing.join('\n')}`);
  });
}
