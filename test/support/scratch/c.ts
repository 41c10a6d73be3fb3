import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod/mini';
import { ApiClient } from '../../../src/client/client.ts';
const server = createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.write('{"a":'); /* never ends */ });
await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
const port = (server.address() as AddressInfo).port;
const c = new ApiClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 200, retries: 0 });
const t = setTimeout(() => { console.log('STILL HANGING after 3s'); server.closeAllConnections(); server.close(); }, 3000);
try { console.log(await c.get('x', z.object({ a: z.number() }))); } catch (e) { console.log('error', (e as Error).name, (e as {kind?:string}).kind, (e as Error).message); }
clearTimeout(t); server.closeAllConnections(); server.close();
const c2 = new ApiClient({ baseUrl: '/api/v1' });
console.log(c2.url('/feedback', { a: 1, b: undefined, q: 'x y&z' }), c2.url('feedback'));
console.log(new ApiClient({ baseUrl: 'https://x.example/api/v1///' }).url('//staff/feedback'));
console.log(new ApiClient({ baseUrl: 'https://x.example/api/v1?key=1' }).url('feedback'));
