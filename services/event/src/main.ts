import { loadConfig, onShutdownSignals, startService } from '@eventonight/platform';
import { eventServiceConfig } from './config.js';
import { eventService } from './service.js';

const config = loadConfig(eventServiceConfig);
const service = await startService(eventService(), config);
onShutdownSignals(() => service.close(), { logger: service.logger });
