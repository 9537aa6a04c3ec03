#!/usr/bin/env node
// Release step: pins the four service images of an overlay by digest.
//
//   node deploy/kubernetes/validation/bin/pin-image-digests.js \
//     gateway=sha256:... catalog-service=sha256:... planner-service=sha256:... tracking-service=sha256:...
//   (--overlay <dir>, default deploy/kubernetes/overlays/production)
//
// The digests are those the registry reported for the pushed images
// (docker push output, `crane digest`, `docker buildx imagetools inspect`).
// Writes `digest:` into the overlay's `images:` entries (kustomize then renders
// <registry>/backrelief/<service>@sha256:...); comments are kept.
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { overlayDir } from '../lib/paths.js';

const SERVICES = ['gateway', 'catalog-service', 'planner-service', 'tracking-service'];
const DIGEST = /^sha256:[0-9a-f]{64}$/;

export function pinImageDigests(dir, digests) {
  const missing = SERVICES.filter((s) => !digests[s]);
  if (missing.length) throw new Error(`no digest for ${missing.join(', ')}`);
  for (const [s, d] of Object.entries(digests)) {
    if (!SERVICES.includes(s)) throw new Error(`unknown service ${s}`);
    if (!DIGEST.test(d)) throw new Error(`${s}: "${d}" is not a sha256 digest`);
  }
  const file = path.join(dir, 'kustomization.yaml');
  const doc = parseDocument(fs.readFileSync(file, 'utf8'));
  let images = doc.get('images');
  if (!images) {
    doc.set('images', []);
    images = doc.get('images');
  }
  for (const s of SERVICES) {
    let entry = images.items.find((i) => i.get('name') === `backrelief/${s}`);
    if (!entry) {
      images.add(doc.createNode({ name: `backrelief/${s}` }));
      entry = images.items[images.items.length - 1];
    }
    entry.delete('newTag');
    entry.set('digest', digests[s]);
  }
  fs.writeFileSync(file, doc.toString());
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const args = process.argv.slice(2);
  let dir = overlayDir('production');
  const digests = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--overlay') dir = path.resolve(args[++i]);
    else {
      const [s, d] = args[i].split('=');
      digests[s] = d;
    }
  }
  try {
    pinImageDigests(dir, digests);
    console.log(`pinned ${SERVICES.length} images by digest in ${path.join(dir, 'kustomization.yaml')}`);
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
}
