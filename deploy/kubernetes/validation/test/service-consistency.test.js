// The manifests against the services' sources. These tests read each service's
// application.properties, pom.xml and Dockerfile.jvm at test time; a service
// whose files do not exist yet fails with a message saying so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OVERLAYS } from '../lib/paths.js';
import { renderOverlay } from '../lib/render.js';
import { SERVICE_NAMES } from '../lib/contract.js';
import { declaredTopics } from '../lib/topics.js';
import { checkServiceConfig, checkImage } from '../lib/consistency.js';

for (const overlay of OVERLAYS) {
  for (const service of SERVICE_NAMES) {
    test(`${overlay}/${service}: env vars, HTTP port, probe and metrics paths, topics match the service`, () => {
      const problems = checkServiceConfig(renderOverlay(overlay), service, { topics: new Set(declaredTopics(overlay).keys()) });
      assert.deepEqual(problems, [], problems.join('\n'));
    });

    test(`${overlay}/${service}: image matches the Dockerfile and the project version`, () => {
      const problems = checkImage(renderOverlay(overlay), service);
      assert.deepEqual(problems, [], problems.join('\n'));
    });
  }
}
