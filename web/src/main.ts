import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { createAuth } from './account/auth';
import { useSession } from './account/session-store';
import { createApi } from './api/client';
import App from './app/App.vue';
import { setAppContext } from './app/context';
import { createAppRouter } from './app/router';
import { loadRuntimeConfig } from './config/runtime-config';
import './ui/base.css';

/** Config first (it says where everything is), then the session, then the first page. */
async function start(): Promise<void> {
  const config = await loadRuntimeConfig();
  const auth = createAuth(config);
  setAppContext({ config, api: createApi(config, auth) });
  const app = createApp(App);
  app.use(createPinia());
  const session = useSession();
  // The callback page finishes the sign-in itself; elsewhere restore the stored session first.
  if (window.location.pathname === '/auth/callback') void session.start(auth);
  else await session.start(auth);
  app.use(createAppRouter());
  app.mount('#app');
}

start().catch((error: unknown) => {
  const root = document.getElementById('app');
  if (root !== null) {
    root.innerHTML = '';
    const message = document.createElement('p');
    message.className = 'boot-error';
    message.textContent = 'EventoNight could not start. Please reload the page in a moment.';
    root.append(message);
  }
  console.error(error);
});
