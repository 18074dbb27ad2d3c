import { loadConfig, onShutdownSignals, startService } from '@eventonight/platform';
import { chatServiceConfig } from './config.js';
import { chatService } from './service.js';

const config = loadConfig(chatServiceConfig);
const service = await startService(chatService(), config);
onShutdownSignals(() => service.close(), { logger: service.logger });
