import { loadConfig, onShutdownSignals, startService } from '@eventonight/platform';
import { ticketingServiceConfig } from './config.js';
import { ticketingService } from './service.js';

const config = loadConfig(ticketingServiceConfig);
const service = await startService(ticketingService(), config);
onShutdownSignals(() => service.close(), { logger: service.logger });
