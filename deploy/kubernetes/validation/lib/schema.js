// Offline validation of rendered objects against pinned API schemas.
//
// Built-in Kubernetes kinds are checked twice, from two independent pinned sources:
//  1. kubernetes-models (ajv validators generated from the Kubernetes OpenAPI
//     spec): types, formats, enums and required fields;
//  2. the attribute type maps of @kubernetes/client-node (generated from the
//     Kubernetes v1.34 OpenAPI spec): every field must exist in the schema of
//     its type, so misspelled or misplaced (unknown) fields are rejected, which
//     the API server would otherwise drop or reject at apply time.
// Custom resources (Strimzi, MongoDB Community, Prometheus Operator) are checked
// with the pinned JSON schemas in ../schemas (see schemas/README.md); the
// Kubernetes types embedded in them are checked as in 1 and 2.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { VALIDATION_DIR } from './paths.js';

const require = createRequire(import.meta.url);
const CLIENT_MODELS_DIR = path.join(
  path.dirname(require.resolve('@kubernetes/client-node/package.json')),
  'dist', 'gen', 'models',
);

// ---------------------------------------------------------------------------
// 1. kubernetes-models

const modelCache = new Map();

/** "apps/v1" + "Deployment" -> "kubernetes-models/apps/v1/Deployment"; core group is "v1". */
function modelModulePath(apiVersion, kind) {
  return `kubernetes-models/${apiVersion}/${kind}`;
}

async function loadModel(modulePath, exportName) {
  const key = `${modulePath}#${exportName}`;
  if (!modelCache.has(key)) {
    let cls = null;
    try {
      const mod = await import(modulePath);
      cls = mod[exportName] ?? null;
    } catch {
      cls = null;
    }
    modelCache.set(key, cls);
  }
  return modelCache.get(key);
}

function modelErrors(Model, value, basePath) {
  try {
    new Model(value).validate();
    return [];
  } catch (e) {
    if (!Array.isArray(e.errors)) return [`${basePath || '/'}: ${e.message}`];
    return e.errors.map((err) => {
      const where = `${basePath}${err.instancePath}` || '/';
      if (err.keyword === 'required') return `${where}: missing required field "${err.params.missingProperty}"`;
      return `${where}: ${err.message}`;
    });
  }
}

// ---------------------------------------------------------------------------
// 2. @kubernetes/client-node attribute type maps: unknown fields and JSON shapes

const typeMapCache = new Map();

async function typeMap(typeName) {
  if (!typeMapCache.has(typeName)) {
    const file = path.join(CLIENT_MODELS_DIR, `${typeName}.js`);
    let map = null;
    if (fs.existsSync(file)) {
      const mod = await import(file);
      const cls = mod[typeName];
      map = cls?.attributeTypeMap ?? cls?.getAttributeTypeMap?.() ?? null;
    }
    typeMapCache.set(typeName, map);
  }
  return typeMapCache.get(typeName);
}

/** Preloads every type map reachable from typeName (they are imported lazily). */
async function preload(typeName, seen = new Set()) {
  const inner = unwrap(typeName);
  if (inner === null || seen.has(inner)) return;
  seen.add(inner);
  const map = await typeMap(inner);
  if (!map) return;
  for (const attr of map) await preload(attr.type, seen);
}

/** Named model inside "Array<X>" / "{ [key: string]: X; }", or null for primitives. */
function unwrap(type) {
  let m = /^Array<(.+)>$/.exec(type);
  if (m) return unwrap(m[1]);
  m = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (m) return unwrap(m[1]);
  if (PRIMITIVES.has(type)) return null;
  return type;
}

const PRIMITIVES = new Set(['string', 'number', 'boolean', 'Date', 'any', 'object', 'IntOrString']);

const jsonType = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Walks value against the client-node type `type` (already preloaded) and
 * returns errors for unknown fields and for values of the wrong JSON shape.
 */
function strictWalk(value, type, where, errors, inMap = false) {
  if (value === null || value === undefined) return;
  let m = /^Array<(.+)>$/.exec(type);
  if (m) {
    if (!Array.isArray(value)) return void errors.push(`${where || '/'}: must be an array, found ${jsonType(value)}`);
    value.forEach((v, i) => strictWalk(v, m[1], `${where}/${i}`, errors));
    return;
  }
  m = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (m) {
    if (jsonType(value) !== 'object') return void errors.push(`${where || '/'}: must be an object (map), found ${jsonType(value)}`);
    for (const [k, v] of Object.entries(value)) strictWalk(v, m[1], `${where}/${k}`, errors, true);
    return;
  }
  switch (type) {
    case 'any':
    case 'object':
      return;
    case 'string':
    case 'Date':
      // quantities inside maps (resources.limits) may legally be plain numbers
      if (typeof value === 'string' || (inMap && typeof value === 'number')) return;
      return void errors.push(`${where || '/'}: must be a string, found ${jsonType(value)}`);
    case 'number':
      if (typeof value === 'number') return;
      return void errors.push(`${where || '/'}: must be a number, found ${jsonType(value)}`);
    case 'boolean':
      if (typeof value === 'boolean') return;
      return void errors.push(`${where || '/'}: must be a boolean, found ${jsonType(value)}`);
    case 'IntOrString':
      if (typeof value === 'string' || Number.isInteger(value)) return;
      return void errors.push(`${where || '/'}: must be an integer or a string, found ${jsonType(value)}`);
    default: {
      const map = typeMapCache.get(type);
      if (!map) return void errors.push(`${where || '/'}: no schema for type ${type}`);
      if (jsonType(value) !== 'object') return void errors.push(`${where || '/'}: must be an object (${type}), found ${jsonType(value)}`);
      const attrs = new Map(map.map((a) => [a.baseName, a.type]));
      for (const [k, v] of Object.entries(value)) {
        if (!attrs.has(k)) {
          errors.push(`${where}/${k}: unknown field "${k}" (not in the schema of ${type})`);
          continue;
        }
        strictWalk(v, attrs.get(k), `${where}/${k}`, errors);
      }
    }
  }
}

/** "apps/v1" + "Deployment" -> "V1Deployment"; "autoscaling/v2" + "HorizontalPodAutoscaler" -> "V2HorizontalPodAutoscaler". */
function clientTypeName(apiVersion, kind) {
  const version = apiVersion.split('/').pop();
  return version.charAt(0).toUpperCase() + version.slice(1) + kind;
}

// ---------------------------------------------------------------------------
// Embedded Kubernetes types referenced from the custom-resource schemas:
//   "x-k8s-type": "v1/Affinity"             full check (required fields too)
//   "x-k8s-partial": "apps/v1/StatefulSetSpec"  unknown fields and shapes only,
//                                             for operator-merged overrides

function embeddedRef(ref) {
  const parts = ref.split('/');
  const kind = parts.pop();
  const apiVersion = parts.join('/');
  return { modulePath: modelModulePath(apiVersion, kind), exportName: kind, clientType: clientTypeName(apiVersion, kind) };
}

const embeddedModels = new Map();

async function collectEmbedded(schema, out = new Set()) {
  if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if ((k === 'x-k8s-type' || k === 'x-k8s-partial') && typeof v === 'string') out.add(v);
      else collectEmbedded(v, out);
    }
  }
  return out;
}

function makeAjv() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true });
  ajv.addKeyword({
    keyword: 'x-k8s-type',
    schemaType: 'string',
    errors: true,
    validate: function k8sType(ref, data, _parent, ctx) {
      const { Model, clientType } = embeddedModels.get(ref);
      const where = ctx?.instancePath ?? '';
      const errors = [...modelErrors(Model, data, where)];
      strictWalk(data, clientType, where, errors);
      k8sType.errors = errors.map((message) => ({ keyword: 'x-k8s-type', message, params: { ref } }));
      return errors.length === 0;
    },
  });
  ajv.addKeyword({
    keyword: 'x-k8s-partial',
    schemaType: 'string',
    errors: true,
    validate: function k8sPartial(ref, data, _parent, ctx) {
      const { clientType } = embeddedModels.get(ref);
      const errors = [];
      strictWalk(data, clientType, ctx?.instancePath ?? '', errors);
      k8sPartial.errors = errors.map((message) => ({ keyword: 'x-k8s-partial', message, params: { ref } }));
      return errors.length === 0;
    },
  });
  return ajv;
}

// ---------------------------------------------------------------------------
// Custom resources: pinned schemas

const SCHEMA_DIR = path.join(VALIDATION_DIR, 'schemas');
let crValidators = null;

async function loadCustomResourceSchemas() {
  if (crValidators) return crValidators;
  const files = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort();
  const schemas = files.map((f) => JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8')));
  const refs = new Set();
  for (const s of schemas) await collectEmbedded(s, refs);
  for (const ref of refs) {
    const { modulePath, exportName, clientType } = embeddedRef(ref);
    const Model = await loadModel(modulePath, exportName);
    if (!Model) throw new Error(`schemas: unknown embedded Kubernetes type ${ref}`);
    await preload(clientType);
    if (!typeMapCache.get(clientType)) throw new Error(`schemas: no client-node type map for ${ref} (${clientType})`);
    embeddedModels.set(ref, { Model, clientType });
  }
  const ajv = makeAjv();
  crValidators = new Map();
  for (const s of schemas) {
    const key = `${s['x-api-version']}/${s['x-kind']}`;
    const { 'x-api-version': _a, 'x-kind': _k, 'x-source': _s, ...schema } = s;
    crValidators.set(key, ajv.compile(schema));
  }
  return crValidators;
}

// Upstream generated models for custom resources, used in addition to our
// pinned schemas where a package exists.
const UPSTREAM_CR_MODELS = {
  'monitoring.coreos.com/v1': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1',
};

// ---------------------------------------------------------------------------

/**
 * Validates one manifest object. Returns a list of human-readable errors
 * (empty when valid). Objects of an apiVersion/kind without a pinned schema
 * are errors too: nothing reaches the cluster unchecked.
 */
export async function validateObject(obj) {
  if (jsonType(obj) !== 'object') return ['/: a manifest must be an object'];
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return ['/: apiVersion and kind must be strings'];
  }
  const crs = await loadCustomResourceSchemas();
  const crKey = `${apiVersion}/${kind}`;
  if (crs.has(crKey)) {
    const validate = crs.get(crKey);
    const errors = [];
    if (!validate(obj)) {
      for (const e of validate.errors) {
        if (e.keyword === 'x-k8s-type' || e.keyword === 'x-k8s-partial') errors.push(e.message);
        else if (e.keyword === 'additionalProperties') errors.push(`${e.instancePath}/${e.params.additionalProperty}: unknown field "${e.params.additionalProperty}"`);
        else if (e.keyword === 'required') errors.push(`${e.instancePath || '/'}: missing required field "${e.params.missingProperty}"`);
        else errors.push(`${e.instancePath || '/'}: ${e.message}`);
      }
    }
    const group = UPSTREAM_CR_MODELS[apiVersion];
    if (group) {
      const Model = await loadModel(`${group}/${kind}`, kind);
      if (Model) errors.push(...modelErrors(Model, obj, ''));
    }
    return [...new Set(errors)];
  }
  if (apiVersion === 'v1' && kind === 'Secret' && jsonType(obj.data) === 'object') {
    // kustomize folds long base64 values over several lines; the API server's
    // base64 decoder (Go encoding/base64) skips line breaks, so do the same.
    obj = {
      ...obj,
      data: Object.fromEntries(Object.entries(obj.data).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/[\r\n]/g, '') : v])),
    };
  }
  const Model = await loadModel(modelModulePath(apiVersion, kind), kind);
  const clientType = clientTypeName(apiVersion, kind);
  await preload(clientType);
  if (!Model || !typeMapCache.get(clientType)) {
    return [`/: no pinned schema for ${apiVersion} ${kind} (unknown kind or API version)`];
  }
  const errors = modelErrors(Model, obj, '');
  strictWalk(obj, clientType, '', errors);
  return [...new Set(errors)];
}
