// Merges a realm overlay into a Keycloak realm export, for local runs only (infra/ctl.sh's
// keycloak_prepare): the production realm (keycloak/realm-eventonight.json) has no test client and
// no fallback secrets; keycloak/realm-local-overlay.json adds them back.
//
//   node infra/realm-overlay.mjs <realm.json> <overlay.json>   → merged realm on stdout
//
// Rules, kept small on purpose: `clients` are matched by clientId (an overlay entry's fields
// replace the realm client's fields; an unknown clientId is appended); any other top-level key of
// the overlay replaces the realm's; keys starting with "_" (comments) are ignored.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

/**
 * @param {Record<string, unknown>} realm
 * @param {Record<string, unknown>} overlay
 * @returns {Record<string, unknown>}
 */
export function mergeRealmOverlay(realm, overlay) {
  const merged = { ...realm };
  for (const [key, value] of Object.entries(overlay)) {
    if (key.startsWith('_') || key === 'clients') continue;
    merged[key] = value;
  }
  const overlayClients = Array.isArray(overlay.clients) ? overlay.clients : [];
  const clients = Array.isArray(realm.clients) ? realm.clients.map((client) => ({ ...client })) : [];
  for (const extra of overlayClients) {
    const index = clients.findIndex((client) => client.clientId === extra.clientId);
    if (index === -1) clients.push(extra);
    else clients[index] = { ...clients[index], ...extra };
  }
  merged.clients = clients;
  return merged;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [realmPath, overlayPath] = process.argv.slice(2);
  if (realmPath === undefined || overlayPath === undefined) {
    process.stderr.write('usage: node infra/realm-overlay.mjs <realm.json> <overlay.json>\n');
    process.exit(2);
  }
  const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
  process.stdout.write(`${JSON.stringify(mergeRealmOverlay(read(realmPath), read(overlayPath)), null, 2)}\n`);
}
