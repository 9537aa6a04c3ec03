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
    'backrelief-jwt', // JWT verification key (created by the operator of the cluster)
    'gateway-tls', // written by cert-manager for the Ingress
    'mongodb-admin-catalog-service', // connection strings written by the MongoDB operator
    'mongodb-admin-planner-service',
    'mongodb-admin-tracking-service',
    'mongodb-catalog-service-password', // user passwords read by the MongoDB operator
    'mongodb-planner-service-password',
    'mongodb-tracking-service-password',
  ],
};
