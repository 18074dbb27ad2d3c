import { writeFile } from 'node:fs/promises';
import { API_SERVICES, fetchSpec, generatedFile, typesFor, type ApiService } from './api-codegen.js';

/**
 * Writes src/api/generated/<service>.ts from the running services' /openapi.json. Starts
 * nothing: by default it reads the local platform (`npm run up`, ports 3001–3007); set
 * EN_API_<SERVICE>_URL (e.g. EN_API_TICKETING_URL) to read a service elsewhere.
 */
const DEFAULT_PORTS: Record<ApiService, number> = {
  user: 3001,
  event: 3002,
  interaction: 3003,
  chat: 3004,
  ticketing: 3005,
  notification: 3006,
  media: 3007,
};

for (const service of API_SERVICES) {
  const base = process.env[`EN_API_${service.toUpperCase()}_URL`] ?? `http://127.0.0.1:${DEFAULT_PORTS[service]}`;
  const source = await typesFor(await fetchSpec(base));
  await writeFile(generatedFile(service), source);
  console.log(`${service}: ${base}/openapi.json -> src/api/generated/${service}.ts`);
}
