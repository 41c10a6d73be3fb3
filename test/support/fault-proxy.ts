import type { IncomingMessage, ServerResponse } from 'node:http';

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;
type Mode = 'down' | 'hang' | 'reset' | 'ok';

/**
 * The far side of the network, misbehaving on request, for element tests.
 *
 *   /faults/<name>/<mode>/api/v1/…   mode: down (503 problem), hang (no
 *                                    answer until released), reset (socket
 *                                    dropped), ok (passed to the real API)
 *   POST /faults/<name>/heal         later requests under <name> go to the
 *                                    real API whatever their mode, and held
 *                                    ones are released to it
 *   GET  /faults/<name>/count        how many API requests <name> received
 *
 * `name` keeps tests apart; nothing here is shared between names.
 */
export function faultProxy(api: Listener): Listener {
  const healed = new Set<string>();
  const counts = new Map<string, number>();
  const held = new Map<string, Array<() => void>>();

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, , name = '', action = '', ...rest] = url.pathname.split('/');
    if (action === 'heal' && req.method === 'POST') {
      healed.add(name);
      for (const release of held.get(name) ?? []) release();
      held.delete(name);
      res.writeHead(204).end();
      return;
    }
    if (action === 'count') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ count: counts.get(name) ?? 0 }));
      return;
    }
    const mode = (healed.has(name) ? 'ok' : action) as Mode;
    if (req.method !== 'OPTIONS') counts.set(name, (counts.get(name) ?? 0) + 1);
    const forward = () => {
      req.url = `/${rest.join('/')}${url.search}`;
      return api(req, res);
    };
    switch (mode) {
      case 'ok':
        return forward();
      case 'down':
        res
          .writeHead(503, { 'Content-Type': 'application/problem+json' })
          .end(JSON.stringify({ type: 'about:blank', title: 'Service unavailable', status: 503, code: 'internal-error' }));
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'hang': {
        const list = held.get(name) ?? [];
        list.push(() => void forward());
        held.set(name, list);
        return;
      }
      default:
        res.writeHead(404).end();
    }
  };
}
