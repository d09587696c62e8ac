// Runs once, when the MongoDB volume is first initialised. One user per service, each allowed into
// its own database only: the architecture says no service reads another's data, and this enforces it.
const users = [
  ['gateway', 'hirepipe-gateway', 'MONGO_PASSWORD_GATEWAY'],
  ['question-service', 'hirepipe-questions', 'MONGO_PASSWORD_QUESTIONS'],
  ['assessment-service', 'hirepipe-assessments', 'MONGO_PASSWORD_ASSESSMENTS'],
  ['scoring-service', 'hirepipe-scoring', 'MONGO_PASSWORD_SCORING'],
  ['notification-service', 'hirepipe-notifications', 'MONGO_PASSWORD_NOTIFICATIONS'],
];
const admin = db.getSiblingDB('admin');
for (const [user, database, passwordVariable] of users) {
  const pwd = process.env[passwordVariable];
  if (!pwd) {
    throw new Error(passwordVariable + ' is not set: run generate-env.sh');
  }
  admin.createUser({ user, pwd, roles: [{ role: 'readWrite', db: database }] });
}
