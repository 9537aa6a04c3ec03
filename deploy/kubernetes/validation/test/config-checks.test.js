// Unit tests of the consistency checks against a small fixture repository, so
// that the checks themselves are known to catch what they claim to catch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderOverlay } from '../lib/render.js';
import { SERVICES, SERVICE_NAMES } from '../lib/contract.js';
import { parseProperties, expressions, serviceConfig, envForm } from '../lib/quarkus-config.js';
import { checkServiceConfig, checkImage } from '../lib/consistency.js';
import { declaredTopics } from '../lib/topics.js';

const POM = (deps) => `<project><parent><version>9.9.9</version></parent><artifactId>x</artifactId><dependencies>
${deps.map((d) => `<dependency><groupId>io.quarkus</groupId><artifactId>${d}</artifactId></dependency>`).join('\n')}
</dependencies></project>`;

const PROPERTIES = {
  common: (port) => `quarkus.http.port=\${QUARKUS_HTTP_PORT:${port}}
quarkus.log.console.json=\${LOG_JSON:false}
mp.jwt.verify.issuer=\${JWT_ISSUER:https://backrelief.local}
mp.jwt.verify.publickey.location=\${JWT_PUBLIC_KEY_LOCATION:publicKey.pem}
quarkus.otel.exporter.otlp.endpoint=\${OTEL_EXPORTER_OTLP_ENDPOINT:http://localhost:4317}
quarkus.otel.sdk.disabled=\${OTEL_SDK_DISABLED:false}
%dev.quarkus.log.level=DEBUG
`,
  data: (db) => `quarkus.mongodb.connection-string=\${MONGODB_URI}
quarkus.mongodb.database=\${MONGODB_DATABASE:${db}}
kafka.bootstrap.servers=\${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}
kafka.security.protocol=\${KAFKA_SECURITY_PROTOCOL:PLAINTEXT}
kafka.sasl.mechanism=\${KAFKA_SASL_MECHANISM:GSSAPI}
kafka.sasl.jaas.config=\${KAFKA_SASL_JAAS_CONFIG:}
kafka.ssl.truststore.type=\${KAFKA_SSL_TRUSTSTORE_TYPE:JKS}
kafka.ssl.truststore.location=\${KAFKA_SSL_TRUSTSTORE_LOCATION:}
`,
};

/** A repository tree where every service is consistent with the manifests. */
function fixtureRepo(mutate = () => {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'backrelief-fixture-'));
  fs.writeFileSync(path.join(root, 'pom.xml'), '<project><groupId>org.backrelief</groupId><version>1.0.0-SNAPSHOT</version></project>');
  for (const s of SERVICE_NAMES) {
    const { port, database } = SERVICES[s];
    let props = PROPERTIES.common(port);
    if (database) props += PROPERTIES.data(database);
    if (s === 'gateway') props += 'backrelief.catalog.url=${CATALOG_URL:http://localhost:8081}\nbackrelief.planner.url=${PLANNER_URL:x}\nbackrelief.tracking.url=${TRACKING_URL:x}\nquarkus.http.cors.origins=${CORS_ORIGINS:*}\n';
    if (s === 'planner-service') props += 'quarkus.rest-client.catalog.url=${CATALOG_URL:http://localhost:8081}\nmp.messaging.incoming.catalog-changes.topic=backrelief.catalog.changes\nmp.messaging.incoming.catalog-changes.group.id=${CATALOG_CHANGES_GROUP:planner-service.catalog-cache.${POD_NAME:local}}\n';
    if (s === 'tracking-service') props += 'mp.messaging.incoming.activity.connector=smallrye-kafka\nmp.messaging.incoming.activity.topic=backrelief.activity\nmp.messaging.incoming.activity.dead-letter-queue.topic=${DLQ_TOPIC:backrelief.activity.dlq}\n';
    const files = {
      [`${s}/src/main/resources/application.properties`]: props,
      [`${s}/pom.xml`]: POM(['quarkus-smallrye-health', 'quarkus-micrometer-registry-prometheus']),
      [`${s}/src/main/docker/Dockerfile.jvm`]: fs.readFileSync(new URL(`../../../../${s}/src/main/docker/Dockerfile.jvm`, import.meta.url), 'utf8'),
    };
    mutate(s, files);
    for (const [f, text] of Object.entries(files)) {
      if (text === null) continue;
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), text);
    }
  }
  return root;
}

const check = (root, overlay = 'local', service = 'catalog-service') =>
  checkServiceConfig(renderOverlay(overlay), service, { root, topics: new Set(declaredTopics(overlay).keys()) });

test('properties parser: comments, continuations, profiles, nested expressions', () => {
  const entries = parseProperties('# c\na=1\nb : ${X:${Y}} \\\n  more\n%prod.c=${Z}\n! bang\nd');
  assert.deepEqual(entries.map((e) => e.key), ['a', 'b', '%prod.c', 'd']);
  assert.equal(entries[1].value, '${X:${Y}} more');
  assert.deepEqual(expressions('${A:${B}}').map((e) => [e.name, e.hasDefault, e.nested]), [['B', false, true], ['A', true, false]]);
  assert.equal(envForm('quarkus.http.port'), 'QUARKUS_HTTP_PORT');
  assert.equal(envForm('quarkus.rest-client."catalog".url'), 'QUARKUS_REST_CLIENT__CATALOG__URL');
});

test('a consistent fixture repository passes every check in both overlays', () => {
  const root = fixtureRepo();
  for (const overlay of ['local', 'production']) {
    for (const s of SERVICE_NAMES) {
      assert.deepEqual(check(root, overlay, s), [], `${overlay}/${s}`);
      assert.deepEqual(checkImage(renderOverlay(overlay), s, { root }), [], `${overlay}/${s} image`);
    }
  }
});

test('an env var that is no config key of the service is reported', () => {
  const root = fixtureRepo((s, files) => {
    if (s === 'catalog-service') files[`${s}/src/main/resources/application.properties`] = files[`${s}/src/main/resources/application.properties`].replace(/^kafka\.bootstrap\.servers=.*$/m, '');
  });
  assert.ok(check(root).some((p) => /env KAFKA_BOOTSTRAP_SERVERS is set by the manifests but is no configuration key/.test(p)));
});

test('a required config key (no default) that the manifests do not set is reported', () => {
  const root = fixtureRepo((s, files) => {
    if (s === 'gateway') files[`${s}/src/main/resources/application.properties`] += 'backrelief.api-key=${GATEWAY_API_KEY}\n%dev.x=${ONLY_IN_DEV}\n';
  });
  const problems = check(root, 'local', 'gateway');
  assert.ok(problems.some((p) => /requires \$\{GATEWAY_API_KEY\}/.test(p)), problems.join('\n'));
  assert.ok(!problems.some((p) => /ONLY_IN_DEV/.test(p)), 'dev-profile keys do not apply in the cluster');
});

test('a port mismatch, a missing health extension and a moved health path are reported', () => {
  const root = fixtureRepo((s, files) => {
    if (s !== 'catalog-service') return;
    files[`${s}/src/main/resources/application.properties`] =
      files[`${s}/src/main/resources/application.properties`].replace('QUARKUS_HTTP_PORT:8081', 'HTTP_PORT:8081') + 'quarkus.http.non-application-root-path=/internal\n';
    files[`${s}/pom.xml`] = POM(['quarkus-micrometer-registry-prometheus']);
  });
  const problems = check(root);
  assert.ok(problems.some((p) => /env QUARKUS_HTTP_PORT.*no configuration key/.test(p)) === false, 'QUARKUS_HTTP_PORT is a well-known Quarkus key');
  assert.ok(problems.some((p) => /quarkus-smallrye-health/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /non-application-root-path is "internal"/.test(p)), problems.join('\n'));
  const root2 = fixtureRepo((s, files) => {
    if (s === 'catalog-service') files[`${s}/src/main/resources/application.properties`] = files[`${s}/src/main/resources/application.properties`].replace('quarkus.http.port=${QUARKUS_HTTP_PORT:8081}', '%prod.quarkus.http.port=${PORT:9999}');
  });
  // QUARKUS_HTTP_PORT from the manifests still wins over the %prod default
  assert.deepEqual(check(root2).filter((p) => /HTTP port/.test(p)), []);
});

test('an undeclared Kafka topic is reported', () => {
  const root = fixtureRepo((s, files) => {
    if (s === 'tracking-service') files[`${s}/src/main/resources/application.properties`] += 'mp.messaging.outgoing.audit.connector=smallrye-kafka\n';
  });
  const problems = check(root, 'production', 'tracking-service');
  assert.ok(problems.some((p) => /channel outgoing\.audit uses topic "audit"/.test(p)), problems.join('\n'));
});

test('a missing application.properties fails with a clear message', () => {
  const root = fixtureRepo((s, files) => {
    if (s === 'planner-service') files[`${s}/src/main/resources/application.properties`] = null;
  });
  assert.throws(() => serviceConfig('planner-service', root), /planner-service\/src\/main\/resources\/application\.properties does not exist \(yet\)/);
});

test('an image that does not match the Dockerfile or the project version is reported', () => {
  const root = fixtureRepo((s, files) => {
    if (s === 'gateway') files[`${s}/src/main/docker/Dockerfile.jvm`] = files[`${s}/src/main/docker/Dockerfile.jvm`].replace(/EXPOSE 8080/, 'EXPOSE 9000');
  });
  fs.writeFileSync(path.join(root, 'pom.xml'), '<project><version>2.0.0</version></project>');
  const problems = checkImage(renderOverlay('local'), 'gateway', { root });
  assert.ok(problems.some((p) => /tag 1\.0\.0-SNAPSHOT != project version 2\.0\.0/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /EXPOSE 9000 != 8080/.test(p)), problems.join('\n'));
});

test('a management interface switched off (probes and scrape would find nothing on 9000) is reported', () => {
  const root = fixtureRepo((s, files) => {
    if (s === 'catalog-service') files[`${s}/src/main/resources/application.properties`] += 'quarkus.management.enabled=false\n';
    if (s === 'planner-service') files[`${s}/src/main/resources/application.properties`] += 'quarkus.management.enabled=true\nquarkus.management.port=${MANAGEMENT_PORT:9100}\n';
  });
  assert.ok(check(root).some((p) => /quarkus\.management\.enabled is "false"/.test(p)), check(root).join('\n'));
  assert.deepEqual(check(root, 'local', 'planner-service'), [], 'QUARKUS_MANAGEMENT_PORT=9000 from the manifests wins over the default');
});
