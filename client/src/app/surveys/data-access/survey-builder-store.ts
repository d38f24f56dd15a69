import { Injectable, computed, signal } from '@angular/core';
import type { FieldError, SurveyDefinition } from '@tropa/contracts';
import {
  allQuestions,
  builderProblems,
  emptyBuilderState,
  fromDefinition,
  nameFromTitle,
  newQuestion,
  nextId,
  questionAtPath,
  toDefinition,
  uniqueName,
} from '../model/survey-definition';
import type {
  BuilderPage,
  BuilderQuestion,
  BuilderQuestionKind,
  BuilderState,
  QuestionDefaults,
  QuestionPatch,
} from '../model/survey-definition';

export type JsonParseResult = { ok: true } | { ok: false; message: string };

/**
 * The survey builder's working copy: pages and questions, the SurveyJS definition made
 * from them, the checks the server would make, and the server's path-level errors.
 */
@Injectable()
export class SurveyBuilderStore {
  private readonly state = signal<BuilderState>(emptyBuilderState());
  private readonly savedJson = signal('');
  private readonly serverErrorList = signal<FieldError[]>([]);

  readonly pages = computed(() => this.state().pages);
  readonly questions = computed(() => allQuestions(this.state()));
  readonly definition = computed<SurveyDefinition>(() => toDefinition(this.state()));
  readonly json = computed(() => JSON.stringify(this.definition(), null, 2));
  readonly dirty = computed(() => this.json() !== this.savedJson());
  readonly problems = computed(() => builderProblems(this.state()));
  readonly problemsByQuestion = computed(() => {
    const map = new Map<string, string[]>();
    for (const problem of this.problems()) {
      map.set(problem.questionId, [...(map.get(problem.questionId) ?? []), problem.code]);
    }
    return map;
  });
  readonly serverErrors = this.serverErrorList.asReadonly();
  /** Server messages per question id, for errors whose path points into a question. */
  readonly serverErrorsByQuestion = computed(() => {
    const map = new Map<string, string[]>();
    for (const error of this.serverErrorList()) {
      const question = questionAtPath(this.state(), error.field);
      if (question) {
        map.set(question.id, [...(map.get(question.id) ?? []), error.message]);
      }
    }
    return map;
  });

  /** Starts from a stored definition; that definition counts as saved. */
  load(definition: SurveyDefinition | null | undefined): void {
    this.state.set(fromDefinition(definition));
    this.savedJson.set(this.json());
    this.serverErrorList.set([]);
  }

  markSaved(): void {
    this.savedJson.set(this.json());
    this.serverErrorList.set([]);
  }

  setServerErrors(errors: FieldError[]): void {
    this.serverErrorList.set(errors);
  }

  /** Replaces the whole survey with pasted or imported JSON. */
  applyJson(text: string): JsonParseResult {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error: unknown) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { ok: false, message: 'not a JSON object' };
    }
    this.state.set(fromDefinition(parsed as SurveyDefinition));
    this.serverErrorList.set([]);
    return { ok: true };
  }

  addPage(): void {
    this.state.update((state) => {
      const taken = new Set(state.pages.map((page) => page.name));
      const page: BuilderPage = { id: nextId('page'), name: uniqueName(`page${state.pages.length + 1}`, taken), questions: [], extra: {} };
      return { ...state, pages: [...state.pages, page] };
    });
  }

  /** Removes a page with its questions; the survey keeps at least one page. */
  removePage(pageId: string): void {
    this.state.update((state) =>
      state.pages.length <= 1 ? state : this.withoutDanglingConditions({ ...state, pages: state.pages.filter((page) => page.id !== pageId) }),
    );
  }

  addQuestion(kind: BuilderQuestionKind, pageId: string, defaults?: QuestionDefaults): BuilderQuestion {
    const question = newQuestion(kind, new Set(this.questions().map((item) => item.name)), defaults);
    this.state.update((state) => ({
      ...state,
      pages: state.pages.map((page) => (page.id === pageId ? { ...page, questions: [...page.questions, question] } : page)),
    }));
    return question;
  }

  removeQuestion(questionId: string): void {
    this.state.update((state) =>
      this.withoutDanglingConditions({
        ...state,
        pages: state.pages.map((page) => ({ ...page, questions: page.questions.filter((question) => question.id !== questionId) })),
      }),
    );
  }

  /** Moves a question up or down; past the top or bottom of its page it goes to the neighbouring page. */
  moveQuestion(questionId: string, delta: -1 | 1): void {
    this.state.update((state) => {
      const pageIndex = state.pages.findIndex((page) => page.questions.some((question) => question.id === questionId));
      if (pageIndex < 0) return state;
      const pages = state.pages.map((page) => ({ ...page, questions: [...page.questions] }));
      const questions = pages[pageIndex].questions;
      const index = questions.findIndex((question) => question.id === questionId);
      const target = index + delta;
      if (target >= 0 && target < questions.length) {
        [questions[index], questions[target]] = [questions[target], questions[index]];
      } else {
        const neighbour = pages[pageIndex + delta];
        if (!neighbour) return state;
        const [question] = questions.splice(index, 1);
        if (delta < 0) neighbour.questions.push(question);
        else neighbour.questions.unshift(question);
      }
      return { ...state, pages };
    });
  }

  /**
   * Changes a question. A new title renames a question whose name was never edited; a
   * rename also updates the conditions that refer to the old name.
   */
  updateQuestion(questionId: string, patch: QuestionPatch): void {
    this.state.update((state) => {
      const current = allQuestions(state).find((question) => question.id === questionId);
      if (!current) return state;
      const taken = new Set(allQuestions(state).filter((question) => question.id !== questionId).map((question) => question.name));
      const next: BuilderQuestion = { ...current, ...patch };
      if (patch.name !== undefined) {
        next.nameEdited = true;
      } else if (patch.title !== undefined && !current.nameEdited) {
        next.name = uniqueName(nameFromTitle(patch.title), taken);
      }
      if (patch.visibleIf === null) {
        // Clearing the condition also drops one the builder could not show.
        const { visibleIf: _dropped, ...extra } = next.extra;
        next.extra = extra;
      }
      const renamed = next.name !== current.name ? { from: current.name, to: next.name } : null;
      return {
        ...state,
        pages: state.pages.map((page) => ({
          ...page,
          questions: page.questions.map((question) => {
            if (question.id === questionId) return next;
            if (renamed && question.visibleIf?.question === renamed.from) {
              return { ...question, visibleIf: { ...question.visibleIf, question: renamed.to } };
            }
            return question;
          }),
        })),
      };
    });
  }

  /** Conditions on a question that no longer exists are dropped. */
  private withoutDanglingConditions(state: BuilderState): BuilderState {
    const names = new Set(allQuestions(state).map((question) => question.name));
    return {
      ...state,
      pages: state.pages.map((page) => ({
        ...page,
        questions: page.questions.map((question) =>
          question.visibleIf && !names.has(question.visibleIf.question) ? { ...question, visibleIf: null } : question,
        ),
      })),
    };
  }
}
