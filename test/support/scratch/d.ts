import { FeedbackInput } from '../../../src/contract/feedback.ts';
for (const n of [500, 501, 999, 1000, 1001]) { const e = '😀'.repeat(n); console.log(n, e.length, FeedbackInput.safeParse({ helpful: 1, ease: 1, comment: e }).success); }
