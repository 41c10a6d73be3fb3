import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LocalisedQuestionnaire, QuestionnaireDefinition, QuestionnaireResponse } from '../../src/contract/questionnaire.ts';
import { languageGaps, localiseQuestionnaire } from '../../src/core/localise.ts';

/** Both languages everywhere: `[en] name` / `[cy] name`, so each text shows where it came from. */
const t = (name: string) => ({ en: `[en] ${name}`, cy: `[cy] ${name}` });

/** A definition with a text at every position the schema has one. */
function everyPosition(): QuestionnaireDefinition {
  return QuestionnaireDefinition.parse({
    id: 'every-position',
    version: 3,
    title: t('title'),
    intro: [t('intro 0'), t('intro 1')],
    minutes: 5,
    consent: t('consent'),
    questions: [
      {
        id: 'live-alone',
        type: 'single',
        title: t('q0 title'),
        hint: t('q0 hint'),
        options: [
          { value: 'yes', label: t('q0 o0 label'), hint: t('q0 o0 hint') },
          { value: 'no', label: t('q0 o1 label'), followUp: { label: t('q0 o1 followUp label'), hint: t('q0 o1 followUp hint') } },
        ],
      },
      {
        id: 'people',
        type: 'number',
        title: t('q1 title'),
        suffix: t('q1 suffix'),
        showIf: { question: 'live-alone', equals: 'no' },
      },
      { id: 'coping', type: 'scale', title: t('q2 title'), minLabel: t('q2 minLabel'), maxLabel: t('q2 maxLabel') },
      { id: 'about', type: 'info', title: t('q3 title'), body: [t('q3 body 0'), t('q3 body 1')] },
      { id: 'postcode', type: 'postcode', title: t('q4 title') },
    ],
    outcomes: {
      areas: [{ area: 'relationships', label: t('area 0 label'), when: { all: [{ question: 'live-alone', equals: 'yes' }, { question: 'coping', atMost: 2 }] }, searchTerms: ['befriending'] }],
      strengths: ['people'],
      nextSteps: [
        { step: 'urgent', when: { question: 'coping', atMost: 1 }, title: t('step 0 title'), body: t('step 0 body') },
        { step: 'community', title: t('step 1 title'), body: t('step 1 body') },
      ],
    },
  });
}

/** Every text position of {@link everyPosition}, by path, with the name its text carries. */
const POSITIONS: Record<string, string> = {
  title: 'title',
  'intro.0': 'intro 0',
  'intro.1': 'intro 1',
  consent: 'consent',
  'questions.0.title': 'q0 title',
  'questions.0.hint': 'q0 hint',
  'questions.0.options.0.label': 'q0 o0 label',
  'questions.0.options.0.hint': 'q0 o0 hint',
  'questions.0.options.1.label': 'q0 o1 label',
  'questions.0.options.1.followUp.label': 'q0 o1 followUp label',
  'questions.0.options.1.followUp.hint': 'q0 o1 followUp hint',
  'questions.1.title': 'q1 title',
  'questions.1.suffix': 'q1 suffix',
  'questions.2.title': 'q2 title',
  'questions.2.minLabel': 'q2 minLabel',
  'questions.2.maxLabel': 'q2 maxLabel',
  'questions.3.title': 'q3 title',
  'questions.3.body.0': 'q3 body 0',
  'questions.3.body.1': 'q3 body 1',
  'questions.4.title': 'q4 title',
  'outcomes.areas.0.label': 'area 0 label',
  'outcomes.nextSteps.0.title': 'step 0 title',
  'outcomes.nextSteps.0.body': 'step 0 body',
  'outcomes.nextSteps.1.title': 'step 1 title',
  'outcomes.nextSteps.1.body': 'step 1 body',
};

/** The value at a dotted path. */
function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

/** Sets a source text at `path` (a LocalText) to `text`. */
function edit(definition: QuestionnaireDefinition, path: string, change: (text: Record<string, string>) => void): void {
  change(at(definition, path) as Record<string, string>);
}

/** Every string in a value with its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => strings(child, path ? `${path}.${key}` : key));
}

describe('localiseQuestionnaire', () => {
  it('gives every text position in Welsh when asked for Welsh, with no fallbacks', () => {
    const { questionnaire, fallbacks } = localiseQuestionnaire(everyPosition(), 'cy');
    assert.deepEqual(fallbacks, []);
    for (const [path, name] of Object.entries(POSITIONS)) assert.equal(at(questionnaire, path), `[cy] ${name}`, path);
    const texts = strings(questionnaire).filter(([, value]) => value.startsWith('[')).map(([path]) => path);
    assert.deepEqual(texts.sort(), Object.keys(POSITIONS).sort(), 'no text position is missed, and nothing else is treated as text');
  });

  it('gives every text in English when asked for English, even where Welsh is missing', () => {
    const definition = everyPosition();
    edit(definition, 'questions.0.options.1.label', (text) => delete text.cy);
    const { questionnaire, fallbacks } = localiseQuestionnaire(definition, 'en');
    assert.deepEqual(fallbacks, []);
    for (const [path, name] of Object.entries(POSITIONS)) assert.equal(at(questionnaire, path), `[en] ${name}`, path);
  });

  it('falls back to English per text, listing the path of each text shown in English', () => {
    const definition = everyPosition();
    const missing = ['intro.1', 'questions.0.options.1.label', 'questions.0.options.1.followUp.hint', 'questions.3.body.0', 'outcomes.areas.0.label', 'outcomes.nextSteps.1.body'];
    for (const path of missing) edit(definition, path, (text) => delete text.cy);
    edit(definition, 'questions.2.maxLabel', (text) => (text.cy = '   '));
    const { questionnaire, fallbacks } = localiseQuestionnaire(definition, 'cy');
    const expected = [...missing, 'questions.2.maxLabel'];
    assert.deepEqual([...fallbacks].sort(), [...expected].sort());
    for (const [path, name] of Object.entries(POSITIONS)) {
      assert.equal(at(questionnaire, path), `${expected.includes(path) ? '[en]' : '[cy]'} ${name}`, path);
    }
  });

  it('answers in the shape the contract describes, leaving values, conditions and search terms as authored', () => {
    const definition = everyPosition();
    const localised = localiseQuestionnaire(definition, 'cy');
    const parsed = LocalisedQuestionnaire.parse(localised.questionnaire);
    assert.deepEqual(parsed, localised.questionnaire);
    QuestionnaireResponse.parse({ lang: 'cy', ...localised });
    const question = parsed.questions[1];
    assert.ok(question?.type === 'number');
    assert.deepEqual(question.showIf, { question: 'live-alone', equals: 'no' });
    assert.equal(question.integer, true, 'defaults are kept');
    assert.deepEqual(parsed.outcomes.areas[0]?.when, { all: [{ question: 'live-alone', equals: 'yes' }, { question: 'coping', atMost: 2 }] });
    assert.deepEqual(parsed.outcomes.areas[0]?.searchTerms, ['befriending']);
    assert.deepEqual(parsed.outcomes.strengths, ['people']);
    assert.equal(parsed.questions[0]?.type === 'single' && parsed.questions[0].options[1]?.value, 'no');
    assert.equal(parsed.questions[0]?.type === 'single' && parsed.questions[0].options[1]?.followUp?.maxLength, 500);
    assert.deepEqual([parsed.id, parsed.version, parsed.minutes], ['every-position', 3, 5]);
  });

  it('treats an answer value that looks like text, and other languages, as nothing special', () => {
    const definition = everyPosition();
    const title = at(definition, 'title') as Record<string, string>;
    title.pl = 'Tytuł';
    const area = definition.outcomes.areas[0];
    assert.ok(area);
    area.when = { question: 'live-alone', equals: 'label' };
    const { questionnaire } = localiseQuestionnaire(definition, 'cy');
    assert.equal(questionnaire.title, '[cy] title');
    assert.deepEqual(questionnaire.outcomes.areas[0]?.when, { question: 'live-alone', equals: 'label' });
  });

  it('does not change the definition it is given', () => {
    const definition = everyPosition();
    const before = structuredClone(definition);
    localiseQuestionnaire(definition, 'cy');
    assert.deepEqual(definition, before);
  });
});

describe('languageGaps', () => {
  it('lists the Welsh texts missing, by path', () => {
    const definition = everyPosition();
    assert.deepEqual(languageGaps(definition), { cy: [] });
    edit(definition, 'consent', (text) => delete text.cy);
    edit(definition, 'questions.2.minLabel', (text) => delete text.cy);
    assert.deepEqual(languageGaps(definition), { cy: ['consent', 'questions.2.minLabel'] });
  });
});
