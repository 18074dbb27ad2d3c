// Runs once, when a service's mongod initialises an empty data volume (the image executes
// /docker-entrypoint-initdb.d/*.js as the root user): creates the service's own user, allowed to
// read and write its own database only. The password is the Docker secret mounted at
// /run/secrets/mongo_service_password; MONGO_SERVICE_DB names both the database and the user.
/* global db, print, process, require -- mongosh's globals */
// mongosh loads Node modules with require() only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('fs');

const name = process.env.MONGO_SERVICE_DB;
if (!name) throw new Error('MONGO_SERVICE_DB is not set');
const password = fs.readFileSync('/run/secrets/mongo_service_password', 'utf8').replace(/\r?\n$/, '');
if (password.length < 16) throw new Error('/run/secrets/mongo_service_password is missing or too short');

const target = db.getSiblingDB(name);
if (target.getUser(name) === null) {
  target.createUser({ user: name, pwd: password, roles: [{ role: 'readWrite', db: name }] });
  print(`created user ${name} on database ${name}`);
}
