import { html, nothing, type TemplateResult } from 'lit';
import { WHAT_MATTERS_MAX } from '../../../contract/staff.ts';
import { VISIT_OUTCOMES, type VisitConfig, type VisitOption } from '../../../core/visits.ts';
import type { VisitDraft } from '../../../core/visit-draft.ts';
import type { HeadingLevels } from '../../../core/heading-level.ts';
import type { LocaleController } from '../../../i18n/locale-controller.ts';
import { button } from '../../../shared-ui/button.ts';
import { characterCountMessage } from '../../../shared-ui/character-count.ts';
import { choiceGroup, firstChoiceId } from '../../../shared-ui/choice-group.ts';
import { describedBy, errorMessage, textArea, textInput } from '../../../shared-ui/field.ts';
import type { FormErrors } from '../../base/form-errors.ts';

/** Contract fields → the input an error-summary link focuses. */
export const VISIT_ERROR_TARGETS: Readonly<Record<string, string>> = {
  hubId: 'visit-hub',
  occurredAt: 'visit-date',
  worker: 'visit-worker',
  heardAbout: firstChoiceId('visit-heard'),
  ageBand: firstChoiceId('visit-age'),
  outcode: 'visit-outcode',
  whatMatters: 'visit-what-matters',
  outcomes: firstChoiceId('visit-outcomes'),
  followUp: 'visit-follow-up',
  wellbeing: firstChoiceId('visit-wellbeing-0'),
  personRef: 'visit-person-ref',
};

export interface VisitFormContext {
  locale: LocaleController;
  headings: HeadingLevels;
  errors: FormErrors;
  config: VisitConfig;
  hubs: readonly { id: string; name: string }[];
  draft: VisitDraft;
  /** Correcting a stored visit rather than recording a new one. */
  editing: boolean;
  busy: boolean;
  change: (change: Partial<VisitDraft>) => void;
  /** `another`: "save and record another". */
  save: (another: boolean) => void;
  cancel: () => void;
}

const SCORES = ['1', '2', '3', '4', '5'] as const;

/** "Record a conversation": every field of the issue, labels and lists from configuration, in under a minute. */
export function renderVisitForm(context: VisitFormContext): TemplateResult {
  const { t, lang } = context.locale;
  const { draft, errors, config } = context;
  const messages = { errorPrefix: t('errorPrefix'), optional: t('optional') };
  const label = (field: string) => config.labels[field]?.[lang] ?? t(`record.${field}.label`);
  const options = (list: readonly VisitOption[]) => list.map((option) => ({ value: option.id, label: option[lang] }));
  const count = characterCountMessage(context.locale, draft.whatMatters, WHAT_MATTERS_MAX);
  const hubError = errors.text('hubId');
  const timeError = errors.text('occurredAt');
  return html`<section aria-labelledby="record-heading">
    <div class="heading-m" role="heading" aria-level=${context.headings.sub} id="record-heading" tabindex="-1">${t(context.editing ? 'record.editHeading' : 'record.heading')}</div>
    ${errors.summary(context.headings.sub)}
    <form novalidate part="form" @submit=${(event: SubmitEvent) => (event.preventDefault(), context.save(false))}>
      <div class="form-group ${hubError ? 'form-group--error' : ''}" part="field">
        <label class="label" for="visit-hub">${label('hubId')}</label>
        ${errorMessage('visit-hub', hubError, messages.errorPrefix)}
        <select class="input" id="visit-hub" name="hubId" aria-describedby=${describedBy('visit-hub', { error: hubError })}
          @change=${(event: Event) => context.change({ hubId: (event.target as HTMLSelectElement).value })}>
          ${context.hubs.map((hub) => html`<option value=${hub.id} ?selected=${hub.id === draft.hubId}>${hub.name}</option>`)}
        </select>
      </div>
      <div class="when">
        ${textInput({ id: 'visit-date', name: 'date', type: 'date', label: label('date'), value: draft.date, error: timeError, messages, onInput: (date) => context.change({ date }) })}
        ${textInput({ id: 'visit-time', name: 'time', type: 'time', label: label('time'), value: draft.time, messages, onInput: (time) => context.change({ time }) })}
      </div>
      ${textInput({
        id: 'visit-worker', name: 'worker', label: label('worker'), hint: t('record.worker.hint'), value: draft.worker, widthClass: 'input--width-5',
        error: errors.text('worker'), messages, onInput: (worker) => context.change({ worker }),
      })}
      <div class="compact">${choiceGroup({
        id: 'visit-heard', name: 'heardAbout', legend: label('heardAbout'), optional: true, choices: options(config.heardAbout), value: draft.heardAbout,
        error: errors.text('heardAbout'), messages, onChange: (heardAbout) => context.change({ heardAbout }),
      })}</div>
      <div class="compact">${choiceGroup({
        id: 'visit-age', name: 'ageBand', legend: label('ageBand'), optional: true, choices: options(config.ageBands), value: draft.ageBand,
        error: errors.text('ageBand'), messages, onChange: (ageBand) => context.change({ ageBand }),
      })}</div>
      ${textInput({
        id: 'visit-outcode', name: 'outcode', label: label('outcode'), hint: t('record.outcode.hint'), optional: true, value: draft.outcode, widthClass: 'input--width-10',
        error: errors.text('outcode'), messages, onInput: (outcode) => context.change({ outcode }),
      })}
      ${textArea({
        id: 'visit-what-matters', name: 'whatMatters', label: label('whatMatters'), hint: t('record.whatMatters.hint'), optional: true, rows: 2, value: draft.whatMatters,
        count: { text: count.text, over: count.over }, error: errors.text('whatMatters'), messages, onInput: (whatMatters) => context.change({ whatMatters }),
      })}
      <div class="compact">${choiceGroup({
        id: 'visit-outcomes', name: 'outcomes', legend: label('outcomes'), hint: t('record.outcomes.hint'), multiple: true,
        choices: VISIT_OUTCOMES.map((outcome) => ({ value: outcome, label: config.outcomes[outcome][lang] })), value: draft.outcomes,
        error: errors.text('outcomes'), messages,
        onChange: (outcome, checked) => context.change({ outcomes: checked ? [...draft.outcomes, outcome] : draft.outcomes.filter((chosen) => chosen !== outcome) }),
      })}</div>
      ${textInput({ id: 'visit-follow-up', name: 'followUp', type: 'date', label: label('followUp'), optional: true, value: draft.followUp, error: errors.text('followUp'), messages, onInput: (followUp) => context.change({ followUp }) })}
      ${config.wellbeing.length ? renderWellbeing(context, label('wellbeing')) : nothing}
      ${textInput({
        id: 'visit-person-ref', name: 'personRef', label: label('personRef'), hint: t('record.personRef.hint'), optional: true, value: draft.personRef, widthClass: 'input--width-20',
        error: errors.text('personRef'), messages, onInput: (personRef) => context.change({ personRef }),
      })}
      <div class="actions">
        ${context.editing
          ? html`${button({ label: t('record.saveChanges'), type: 'submit', busy: context.busy, busyLabel: t('record.saving') })}
              ${button({ label: t('record.cancel'), variant: 'secondary', onClick: context.cancel })}`
          : html`${button({ label: t('record.save'), type: 'submit', busy: context.busy, busyLabel: t('record.saving') })}
              ${button({ label: t('record.saveAndAnother'), variant: 'secondary', busy: context.busy, onClick: () => context.save(true) })}`}
      </div>
    </form>
  </section>`;
}

/** One optional 1–5 score per configured statement. */
function renderWellbeing(context: VisitFormContext, legend: string): TemplateResult {
  const { t, lang } = context.locale;
  const messages = { errorPrefix: t('errorPrefix'), optional: t('optional') };
  return html`<fieldset class="form-group wellbeing" part="field">
    <legend class="legend">${legend} ${t('optional')}</legend>
    <div class="hint">${t('record.wellbeing.hint')}</div>
    ${context.config.wellbeing.map((statement, index) =>
      choiceGroup({
        id: `visit-wellbeing-${index}`,
        name: `wellbeing-${statement.id}`,
        legend: statement[lang],
        choices: SCORES.map((score) => ({ value: score, label: context.locale.number(Number(score)) })),
        value: context.draft.wellbeing[statement.id],
        messages,
        onChange: (score) => context.change({ wellbeing: { ...context.draft.wellbeing, [statement.id]: score } }),
      }),
    )}
  </fieldset>`;
}
