import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Express } from 'express';

/**
 * The API reference a person reads (issue 26): Swagger UI, served by each service at `/api-docs`
 * from the pinned swagger-ui-dist package, rendering the service's own `/openapi.json`. Every URL
 * in the page is relative, so it works the same at `/api-docs` on the service's host and at
 * `/api/<service>/api-docs` behind the gateway's path prefix. Nothing is inline but styles
 * (Swagger UI sets some), so the page's CSP keeps scripts to this origin.
 */

const require = createRequire(import.meta.url);
const assetsDir = dirname(require.resolve('swagger-ui-dist/package.json'));

const ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'] as const;

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function page(title: string): string {
  const escaped = title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escaped} API reference</title>
<link rel="icon" type="image/png" href="api-docs/favicon-32x32.png">
<link rel="stylesheet" href="api-docs/swagger-ui.css">
</head>
<body>
<div id="reference"></div>
<script src="api-docs/swagger-ui-bundle.js"></script>
<script src="api-docs/init.js"></script>
</body>
</html>
`;
}

// Relative to the page (`.../api-docs`): the document next to it. "Try it out" stays off: the
// reference is for reading; calls need a token the page has no business holding.
const INIT = `window.SwaggerUIBundle({
  url: new URL('openapi.json', document.baseURI).href,
  dom_id: '#reference',
  deepLinking: true,
  supportedSubmitMethods: [],
  defaultModelsExpandDepth: 0,
  validatorUrl: null,
});
`;

/** Mounts `GET /api-docs` (the page) and `/api-docs/*` (its scripts and styles) on `app`. */
export function mountApiReference(app: Express, service: string): void {
  const html = page(service);
  app.get('/api-docs', (req, res) => {
    // `/api-docs/` would resolve the page's relative URLs one level too deep.
    if (req.path.endsWith('/')) {
      res.redirect(301, '../api-docs');
      return;
    }
    res.setHeader('content-security-policy', CSP);
    res.type('html').send(html);
  });
  app.get('/api-docs/init.js', (_req, res) => {
    res.setHeader('content-security-policy', CSP);
    res.type('application/javascript').send(INIT);
  });
  for (const asset of ASSETS) {
    app.get(`/api-docs/${asset}`, (_req, res) => {
      res.setHeader('cache-control', 'public, max-age=86400');
      res.sendFile(join(assetsDir, asset));
    });
  }
}

