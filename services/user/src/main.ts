import { loadConfig, onShutdownSignals, startService } from '@eventonight/platform';
import { userServiceConfig } from './config.js';
import { userService } from './service.js';

const config = loadConfig(userServiceConfig);
const running = await startService(userService, config);
onShutdownSignals(() => running.close(), { logger: running.logger });
