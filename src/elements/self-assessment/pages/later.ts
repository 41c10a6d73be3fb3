/**
 * The pages after the questions (the result, sending it, saved and sent), in
 * a chunk of their own: a resident who only starts, or never gets past the
 * first question, never downloads them. The element starts fetching them as
 * soon as the questions begin, and holds a render until they are here.
 */
export { resultPage, resultSummary } from './result.ts';
export { sendPage } from './send.ts';
export { savedPage, sentPage } from './done.ts';
