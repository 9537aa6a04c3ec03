// Consistency between the rendered manifests and the services' own sources:
// application.properties, pom.xml and src/main/docker/Dockerfile.jvm.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths.js';
import { SERVICES } from './contract.js';
import { serviceConfig, splitProfile } from './quarkus-config.js';
import { appDeployment, mainContainer, containerEnv } from './workloads.js';

/** Version of the Maven project (root pom), i.e. the image tag. */
export function projectVersion(root = REPO_ROOT) {
  const pom = fs.readFileSync(path.join(root, 'pom.xml'), 'utf8').replace(/<parent>[\s\S]*?<\/parent>/, '');
  const m = /<version>\s*([^<\s]+)\s*<\/version>/.exec(pom);
  if (!m) throw new Error('no <version> in the root pom.xml');
  return m[1];
}

/** Problems of one service in one rendered overlay (empty list = consistent). */
export function checkServiceConfig(objects, service, { root = REPO_ROOT, topics = null } = {}) {
  const problems = [];
  const cfg = serviceConfig(service, root); // throws with a clear message when the files are missing
  const container = mainContainer(appDeployment(objects, service));
  const env = containerEnv(objects, container);
  const rel = path.relative(root, cfg.propsFile);

  for (const name of Object.keys(env).sort()) {
    if (!cfg.valid.has(name)) {
      problems.push(`env ${name} is set by the manifests but is no configuration key of ${service} (no \${${name}} in ${rel}, no property with that environment form)`);
    }
  }
  for (const name of [...cfg.required].sort()) {
    if (env[name] === undefined) problems.push(`${rel} requires \${${name}} (no default) but the manifests do not set ${name}`);
  }

  const port = Number(cfg.resolve('quarkus.http.port', env) ?? '8080');
  const http = (container.ports ?? []).find((p) => p.name === 'http');
  if (http?.containerPort !== port) problems.push(`configured HTTP port ${port} != container port ${http?.containerPort}`);
  if (port !== SERVICES[service].port) problems.push(`configured HTTP port ${port} != contract port ${SERVICES[service].port}`);

  // Health and metrics on the management interface (container port "management"). Enabling it is a build-time
  // property of the service (quarkus.management.enabled=true); where the service declares it, its port must be the
  // container port the probes and Prometheus use.
  const management = (container.ports ?? []).find((p) => p.name === 'management');
  const mgmtEnabled = cfg.resolve('quarkus.management.enabled', env);
  if (mgmtEnabled !== undefined && mgmtEnabled !== 'true') problems.push(`quarkus.management.enabled is "${mgmtEnabled}": the probes and the scrape target the management port`);
  if (mgmtEnabled === 'true') {
    const mport = Number(cfg.resolve('quarkus.management.port', env) ?? '9000');
    if (mport !== management?.containerPort) problems.push(`configured management port ${mport} != container port "management" ${management?.containerPort}`);
  }

  if (!cfg.dependsOn('quarkus-smallrye-health')) {
    problems.push(`${service}/pom.xml does not depend on quarkus-smallrye-health: the /q/health/* probe endpoints do not exist`);
  }
  const nonApp = (cfg.resolve('quarkus.http.non-application-root-path', env) ?? 'q').replace(/^\/|\/$/g, '');
  if (nonApp !== 'q') problems.push(`quarkus.http.non-application-root-path is "${nonApp}": probes and metrics expect /q`);
  const health = (cfg.resolve('quarkus.smallrye-health.root-path', env) ?? 'health').replace(/^\/|\/$/g, '');
  if (health !== 'health' && health !== 'q/health') problems.push(`quarkus.smallrye-health.root-path is "${health}": probes expect /q/health`);
  if (!cfg.dependsOn('quarkus-micrometer-registry-prometheus')) {
    problems.push(`${service}/pom.xml does not depend on quarkus-micrometer-registry-prometheus: /q/metrics (scraped) does not exist`);
  }
  const metrics = (cfg.resolve('quarkus.micrometer.export.prometheus.path', env) ?? 'metrics').replace(/^\/|\/$/g, '');
  if (metrics !== 'metrics' && metrics !== 'q/metrics') problems.push(`quarkus.micrometer.export.prometheus.path is "${metrics}": scraping expects /q/metrics`);

  if (topics) {
    const channels = new Map();
    for (const key of cfg.active.keys()) {
      const m = /^mp\.messaging\.(incoming|outgoing)\.([^.]+|"[^"]+")\.(.+)$/.exec(splitProfile(key).key);
      if (!m) continue;
      const id = `${m[1]}.${m[2]}`;
      if (!channels.has(id)) channels.set(id, { channel: m[2].replace(/"/g, ''), keys: new Set() });
      channels.get(id).keys.add(m[3]);
    }
    for (const [id, ch] of channels) {
      const connector = cfg.resolve(`mp.messaging.${id}.connector`, env);
      if (connector !== undefined && connector !== 'smallrye-kafka') continue;
      const used = [cfg.resolve(`mp.messaging.${id}.topic`, env) ?? ch.channel];
      const dlq = cfg.resolve(`mp.messaging.${id}.dead-letter-queue.topic`, env);
      if (dlq) used.push(dlq);
      for (const t of used) if (!topics.has(t)) problems.push(`channel ${id} uses topic "${t}", which the manifests do not declare`);
    }
  }
  return problems;
}

/** Problems between the Dockerfile of a service and the image the manifests run. */
export function checkImage(objects, service, { root = REPO_ROOT } = {}) {
  const problems = [];
  const dockerfile = path.join(root, service, 'src', 'main', 'docker', 'Dockerfile.jvm');
  if (!fs.existsSync(dockerfile)) return [`${path.relative(root, dockerfile)} does not exist`];
  const text = fs.readFileSync(dockerfile, 'utf8');
  const image = mainContainer(appDeployment(objects, service)).image;
  const version = projectVersion(root);
  // [registry/]backrelief/<service>:<tag>, or @sha256:<digest> once a release pinned it (bin/pin-image-digests.js)
  const m = /^(?:(.+)\/)?(backrelief\/[a-z0-9-]+)(?::([^:@/]+)|@(sha256:[0-9a-f]{64}))$/.exec(image);
  if (!m) return [`image ${image} is not [registry/]backrelief/<service>:<tag> or ...@sha256:<digest>`];
  if (m[2] !== `backrelief/${service}`) problems.push(`image ${image} is not the image of ${service}`);
  if (m[3] !== undefined && m[3] !== version) problems.push(`image tag ${m[3]} != project version ${version}`);
  const built = [...text.matchAll(/-t\s+(\S+)/g)].map((x) => x[1]);
  if (!built.includes(`backrelief/${service}:${version}`) && !built.includes(`backrelief/${service}`)) {
    problems.push(`${path.relative(root, dockerfile)} does not document building backrelief/${service}:${version} (found: ${built.join(', ') || 'none'})`);
  }
  const expose = [...text.matchAll(/^\s*EXPOSE\s+(\d+)/gm)].map((x) => Number(x[1]));
  if (!expose.includes(SERVICES[service].port)) problems.push(`Dockerfile EXPOSE ${expose.join(',') || 'nothing'} != ${SERVICES[service].port}`);
  if (!/^\s*USER\s+185\s*$/m.test(text)) problems.push('Dockerfile must run as USER 185 (runAsUser in the manifests)');
  if (!/target\/quarkus-app\//.test(text)) problems.push('Dockerfile must copy target/quarkus-app/');
  return problems;
}
