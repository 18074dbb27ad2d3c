import { publishEvents, registerOrganization } from '../e2e/demo-data.js';
import { startWebStack } from '../e2e/stack.js';

/**
 * A throw-away local preview: the built services (own databases) behind the web app's server
 * on 127.0.0.1:5180, with one organization and a few events. Stops (and cleans up) on Ctrl-C.
 */
const stack = await startWebStack();
const organizer = await registerOrganization(stack.system, 'Harbour Nights');
await publishEvents(stack.system, organizer, 6, (i) => ['Jazz on the Docks', 'Midnight Comedy', 'Street Food Fiesta', 'Hack the Harbour', 'Neon Rooftop Party', 'Open Studio Night'][i] ?? `Event ${i}`, 3);
console.log(`preview: ${stack.baseUrl}  (organization ${organizer.email} / ${organizer.password})`);
const stop = (): void => void stack.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
