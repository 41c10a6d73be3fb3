import { toJSONSchema } from 'zod/v4/core';
import type { Schema } from '../src/contract/schema.ts';
import { Problem } from '../src/contract/problem.ts';

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI path, e.g. `/api/v1/feedback`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  staff?: boolean;
  idempotent?: boolean;
  query?: Schema;
  body?: Schema;
  responses: Record<number, { description: string; schema?: Schema }>;
  /** Problems this route answers with beyond the generic ones, by status: what each means. */
  problems?: Record<number, string>;
  /** Content type of a 200 that is not JSON (e.g. `text/csv`). */
  produces?: string;
}

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: Schema, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** OpenAPI 3.1 document built from the same zod schemas the server validates with. */
export function openApiDocument(routes: readonly RouteSpec[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters: unknown[] = [];
    for (const [, name] of route.path.matchAll(/\{([^}]+)\}/g)) {
      parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
    }
    if (route.query) {
      const shape = schemaOf(route.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
      for (const [name, schema] of Object.entries(shape.properties ?? {})) {
        parameters.push({ name, in: 'query', required: shape.required?.includes(name) ?? false, schema });
      }
    }
    if (route.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description: 'One key per intended submission; retries with the same key and body return the first answer.',
        schema: { type: 'string', minLength: 8, maxLength: 128 },
      });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      responses[status] = response.schema
        ? { description: response.description, content: { 'application/json': { schema: schemaOf(response.schema, 'output') } } }
        : route.produces
          ? { description: response.description, content: { [route.produces]: { schema: { type: 'string' } } } }
          : { description: response.description };
    }
    if (route.body) {
      responses['400'] = problemResponse('Malformed JSON, or a missing Idempotency-Key');
      responses['413'] = problemResponse('Body over 64 KB');
      responses['415'] = problemResponse('Body is not application/json');
      responses['422'] = problemResponse('A field is invalid; `errors` lists each one');
    }
    if (route.idempotent) responses['409'] = problemResponse('The Idempotency-Key was used before with a different body');
    if (route.method === 'post' && !route.staff) responses['429'] = problemResponse('Too many requests from this client');
    if (route.staff) responses['401'] = problemResponse('Missing or wrong staff token');
    for (const [status, description] of Object.entries(route.problems ?? {})) responses[status] = problemResponse(description);
    responses['500'] = problemResponse('Unexpected server error');
    (paths[route.path] ??= {})[route.method] = {
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } }
        : {}),
      ...(route.staff ? { security: [{ staffToken: [] }] } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'community-led-widgets reference API',
      version,
      description: 'The backend contract of the Community Led Support widgets. Errors are application/problem+json with a stable `code`.',
    },
    paths,
    components: {
      schemas: { Problem: schemaOf(Problem, 'output') },
      securitySchemes: { staffToken: { type: 'http', scheme: 'bearer', description: 'A staff token from `npm run staff -- create` (role worker or admin), or the server\'s STAFF_TOKEN (admin)' } },
    },
  };
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

/** A plain, self-contained HTML rendering of the document: no CDN scripts, so it works under the strict CSP. */
export function docsPage(routes: readonly RouteSpec[], document: Record<string, unknown>): string {
  const paths = document.paths as Record<string, Record<string, { requestBody?: unknown; responses: unknown; parameters?: unknown }>>;
  const sections = routes
    .map((route) => {
      const operation = paths[route.path]?.[route.method];
      const pre = (value: unknown) => `<pre>${escape(JSON.stringify(value, null, 2))}</pre>`;
      return `<section id="${escape(`${route.method}-${route.path}`)}">
  <h3><span class="method">${route.method.toUpperCase()}</span> <code>${escape(route.path)}</code></h3>
  <p>${escape(route.summary)}${route.staff ? ' <strong>(staff token)</strong>' : ''}</p>
  ${route.description ? `<p>${escape(route.description)}</p>` : ''}
  ${operation?.parameters ? `<details><summary>Parameters</summary>${pre(operation.parameters)}</details>` : ''}
  ${operation?.requestBody ? `<details><summary>Request body</summary>${pre(operation.requestBody)}</details>` : ''}
  <details><summary>Responses</summary>${pre(operation?.responses)}</details>
</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference – community-led-widgets</title>
<link rel="stylesheet" href="/docs.css">
</head>
<body>
<main>
<h1>community-led-widgets API</h1>
<p>Generated from the zod contract. Machine-readable: <a href="/openapi.json">/openapi.json</a>.</p>
<h2>Operations</h2>
${sections}
</main>
</body>
</html>`;
}

export const DOCS_CSS = `body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#0b0c0c}
main{max-width:60rem;margin:0 auto;padding:1rem}
section{border-top:1px solid #b1b4b6;padding:0.5rem 0}
.method{display:inline-block;min-width:4.5rem;font-weight:700;color:#1d70b8}
pre{background:#f3f2f1;padding:0.75rem;overflow:auto;font-size:0.875rem}
summary{cursor:pointer;color:#1d70b8}`;
