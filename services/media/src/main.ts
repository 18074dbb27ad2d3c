import { loadConfig, onShutdownSignals, startService } from '@eventonight/platform';
import { mediaServiceConfig } from './config.js';
import { mediaService } from './service.js';

const config = loadConfig(mediaServiceConfig);
const service = await startService(mediaService(), config);
onShutdownSignals(() => service.close(), { logger: service.logger });
