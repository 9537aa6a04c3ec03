import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { overlayDir } from './paths.js';

const KUBECTL = process.env.KUBECTL || 'kubectl';
const cache = new Map();

/** Parses a multi-document YAML string; throws on any YAML error. */
export function parseYamlDocuments(text, source = 'yaml') {
  const docs = parseAllDocuments(text, { prettyErrors: true });
  const out = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      throw new Error(`${source}: ${doc.errors.map((e) => e.message).join('; ')}`);
    }
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

/** Runs `kubectl kustomize <dir>` and returns the rendered objects. */
export function renderKustomization(dir) {
  let text;
  try {
    text = execFileSync(KUBECTL, ['kustomize', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    throw new Error(`kubectl kustomize ${dir} failed: ${e.stderr || e.message}`);
  }
  return parseYamlDocuments(text, dir);
}

/** Rendered objects of an overlay (cached per process). */
export function renderOverlay(name) {
  if (!cache.has(name)) cache.set(name, renderKustomization(overlayDir(name)));
  return cache.get(name);
}

export const objectId = (o) =>
  `${o.apiVersion}/${o.kind} ${o.metadata?.namespace ? o.metadata.namespace + '/' : ''}${o.metadata?.name}`;

export function byKind(objects, kind) {
  return objects.filter((o) => o.kind === kind);
}

export function find(objects, kind, name) {
  return objects.find((o) => o.kind === kind && o.metadata?.name === name);
}
