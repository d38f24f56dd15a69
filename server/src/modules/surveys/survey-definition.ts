import { SURVEY_QUESTION_TYPES, type FieldError, type SurveyDefinition, type SurveyQuestionInfo, type SurveyQuestionType } from '@tropa/contracts';
import { Model } from 'survey-core';

const MAX_QUESTIONS = 500;
const MAX_CHOICES = 500;
const NAME = /^[\p{L}\p{N}_\-. ]{1,100}$/u;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** SurveyJS titles may be plain strings or per-locale objects (`{ default, ru, en }`). */
function textOf(value: unknown, fallback: string): string {
  if (typeof value === 'string') return value;
  if (isObject(value)) {
    const text = value['default'] ?? value['ru'] ?? value['en'] ?? Object.values(value)[0];
    if (typeof text === 'string') return text;
  }
  return fallback;
}

class DefinitionReader {
  readonly problems: FieldError[] = [];
  readonly questions: SurveyQuestionInfo[] = [];
  private readonly names = new Set<string>();

  problem(path: string, message: string): void {
    if (this.problems.length < 20) this.problems.push({ field: path, message });
  }

  readElements(elements: unknown, path: string, page: number): void {
    if (!Array.isArray(elements)) return this.problem(path, 'must be a list of questions');
    elements.forEach((element, index) => this.readElement(element, `${path}[${index}]`, page));
  }

  private readElement(element: unknown, path: string, page: number): void {
    if (!isObject(element)) return this.problem(path, 'must be an object');
    const type = element['type'];
    if (type === 'panel') return this.readElements(element['elements'] ?? [], `${path}.elements`, page);
    if (typeof type !== 'string' || !(SURVEY_QUESTION_TYPES as readonly string[]).includes(type)) {
      return this.problem(`${path}.type`, `must be one of: panel, ${SURVEY_QUESTION_TYPES.join(', ')}`);
    }
    const name = element['name'];
    if (typeof name !== 'string' || !NAME.test(name)) {
      return this.problem(`${path}.name`, 'must be 1–100 letters, digits, spaces, dots, dashes or underscores');
    }
    if (this.names.has(name)) return this.problem(`${path}.name`, `"${name}" is used by another question`);
    this.names.add(name);
    if (this.questions.length >= MAX_QUESTIONS) return this.problem(path, `a survey can have at most ${MAX_QUESTIONS} questions`);
    const question: SurveyQuestionInfo = {
      name,
      title: textOf(element['title'], name),
      type: type as SurveyQuestionType,
      required: element['isRequired'] === true,
      choices: [],
      rateMin: null,
      rateMax: null,
      rows: [],
      page,
    };
    this.readDetails(question, element, path);
    this.questions.push(question);
  }

  private readItems(value: unknown, path: string): Array<{ value: string; text: string }> {
    if (!Array.isArray(value) || value.length === 0) {
      this.problem(path, 'must be a non-empty list');
      return [];
    }
    if (value.length > MAX_CHOICES) this.problem(path, `may have at most ${MAX_CHOICES} items`);
    return value.map((item, index) => {
      if (typeof item === 'string' || typeof item === 'number') return { value: String(item), text: String(item) };
      if (isObject(item) && (typeof item['value'] === 'string' || typeof item['value'] === 'number')) {
        return { value: String(item['value']), text: textOf(item['text'], String(item['value'])) };
      }
      this.problem(`${path}[${index}]`, 'must be a text, a number or { value, text }');
      return { value: '', text: '' };
    });
  }

  private readDetails(question: SurveyQuestionInfo, element: Json, path: string): void {
    switch (question.type) {
      case 'radiogroup':
      case 'checkbox':
      case 'dropdown':
        question.choices = this.readItems(element['choices'], `${path}.choices`);
        return;
      case 'rating': {
        const min = element['rateMin'] ?? 1;
        const max = element['rateMax'] ?? 5;
        if (!Number.isInteger(min) || !Number.isInteger(max) || (min as number) >= (max as number) || (max as number) - (min as number) > 20) {
          this.problem(`${path}.rateMax`, 'rateMin and rateMax must be whole numbers with rateMin < rateMax, at most 20 apart');
          return;
        }
        question.rateMin = min as number;
        question.rateMax = max as number;
        for (let value = question.rateMin; value <= question.rateMax; value += 1) question.choices.push({ value: String(value), text: String(value) });
        return;
      }
      case 'boolean':
        question.choices = [
          { value: 'true', text: textOf(element['labelTrue'], 'Yes') },
          { value: 'false', text: textOf(element['labelFalse'], 'No') },
        ];
        return;
      case 'matrix':
        question.choices = this.readItems(element['columns'], `${path}.columns`);
        question.rows = this.readItems(element['rows'], `${path}.rows`);
        return;
      case 'text':
      case 'comment':
        return;
    }
  }
}

export interface ReadDefinition {
  questions: SurveyQuestionInfo[];
}

/**
 * Validates a SurveyJS definition against the subset Tropa supports and lists its
 * questions. Problems come back with the JSON path at fault, e.g.
 * `definition.pages[0].elements[2].choices`.
 */
export function readDefinition(definition: unknown): { result: ReadDefinition | null; problems: FieldError[] } {
  const reader = new DefinitionReader();
  if (!isObject(definition)) {
    reader.problem('definition', 'must be a SurveyJS JSON object');
    return { result: null, problems: reader.problems };
  }
  if (Array.isArray(definition['pages'])) {
    definition['pages'].forEach((page, index) => {
      if (!isObject(page)) return reader.problem(`definition.pages[${index}]`, 'must be an object');
      reader.readElements(page['elements'] ?? [], `definition.pages[${index}].elements`, index);
    });
  } else if (definition['elements'] !== undefined) {
    reader.readElements(definition['elements'], 'definition.elements', 0);
  } else if (definition['pages'] !== undefined) {
    reader.problem('definition.pages', 'must be a list of pages');
  }
  if (reader.problems.length === 0) {
    // SurveyJS itself reports properties it does not know (misspelt or unsupported).
    const model = new Model(definition);
    for (const error of model.jsonErrors ?? []) {
      const owner = (error.element as { name?: string } | undefined)?.name;
      reader.problem(owner ? `definition.${owner}` : 'definition', error.message);
    }
  }
  return { result: reader.problems.length ? null : { questions: reader.questions }, problems: reader.problems };
}

export const EMPTY_DEFINITION: SurveyDefinition = { pages: [{ name: 'page1', elements: [] }] };
