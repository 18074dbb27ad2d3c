export { parseConfig, loadConfig, FILE_SUFFIX, type ConfigResult } from './load.js';
export {
  secret,
  secretUrl,
  secretUrlList,
  urlPassword,
  urlPasswordProblem,
  placeholderProblem,
  MIN_PRODUCTION_SECRET_LENGTH,
  type SecretOptions,
  type SecretKind,
} from './secrets.js';
export { secretFileProblems } from './secret-files.js';
export { port, url, urlList, splitUrlList, httpUrl, appUrl, nonEmptyString, positiveInt, logLevel, byteSize, type LogLevel, type PortOptions } from './fields.js';
export { baseServiceConfig, baseServiceConfigShape, type BaseServiceConfig } from './base.js';
