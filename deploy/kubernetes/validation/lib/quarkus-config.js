// Reads a Quarkus service's application.properties and pom.xml, and answers
// which environment variables the service understands.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths.js';

/** Parses java.util.Properties syntax (comments, continuations, = : or blank separators). */
export function parseProperties(text) {
  const entries = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^\s+/, '');
    }
    const m = /^((?:\\.|[^=:\s\\])+)\s*[=:\s]\s*(.*)$/.exec(line) || /^((?:\\.|[^=:\s\\])+)$/.exec(line);
    if (!m) continue;
    const key = m[1].replace(/\\(.)/g, '$1');
    entries.push({ key, value: (m[2] ?? '').replace(/\\(.)/g, '$1') });
  }
  return entries;
}

/**
 * Finds the ${...} expressions of a value: [{ name, hasDefault, defaultValue }],
 * nested ones included and flagged (${A:${B}} yields B (nested) and A with a default).
 */
export function expressions(value) {
  const out = [];
  const parse = (s, start, nested) => {
    // s[start..] follows "${"; returns index after the closing "}"
    let i = start;
    let name = '';
    while (i < s.length && s[i] !== ':' && s[i] !== '}') {
      if (s.startsWith('${', i)) { i = parse(s, i + 2, true); continue; }
      name += s[i++];
    }
    let hasDefault = false;
    let defaultValue;
    if (s[i] === ':') {
      hasDefault = true;
      i++;
      const dStart = i;
      let depth = 0;
      while (i < s.length && !(s[i] === '}' && depth === 0)) {
        if (s.startsWith('${', i)) { i = parse(s, i + 2, true); continue; }
        i++;
      }
      defaultValue = s.slice(dStart, i);
    }
    out.push({ name: name.trim(), hasDefault, defaultValue, nested });
    return i + 1;
  };
  for (let i = 0; i < value.length; i++) {
    if (value.startsWith('${', i)) i = parse(value, i + 2, false) - 1;
  }
  return out;
}

/** MicroProfile Config environment-variable form of a property name. */
export const envForm = (key) => key.replace(/[^A-Za-z0-9]/g, '_').toUpperCase();

const PROFILE = /^%([^.]+)\.(.*)$/;

/** Profile-free key and profile ("" for none) of a property key. */
export function splitProfile(key) {
  const m = PROFILE.exec(key);
  return m ? { profile: m[1], key: m[2] } : { profile: '', key };
}

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

// Quarkus keys a deployment may set through their environment form even when
// application.properties does not mention them.
export const WELL_KNOWN_KEYS = [
  'quarkus.http.port',
  'quarkus.http.host',
  'quarkus.profile',
  'quarkus.log.level',
  'quarkus.log.console.json',
  'quarkus.otel.sdk.disabled',
  'quarkus.otel.exporter.otlp.endpoint',
  'quarkus.shutdown.timeout',
  'quarkus.management.port',
  // an extra configuration file (production: MongoDB TLS trust, overlays/production/mongodb-client-tls.properties)
  'quarkus.config.locations',
  // behind the ingress controller (gateway)
  'quarkus.http.proxy.proxy-address-forwarding',
  'quarkus.http.proxy.allow-x-forwarded',
  'quarkus.http.proxy.trusted-proxies',
];
// Read by the container image (run-java.sh) or the C library, not by the application.
export const IMAGE_ENV_VARS = ['JAVA_OPTS_APPEND', 'JAVA_OPTS', 'MALLOC_ARENA_MAX'];

/** Everything the tests need to know about one service's configuration. */
export function serviceConfig(service, root = REPO_ROOT) {
  const propsFile = path.join(root, service, 'src', 'main', 'resources', 'application.properties');
  const pomFile = path.join(root, service, 'pom.xml');
  if (!fs.existsSync(propsFile)) {
    throw new Error(`${path.relative(root, propsFile)} does not exist (yet): the manifests of ${service} cannot be checked against its configuration`);
  }
  if (!fs.existsSync(pomFile)) {
    throw new Error(`${path.relative(root, pomFile)} does not exist (yet): cannot check which Quarkus extensions ${service} uses`);
  }
  const pom = fs.readFileSync(pomFile, 'utf8');
  const dependsOn = (artifactId) => new RegExp(`<artifactId>\\s*${artifactId}\\s*</artifactId>`).test(pom);
  // The service's own keys come first: they override the defaults every service shares through backrelief-commons
  // (a MicroProfile Config source of lower ordinal on the classpath).
  const entries = parseProperties(fs.readFileSync(propsFile, 'utf8'));
  const sharedFile = path.join(root, 'support', 'commons', 'src', 'main', 'resources', 'META-INF', 'microprofile-config.properties');
  if (dependsOn('backrelief-commons') && fs.existsSync(sharedFile)) {
    entries.push(...parseProperties(fs.readFileSync(sharedFile, 'utf8')).filter(({ key }) => key !== 'config_ordinal'));
  }
  // Only the profile-free and %prod. entries apply in a cluster.
  const active = new Map();
  for (const { key, value } of entries) {
    const p = splitProfile(key);
    if (p.profile !== '' && p.profile !== 'prod') continue;
    if (p.profile === 'prod' || !active.has(p.key)) active.set(p.key, value);
  }
  const referenced = new Set();
  for (const { value } of entries) for (const e of expressions(value)) if (ENV_NAME.test(e.name)) referenced.add(e.name);
  const required = new Set();
  for (const value of active.values()) {
    for (const e of expressions(value)) if (ENV_NAME.test(e.name) && !e.hasDefault && !e.nested) required.add(e.name);
  }
  const keyEnvForms = new Set(entries.map(({ key }) => envForm(splitProfile(key).key)));
  const valid = new Set([...referenced, ...keyEnvForms, ...WELL_KNOWN_KEYS.map(envForm), ...IMAGE_ENV_VARS]);
  return {
    service,
    propsFile,
    active,
    referenced,
    required,
    valid,
    dependsOn,
    /** Effective value of a property given the container environment. */
    resolve(key, env) {
      if (env[envForm(key)] !== undefined) return env[envForm(key)];
      const raw = active.get(key);
      if (raw === undefined) return undefined;
      return substitute(raw, env, active);
    },
  };
}

/** Expands ${NAME:default} with env (or another property), recursively. */
export function substitute(raw, env, active = new Map(), depth = 0) {
  if (depth > 10) throw new Error(`expression nesting too deep: ${raw}`);
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    if (!raw.startsWith('${', i)) { out += raw[i]; continue; }
    // find the matching brace
    let depthB = 0;
    let j = i + 2;
    for (; j < raw.length; j++) {
      if (raw.startsWith('${', j)) { depthB++; j++; continue; }
      if (raw[j] === '}') { if (depthB === 0) break; depthB--; }
    }
    const inner = raw.slice(i + 2, j);
    const colon = (() => {
      let d = 0;
      for (let k = 0; k < inner.length; k++) {
        if (inner.startsWith('${', k)) { d++; k++; continue; }
        if (inner[k] === '}') d--;
        if (inner[k] === ':' && d === 0) return k;
      }
      return -1;
    })();
    const name = colon < 0 ? inner : inner.slice(0, colon);
    const def = colon < 0 ? undefined : inner.slice(colon + 1);
    let value = env[name] ?? env[envForm(name)];
    if (value === undefined && active.has(name)) value = substitute(active.get(name), env, active, depth + 1);
    if (value === undefined && def !== undefined) value = substitute(def, env, active, depth + 1);
    out += value ?? '';
    i = j;
  }
  return out;
}
