// Run once by the official mongo image on an empty data directory (after the
// root user is created): one least-privilege user per data-owning service,
// each limited to readWrite on its own database.
const users = [
  { user: 'catalog-service', db: 'backrelief_catalog', pwd: process.env.CATALOG_SERVICE_PASSWORD },
  { user: 'planner-service', db: 'backrelief_planner', pwd: process.env.PLANNER_SERVICE_PASSWORD },
  { user: 'tracking-service', db: 'backrelief_tracking', pwd: process.env.TRACKING_SERVICE_PASSWORD },
];
const admin = db.getSiblingDB('admin');
for (const u of users) {
  if (!u.pwd) {
    throw new Error('no password for ' + u.user);
  }
  if (admin.getUser(u.user) === null) {
    admin.createUser({ user: u.user, pwd: u.pwd, roles: [{ role: 'readWrite', db: u.db }] });
    print('created user ' + u.user);
  }
}
