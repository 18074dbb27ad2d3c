import { loadConfig, onShutdownSignals } from '@eventonight/platform';
import { notificationServiceConfig } from './config.js';
import { startNotificationService } from './service.js';

const config = loadConfig(notificationServiceConfig);
const service = await startNotificationService(config);
onShutdownSignals(() => service.close(), { logger: service.logger });
