/**
 * A socket-only notification replica as a process of its own, for `bench:notify:replicas`: the
 * built service (`dist/`), configured by env exactly as `dist/main.js` is, but started with
 * `consume: false` (no queue consumer: it only holds sockets and emits what other replicas send
 * it through the Redis adapter). Plain JavaScript so it runs without a loader, like `main.js`.
 */
import { loadConfig, onShutdownSignals } from '@eventonight/platform';
import { notificationServiceConfig } from '../dist/config.js';
import { startNotificationService } from '../dist/service.js';

const config = loadConfig(notificationServiceConfig);
const service = await startNotificationService(config, { consume: false });
onShutdownSignals(() => service.close(), { logger: service.logger });
