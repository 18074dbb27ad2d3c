import type { Api } from '../api/client';
import type { RuntimeConfig } from '../config/runtime-config';

/** What the whole app shares once started: the runtime config and the API clients. */
interface AppContext {
  config: RuntimeConfig;
  api: Api;
}

let context: AppContext | undefined;

export function setAppContext(value: AppContext): void {
  context = value;
}

function get(): AppContext {
  if (context === undefined) throw new Error('the app context is used before the app started');
  return context;
}

export function useApi(): Api {
  return get().api;
}

export function useConfig(): RuntimeConfig {
  return get().config;
}
