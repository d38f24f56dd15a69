import type { SurveyDefinition, SurveyQuestionType } from '@tropa/contracts';

/**
 * The builder's model of a survey and its conversion to and from the SurveyJS JSON
 * definition. Pure functions: no Angular, no HTTP.
 */

/** What the builder offers; `nps` is a SurveyJS `rating` from 0 to 10. */
export type BuilderQuestionKind = SurveyQuestionType | 'nps';
export const BUILDER_QUESTION_KINDS: readonly BuilderQuestionKind[] = [
  'text',
  'comment',
  'radiogroup',
  'checkbox',
  'dropdown',
  'rating',
  'nps',
  'boolean',
  'matrix',
];

export interface BuilderChoice {
  value: string;
  text: string;
}

/** "Show this question only if <question> = <value>" (for a multiple choice: contains). */
export interface VisibilityCondition {
  question: string;
  value: string;
}

export interface BuilderQuestion {
  /** A client-side key for lists and selection; not part of the definition. */
  id: string;
  kind: BuilderQuestionKind;
  name: string;
  /** False while the name still follows the title. */
  nameEdited: boolean;
  title: string;
  required: boolean;
  /** Choice questions: the options; matrix: the columns. */
  choices: BuilderChoice[];
  /** Matrix rows. */
  rows: BuilderChoice[];
  rateMin: number;
  rateMax: number;
  visibleIf: VisibilityCondition | null;
  /** Properties the builder does not edit, kept as they came (a pasted definition's extras). */
  extra: Record<string, unknown>;
}

/** What the builder form may change on a question (the id and kind stay). */
export type QuestionPatch = Partial<Omit<BuilderQuestion, 'id' | 'kind' | 'extra'>>;

export interface BuilderPage {
  id: string;
  name: string;
  questions: BuilderQuestion[];
  extra: Record<string, unknown>;
}

export interface BuilderState {
  pages: BuilderPage[];
  extra: Record<string, unknown>;
}

/** SurveyJS names the server accepts: letters, digits, spaces, dots, dashes, underscores. */
export const QUESTION_NAME_PATTERN = /^[\p{L}\p{N}_\-. ]{1,100}$/u;
const NAME_MAX = 40;

export const RATING_PRESETS = [
  { min: 1, max: 5 },
  { min: 1, max: 10 },
] as const;

const CHOICE_KINDS: readonly BuilderQuestionKind[] = ['radiogroup', 'checkbox', 'dropdown'];

export function hasChoices(kind: BuilderQuestionKind): boolean {
  return CHOICE_KINDS.includes(kind);
}

/** Questions whose answer is free text (candidates for a JTBD prompt). */
export function isOpenQuestion(type: SurveyQuestionType | BuilderQuestionKind): boolean {
  return type === 'text' || type === 'comment';
}

let sequence = 0;
/** A unique client-side id. */
export function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

/** A question name from its title: lower-case letters and digits joined by underscores. */
export function nameFromTitle(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, NAME_MAX)
    .replace(/_+$/g, '');
  return slug || 'question';
}

/** `base`, or `base_2`, `base_3`… whichever is not taken. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) {
    return base;
  }
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}_${suffix}`;
    if (!taken.has(candidate)) {
      return candidate;
    }
  }
}

export function allQuestions(state: BuilderState): BuilderQuestion[] {
  return state.pages.flatMap((page) => page.questions);
}

/** Texts of a new question in the UI language. */
export interface QuestionDefaults {
  title: string;
  option: (n: number) => string;
  row: (n: number) => string;
}

export const ENGLISH_DEFAULTS: QuestionDefaults = {
  title: 'New question',
  option: (n) => `Option ${n}`,
  row: (n) => `Row ${n}`,
};

export function newQuestion(
  kind: BuilderQuestionKind,
  taken: ReadonlySet<string>,
  defaults: QuestionDefaults = ENGLISH_DEFAULTS,
): BuilderQuestion {
  const rating = kind === 'nps' ? { rateMin: 0, rateMax: 10 } : { rateMin: 1, rateMax: 5 };
  const options = kind === 'matrix' ? ['1', '2', '3', '4', '5'].map(choice) : [1, 2].map((n) => choice(defaults.option(n)));
  return {
    id: nextId('q'),
    kind,
    name: uniqueName(nameFromTitle(defaults.title), taken),
    nameEdited: false,
    title: defaults.title,
    required: false,
    choices: hasChoices(kind) || kind === 'matrix' ? options : [],
    rows: kind === 'matrix' ? [1, 2].map((n) => choice(defaults.row(n))) : [],
    ...rating,
    visibleIf: null,
    extra: {},
  };
}

export function choice(text: string): BuilderChoice {
  return { value: text, text };
}

export function emptyBuilderState(): BuilderState {
  return { pages: [{ id: nextId('page'), name: 'page1', questions: [], extra: {} }], extra: {} };
}

// --- Builder → SurveyJS -----------------------------------------------------

function choiceJson(item: BuilderChoice): string | BuilderChoice {
  return item.value === item.text ? item.text : { value: item.value, text: item.text };
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A SurveyJS expression for the condition, typed after the question it depends on. */
export function visibleIfExpression(condition: VisibilityCondition, source: BuilderQuestion | undefined): string {
  const field = `{${condition.question}}`;
  switch (source?.kind) {
    case 'boolean':
      return `${field} = ${condition.value === 'true' ? 'true' : 'false'}`;
    case 'rating':
    case 'nps':
      return /^-?\d+$/.test(condition.value) ? `${field} = ${condition.value}` : `${field} = ${quote(condition.value)}`;
    case 'checkbox':
      return `${field} contains ${quote(condition.value)}`;
    case undefined:
    case 'text':
    case 'comment':
    case 'radiogroup':
    case 'dropdown':
    case 'matrix':
      return `${field} = ${quote(condition.value)}`;
  }
}

function questionJson(question: BuilderQuestion, byName: Map<string, BuilderQuestion>): Record<string, unknown> {
  const json: Record<string, unknown> = {
    // Kept as they came, including a condition the builder cannot show (pasted JSON).
    ...question.extra,
    type: question.kind === 'nps' ? 'rating' : question.kind,
    name: question.name,
    title: question.title,
  };
  if (question.required) {
    json['isRequired'] = true;
  } else {
    delete json['isRequired'];
  }
  switch (question.kind) {
    case 'radiogroup':
    case 'checkbox':
    case 'dropdown':
      json['choices'] = question.choices.map(choiceJson);
      break;
    case 'rating':
      json['rateMin'] = question.rateMin;
      json['rateMax'] = question.rateMax;
      break;
    case 'nps':
      json['rateMin'] = 0;
      json['rateMax'] = 10;
      break;
    case 'matrix':
      json['columns'] = question.choices.map(choiceJson);
      json['rows'] = question.rows.map(choiceJson);
      break;
    case 'text':
    case 'comment':
    case 'boolean':
      break;
  }
  if (question.visibleIf && question.visibleIf.question) {
    json['visibleIf'] = visibleIfExpression(question.visibleIf, byName.get(question.visibleIf.question));
  }
  return json;
}

/** The SurveyJS JSON definition of the builder's state. */
export function toDefinition(state: BuilderState): SurveyDefinition {
  const byName = new Map(allQuestions(state).map((question) => [question.name, question]));
  return {
    ...state.extra,
    pages: state.pages.map((page) => ({
      ...page.extra,
      name: page.name,
      elements: page.questions.map((question) => questionJson(question, byName)),
    })),
  };
}

// --- SurveyJS → builder -----------------------------------------------------

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown, fallback: string): string {
  if (typeof value === 'string') return value;
  if (isObject(value)) {
    const text = value['default'] ?? value['en'] ?? value['ru'] ?? Object.values(value)[0];
    if (typeof text === 'string') return text;
  }
  return fallback;
}

function readChoices(value: unknown): BuilderChoice[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): BuilderChoice[] => {
    if (typeof item === 'string' || typeof item === 'number') return [choice(String(item))];
    if (isObject(item) && (typeof item['value'] === 'string' || typeof item['value'] === 'number')) {
      const itemValue = String(item['value']);
      return [{ value: itemValue, text: textOf(item['text'], itemValue) }];
    }
    return [];
  });
}

const CONDITION = /^\s*\{([^}]+)\}\s*(=|==|contains)\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(true|false|-?\d+))\s*$/;

/** Reads "{q} = 'value'" (and the forms this builder writes); anything else → null. */
export function parseVisibleIf(expression: unknown): VisibilityCondition | null {
  if (typeof expression !== 'string') return null;
  const match = CONDITION.exec(expression);
  if (!match) return null;
  const raw = match[3] ?? match[4] ?? match[5] ?? '';
  return { question: match[1].trim(), value: raw.replace(/\\(.)/g, '$1') };
}

const KNOWN_TYPES: readonly string[] = ['text', 'comment', 'radiogroup', 'checkbox', 'dropdown', 'rating', 'boolean', 'matrix'];
const HANDLED = ['type', 'name', 'title', 'isRequired', 'choices', 'columns', 'rows', 'rateMin', 'rateMax'];

function readQuestion(element: Json): BuilderQuestion | null {
  const type = element['type'];
  if (typeof type !== 'string' || !KNOWN_TYPES.includes(type)) return null;
  const rateMin = typeof element['rateMin'] === 'number' ? element['rateMin'] : 1;
  const rateMax = typeof element['rateMax'] === 'number' ? element['rateMax'] : 5;
  const kind: BuilderQuestionKind = type === 'rating' && rateMin === 0 && rateMax === 10 ? 'nps' : (type as BuilderQuestionKind);
  const name = typeof element['name'] === 'string' ? element['name'] : '';
  const extra = Object.fromEntries(Object.entries(element).filter(([key]) => !HANDLED.includes(key)));
  const visibleIf = parseVisibleIf(element['visibleIf']);
  if (visibleIf) delete extra['visibleIf'];
  return {
    id: nextId('q'),
    kind,
    name,
    nameEdited: true,
    title: textOf(element['title'], name),
    required: element['isRequired'] === true,
    choices: readChoices(type === 'matrix' ? element['columns'] : element['choices']),
    rows: readChoices(element['rows']),
    rateMin,
    rateMax,
    visibleIf,
    extra,
  };
}

function readElements(elements: unknown): BuilderQuestion[] {
  if (!Array.isArray(elements)) return [];
  return elements.flatMap((element): BuilderQuestion[] => {
    if (!isObject(element)) return [];
    if (element['type'] === 'panel') return readElements(element['elements']);
    const question = readQuestion(element);
    return question ? [question] : [];
  });
}

/** The builder state of a definition; panels are flattened, unknown question types are left out. */
export function fromDefinition(definition: SurveyDefinition | null | undefined): BuilderState {
  if (!isObject(definition)) return emptyBuilderState();
  const { pages, elements, ...extra } = definition;
  let builderPages: BuilderPage[];
  if (Array.isArray(pages)) {
    builderPages = pages.filter(isObject).map((page, index) => {
      const { name, elements: pageElements, ...pageExtra } = page;
      return {
        id: nextId('page'),
        name: typeof name === 'string' && name ? name : `page${index + 1}`,
        questions: readElements(pageElements),
        extra: pageExtra,
      };
    });
  } else {
    builderPages = [{ id: nextId('page'), name: 'page1', questions: readElements(elements), extra: {} }];
  }
  return { pages: builderPages.length ? builderPages : emptyBuilderState().pages, extra };
}

// --- Checks before saving -----------------------------------------------------

export type BuilderProblemCode = 'nameInvalid' | 'nameTaken' | 'noChoices' | 'noRows' | 'rating';

export interface BuilderProblem {
  questionId: string;
  code: BuilderProblemCode;
}

/** What the server would refuse, found before a save. */
export function builderProblems(state: BuilderState): BuilderProblem[] {
  const problems: BuilderProblem[] = [];
  const seen = new Set<string>();
  for (const question of allQuestions(state)) {
    if (!QUESTION_NAME_PATTERN.test(question.name)) {
      problems.push({ questionId: question.id, code: 'nameInvalid' });
    } else if (seen.has(question.name)) {
      problems.push({ questionId: question.id, code: 'nameTaken' });
    }
    seen.add(question.name);
    if ((hasChoices(question.kind) || question.kind === 'matrix') && question.choices.filter((item) => item.value.trim()).length === 0) {
      problems.push({ questionId: question.id, code: 'noChoices' });
    }
    if (question.kind === 'matrix' && question.rows.filter((item) => item.value.trim()).length === 0) {
      problems.push({ questionId: question.id, code: 'noRows' });
    }
    if (
      question.kind === 'rating' &&
      (!Number.isInteger(question.rateMin) ||
        !Number.isInteger(question.rateMax) ||
        question.rateMin >= question.rateMax ||
        question.rateMax - question.rateMin > 20)
    ) {
      problems.push({ questionId: question.id, code: 'rating' });
    }
  }
  return problems;
}

/**
 * The question a server error path points at: `definition.pages[0].elements[2].choices`
 * → the third question of the first page. Null when the path names no question.
 */
export function questionAtPath(state: BuilderState, field: string): BuilderQuestion | null {
  const match = /^definition\.pages\[(\d+)\]\.elements\[(\d+)\]/.exec(field);
  if (match) {
    return state.pages[Number(match[1])]?.questions[Number(match[2])] ?? null;
  }
  const named = /^definition\.([^.[]+)$/.exec(field);
  if (named) {
    return allQuestions(state).find((question) => question.name === named[1]) ?? null;
  }
  return null;
}
