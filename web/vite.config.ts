import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';

// The app is static files plus /config.json, which the server beside it provides (web/server).
// `vite` (dev) proxies the API prefixes to the services the same way that server does.
const servicePorts: Record<string, number> = {
  user: 3001,
  event: 3002,
  interaction: 3003,
  chat: 3004,
  ticketing: 3005,
  notification: 3006,
  media: 3007,
};

/** `vite` (dev) answers /config.json itself; built apps get it from the server beside them. */
const devConfig = {
  api: Object.fromEntries(Object.keys(servicePorts).map((name) => [name, `/api/${name}`])),
  socket: { url: '', path: '/api/notification/socket.io' },
  keycloak: { url: process.env['KEYCLOAK_URL'] ?? 'http://localhost:8080', realm: 'eventonight', clientId: 'eventonight-web' },
  localCheckoutUrl: null,
};
const devRuntimeConfig: Plugin = {
  name: 'eventonight-dev-config',
  configureServer(server) {
    server.middlewares.use('/config.json', (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(devConfig));
    });
  },
};

export default defineConfig({
  plugins: [vue(), devRuntimeConfig],
  // The manifest lets bench:web find exactly what the first route loads.
  build: { target: 'es2022', sourcemap: false, manifest: true },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(
      Object.entries(servicePorts).map(([name, port]) => [
        `/api/${name}`,
        { target: `http://127.0.0.1:${port}`, rewrite: (path: string) => path.slice(`/api/${name}`.length) || '/', ws: name === 'notification' },
      ]),
    ),
  },
});
