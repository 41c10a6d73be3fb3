import * as z from 'zod/mini';

/** Languages every element and questionnaire ships complete. */
export const LANGUAGES = ['en', 'cy'] as const;
/** A language the widgets speak: the one type for it everywhere. */
export type Language = (typeof LANGUAGES)[number];
/** A language in a payload. */
export const LanguageSchema = z.enum(LANGUAGES);
