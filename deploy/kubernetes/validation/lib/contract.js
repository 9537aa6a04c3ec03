// The system contract the manifests implement (see deploy/README.md).
export const NAMESPACE = 'backrelief';

export const SERVICES = {
  gateway: { port: 8080, database: null, kafka: false, hpa: true, public: true },
  'catalog-service': { port: 8081, database: 'backrelief_catalog', kafka: true, hpa: false },
  'planner-service': { port: 8082, database: 'backrelief_planner', kafka: true, hpa: true },
  'tracking-service': { port: 8083, database: 'backrelief_tracking', kafka: true, hpa: false },
};
export const SERVICE_NAMES = Object.keys(SERVICES);

export const HEALTH_PATHS = {
  startupProbe: '/q/health/started',
  readinessProbe: '/q/health/ready',
  livenessProbe: '/q/health/live',
};
export const METRICS_PATH = '/q/metrics';
// Health and metrics live on the Quarkus management interface (container port "management").
export const MANAGEMENT_PORT = 9000;

// What the Ingress may route: the API and the web client the gateway serves.
export const PUBLIC_PATHS = ['/api/v1/routines/preview', '/api/v1/me/plans/current', '/', '/index.html', '/assets/index-3f9a.js', '/assets/icons/app-192.png', '/sw.js', '/manifest.webmanifest', '/config.json', '/icon.svg'];
// What it must never route (the Quarkus non-application endpoints, and anything not listed).
export const PRIVATE_PATHS = ['/q/health', '/q/health/ready', '/q/health/live', '/q/metrics', '/q/openapi', '/q/swagger-ui', '/q/swagger-ui/index.html', '/q/dev-ui', '/q', '/apis', '/api-internal', '/metrics', '/admin'];

// Kafka access of each service: topics it writes and reads, and its consumer groups
// (as configured in its application.properties; ACLs must grant exactly these).
export const KAFKA_ACCESS = {
  'catalog-service': { write: ['backrelief.catalog.changes'], read: [], groups: [] },
  'planner-service': { write: ['backrelief.activity'], read: ['backrelief.catalog.changes'], groups: [{ name: 'planner-service.catalog-cache.', patternType: 'prefix' }] },
  'tracking-service': { write: ['backrelief.activity.dlq'], read: ['backrelief.activity'], groups: [{ name: 'tracking-service', patternType: 'literal' }] },
};

export const TOPICS = {
  activity: 'backrelief.activity',
  dlq: 'backrelief.activity.dlq',
  catalogChanges: 'backrelief.catalog.changes',
};

// Objects a production install needs that deliberately are not in git
// (deploy/README.md tells how each one is created).
export const EXTERNAL_SECRETS = {
  local: [],
  production: [
    'gateway-tls', // written by cert-manager for the Ingress
    'backrelief-cluster-ca-cert', // Kafka cluster CA, written by Strimzi
    'catalog-service', // SCRAM credentials (sasl.jaas.config), written by the Strimzi User Operator
    'planner-service',
    'tracking-service',
    'mongodb-tls', // MongoDB members' certificate (cert-manager, deploy/README.md "MongoDB TLS")
    'mongodb-admin-catalog-service', // connection strings written by the MongoDB operator
    'mongodb-admin-planner-service',
    'mongodb-admin-tracking-service',
    'mongodb-catalog-service-password', // user passwords read by the MongoDB operator
    'mongodb-planner-service-password',
    'mongodb-tracking-service-password',
  ],
};

export const EXTERNAL_CONFIGMAPS = {
  local: [],
  production: [
    'mongodb-ca', // CA of the MongoDB members' certificate (deploy/README.md "MongoDB TLS")
  ],
};
