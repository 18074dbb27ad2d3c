import { loadConfig, onShutdownSignals, startService } from '@eventonight/platform';
import { interactionServiceConfig } from './config.js';
import { interactionService } from './service.js';

const config = loadConfig(interactionServiceConfig);
const service = await startService(interactionService(), config);
onShutdownSignals(() => service.close(), { logger: service.logger });
