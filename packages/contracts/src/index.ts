export * from './envelope.js';
export * from './catalogue-kit.js';
export * from './catalogue.js';
export * from './build-parse.js';
export * from './internal.js';
export * as userEvents from './events/user.js';
export * as eventEvents from './events/event.js';
export * as interactionEvents from './events/interaction.js';
export * as chatEvents from './events/chat.js';
export * as ticketingEvents from './events/ticketing.js';
export * as mediaEvents from './events/media.js';
export * as dataExportEvents from './events/data-export.js';
export * as safetyEvents from './events/safety.js';
export {
  exportSources,
  exportPartEvents,
  type ExportRow,
  type ExportSections,
  type ExportSource,
  type ExportPartSource,
  type ExportPartType,
} from './events/data-export.js';
