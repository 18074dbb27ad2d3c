export { parseConfig, loadConfig, type ConfigResult } from './load.js';
export { port, url, httpUrl, nonEmptyString, positiveInt, logLevel, byteSize, type LogLevel, type PortOptions } from './fields.js';
export { baseServiceConfig, baseServiceConfigShape, type BaseServiceConfig } from './base.js';
