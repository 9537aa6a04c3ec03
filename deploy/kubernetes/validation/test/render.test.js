import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OVERLAYS } from '../lib/paths.js';
import { renderOverlay, objectId } from '../lib/render.js';
import { NAMESPACE } from '../lib/contract.js';

const CLUSTER_SCOPED = new Set(['Namespace']);

for (const overlay of OVERLAYS) {
  test(`overlay ${overlay} renders with kubectl kustomize`, () => {
    const objects = renderOverlay(overlay);
    assert.ok(objects.length > 0, 'no objects rendered');
    for (const o of objects) {
      assert.equal(typeof o.apiVersion, 'string', `object without apiVersion: ${JSON.stringify(o).slice(0, 200)}`);
      assert.equal(typeof o.kind, 'string', `object without kind: ${JSON.stringify(o).slice(0, 200)}`);
      assert.ok(o.metadata?.name, `object without a name: ${objectId(o)}`);
    }
  });

  test(`overlay ${overlay}: no duplicate objects, everything in namespace ${NAMESPACE}`, () => {
    const seen = new Set();
    for (const o of renderOverlay(overlay)) {
      const id = objectId(o);
      assert.ok(!seen.has(id), `duplicate object ${id}`);
      seen.add(id);
      if (CLUSTER_SCOPED.has(o.kind)) continue;
      assert.equal(o.metadata.namespace, NAMESPACE, `${id} is not in namespace ${NAMESPACE}`);
    }
    assert.ok(seen.has(`v1/Namespace ${NAMESPACE}`), `the overlay does not create namespace ${NAMESPACE}`);
  });
}
