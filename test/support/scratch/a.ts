import { FeedbackInput } from '../../../src/contract/feedback.ts';
import { fieldErrors } from '../../../src/core/field-errors.ts';
const cases: unknown[] = [
  { helpful: 0, ease: 6 }, { helpful: 2.5, ease: '3' }, {}, { helpful: 1, ease: 1, comment: 'a'.repeat(1001) },
  { helpful: 1, ease: 1, hub: '   ' }, { helpful: 1, ease: 1, hub: 'x'.repeat(121), lang: 'fr' }, { helpful: null, ease: 1 }, { helpful: 1, ease: 1, comment: 5 },
];
for (const c of cases) { const r = FeedbackInput.safeParse(c); console.log(JSON.stringify(r.success ? r.data : r.error.issues.map(i => [i.code, i.path, (i as {origin?:string}).origin, i.message]))); if (!r.success) console.log(fieldErrors(r.error.issues, c)); }
console.log(FeedbackInput.safeParse({ helpful: 5, ease: 5, comment: '  ' + 'a'.repeat(1000) + '\n ' }).success);
console.log(FeedbackInput.safeParse({ helpful: 5, ease: 5, comment: '   ' }));
import { toJSONSchema } from 'zod/v4/core';
console.log(JSON.stringify(toJSONSchema(FeedbackInput, { io: 'input', unrepresentable: 'any' }), null, 1));
console.log(new Intl.DateTimeFormat('cy-GB', {dateStyle:'long', timeZone:'Europe/London'}).format(new Date('2026-06-30T23:30:00Z')));
console.log(new Intl.PluralRules('cy').resolvedOptions().pluralCategories);
