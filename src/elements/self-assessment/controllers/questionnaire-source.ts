import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, isAbort } from '../../../client/errors.ts';
import { QuestionnaireDefinition, QuestionnaireResponse, type LocalisedQuestionnaire } from '../../../contract/questionnaire.ts';
import { localiseQuestionnaire } from '../../../core/localise.ts';
import type { Language } from '../../../i18n/languages.ts';
import type { ApiController } from '../../base/api-controller.ts';

/**
 * The questionnaire in the person's language: the host's own `definition`,
 * or the server's. Loaded again when the questionnaire or the language
 * changes (a newer load cancels an older one), and when the element comes
 * back to the page after leaving it mid-load.
 */
export class QuestionnaireSource implements ReactiveController {
  private readonly task: Task<readonly [string, Language], LocalisedQuestionnaire>;

  constructor(
    host: ReactiveControllerHost,
    api: Pick<ApiController, 'get'>,
    options: {
      /** Which questionnaire: the definition's id, or the element's `questionnaire`. */
      id: () => string;
      lang: () => Language;
      definition: () => QuestionnaireDefinition | undefined;
      loaded: (questionnaire: LocalisedQuestionnaire) => void;
    },
  ) {
    host.addController(this);
    this.task = new Task(host, {
      task: async ([id, lang], { signal }) => {
        const definition = options.definition();
        if (definition) return localiseQuestionnaire(QuestionnaireDefinition.parse(definition), lang).questionnaire;
        return (await api.get(`questionnaires/${encodeURIComponent(id)}`, QuestionnaireResponse, { query: { lang }, signal })).questionnaire;
      },
      args: () => [options.id(), options.lang()] as const,
      onComplete: options.loaded,
    });
  }

  hostConnected(): void {
    if (this.task.status === TaskStatus.ERROR && isAbort(this.task.error)) void this.task.run();
  }

  /** Why the last load failed, if it did (not counting a load cancelled by leaving the page). */
  get failure(): ApiError | undefined {
    return this.task.status === TaskStatus.ERROR && !isAbort(this.task.error) ? ApiError.from(this.task.error) : undefined;
  }

  retry(): void {
    void this.task.run();
  }
}
