import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod/mini';
import { QuestionnaireDefinition } from '../src/contract/questionnaire.ts';
import { languageGaps } from '../src/core/localise.ts';
import { SERVER_ROOT } from './paths.ts';

/**
 * Questionnaires are content: one JSON file per questionnaire in a folder
 * (`server/questionnaires/` unless QUESTIONNAIRES_DIR says otherwise). They
 * are read once at start-up, and any file that is not a valid definition
 * stops the server with a message naming the file and what is wrong.
 */

export const DEFAULT_QUESTIONNAIRES_DIR = join(SERVER_ROOT, 'questionnaires');

function fail(file: string, reason: string): never {
  throw new Error(`Invalid questionnaire ${file}: ${reason}`);
}

/** Reads and checks one definition file. */
export function readQuestionnaire(file: string): QuestionnaireDefinition {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(file, error instanceof SyntaxError ? `not valid JSON: ${error.message}` : `could not be read (${(error as Error).message})`);
  }
  // English messages whatever the process's zod configuration (zod/mini has none by default).
  const parsed = QuestionnaireDefinition.safeParse(json, { error: z.locales.en().localeError });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`);
    fail(file, issues.join('; '));
  }
  // The schema's own cross-checks (unique ids, conditions naming real questions) came through as issues above.
  return parsed.data;
}

/**
 * Every `*.json` in `dir` (in name order), by questionnaire id. A folder that
 * is missing or empty means no questionnaires. Throws on the first invalid
 * file, and on an id defined in two files.
 */
export function loadQuestionnaires(dir: string = DEFAULT_QUESTIONNAIRES_DIR): Map<string, QuestionnaireDefinition> {
  const found = new Map<string, QuestionnaireDefinition>();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return found;
  const fileOf = new Map<string, string>();
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const name of files) {
    const file = resolve(dir, name);
    const definition = readQuestionnaire(file);
    const other = fileOf.get(definition.id);
    if (other) fail(file, `id "${definition.id}" is already used by ${other}`);
    fileOf.set(definition.id, file);
    found.set(definition.id, definition);
  }
  return found;
}

/** One line per questionnaire for the start-up log: id, version, and the Welsh texts missing (shown in English). */
export function questionnaireSummary(questionnaires: ReadonlyMap<string, QuestionnaireDefinition>): string[] {
  return [...questionnaires.values()].map((definition) => {
    const gaps = languageGaps(definition).cy;
    const welsh = gaps.length ? `${gaps.length} Welsh text${gaps.length === 1 ? '' : 's'} missing, shown in English: ${gaps.join(', ')}` : 'complete in Welsh';
    return `${definition.id} v${definition.version} (${welsh})`;
  });
}
