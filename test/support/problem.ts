import assert from 'node:assert/strict';
import { Problem } from '../../src/contract/problem.ts';

/** Asserts an RFC 9457 problem with the stable code, and returns it. */
export async function expectProblem(response: Response, status: number, code: string) {
  const text = await response.text();
  assert.equal(response.status, status, text);
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  const problem = Problem.parse(JSON.parse(text));
  assert.equal(problem.status, status);
  assert.equal(problem.code, code);
  return problem;
}
