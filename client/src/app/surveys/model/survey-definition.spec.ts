import {
  builderProblems,
  emptyBuilderState,
  fromDefinition,
  nameFromTitle,
  newQuestion,
  parseVisibleIf,
  questionAtPath,
  toDefinition,
  uniqueName,
} from './survey-definition';
import type { BuilderQuestion, BuilderQuestionKind, BuilderState } from './survey-definition';

/** A builder state of one page holding `questions`. */
function stateOf(...questions: BuilderQuestion[]): BuilderState {
  const state = emptyBuilderState();
  return { ...state, pages: [{ ...state.pages[0], questions }] };
}

function question(kind: BuilderQuestionKind, name: string, overrides: Partial<BuilderQuestion> = {}): BuilderQuestion {
  return { ...newQuestion(kind, new Set()), name, title: name.toUpperCase(), nameEdited: true, ...overrides };
}

describe('survey definition', () => {
  it('should write every question type in the SurveyJS format when building the definition', () => {
    const state = stateOf(
      question('text', 'short', { required: true }),
      question('comment', 'long'),
      question('radiogroup', 'single', { choices: [{ value: 'a', text: 'a' }, { value: 'b', text: 'B text' }] }),
      question('checkbox', 'multi', { choices: [{ value: 'x', text: 'x' }] }),
      question('dropdown', 'pick', { choices: [{ value: 'one', text: 'one' }] }),
      question('rating', 'rate', { rateMin: 1, rateMax: 10 }),
      question('nps', 'nps'),
      question('boolean', 'yes'),
      question('matrix', 'grid', { choices: [{ value: '1', text: '1' }, { value: '2', text: '2' }], rows: [{ value: 'Taste', text: 'Taste' }] }),
    );

    expect(toDefinition(state)).toEqual({
      pages: [
        {
          name: 'page1',
          elements: [
            { type: 'text', name: 'short', title: 'SHORT', isRequired: true },
            { type: 'comment', name: 'long', title: 'LONG' },
            { type: 'radiogroup', name: 'single', title: 'SINGLE', choices: ['a', { value: 'b', text: 'B text' }] },
            { type: 'checkbox', name: 'multi', title: 'MULTI', choices: ['x'] },
            { type: 'dropdown', name: 'pick', title: 'PICK', choices: ['one'] },
            { type: 'rating', name: 'rate', title: 'RATE', rateMin: 1, rateMax: 10 },
            { type: 'rating', name: 'nps', title: 'NPS', rateMin: 0, rateMax: 10 },
            { type: 'boolean', name: 'yes', title: 'YES' },
            { type: 'matrix', name: 'grid', title: 'GRID', columns: ['1', '2'], rows: ['Taste'] },
          ],
        },
      ],
    });
  });

  it.each<[BuilderQuestionKind, string, string]>([
    ['radiogroup', 'A friend', "{source} = 'A friend'"],
    ['dropdown', "Don't know", "{source} = 'Don\\'t know'"],
    ['checkbox', 'Website', "{source} contains 'Website'"],
    ['boolean', 'true', '{source} = true'],
    ['boolean', 'false', '{source} = false'],
    ['nps', '9', '{source} = 9'],
    ['text', 'hello', "{source} = 'hello'"],
  ])('should write "show if" on a %s question as a SurveyJS visibleIf when the value is %j', (kind, value, expression) => {
    const state = stateOf(question(kind, 'source'), question('text', 'target', { visibleIf: { question: 'source', value } }));

    const elements = (toDefinition(state)['pages'] as Array<{ elements: Array<Record<string, unknown>> }>)[0].elements;

    expect(elements[1]['visibleIf']).toBe(expression);
    expect(parseVisibleIf(expression)).toEqual({ question: 'source', value });
  });

  it('should read back what it writes when a definition is loaded', () => {
    const state = stateOf(
      question('boolean', 'bought'),
      question('nps', 'nps', { required: true }),
      question('text', 'what', { visibleIf: { question: 'bought', value: 'true' } }),
    );
    const definition = toDefinition(state);

    const loaded = fromDefinition(definition);

    expect(loaded.pages[0].questions.map((item) => [item.kind, item.name, item.required, item.visibleIf])).toEqual([
      ['boolean', 'bought', false, null],
      ['nps', 'nps', true, null],
      ['text', 'what', false, { question: 'bought', value: 'true' }],
    ]);
    expect(toDefinition(loaded)).toEqual(definition);
  });

  it('should keep properties and conditions it cannot edit when a pasted definition goes through the builder', () => {
    const pasted = {
      showProgressBar: 'top',
      elements: [
        { type: 'panel', name: 'p', elements: [{ type: 'text', name: 'age', inputType: 'number', visibleIf: '{x} > 3 and {y} notempty' }] },
        { type: 'signaturepad', name: 'unsupported' },
      ],
    };

    const definition = toDefinition(fromDefinition(pasted));

    expect(definition).toEqual({
      showProgressBar: 'top',
      pages: [
        {
          name: 'page1',
          elements: [{ type: 'text', name: 'age', title: 'age', inputType: 'number', visibleIf: '{x} > 3 and {y} notempty' }],
        },
      ],
    });
  });

  it('should make names from titles in any language and keep them unique', () => {
    expect(nameFromTitle('What were you trying to get done?')).toBe('what_were_you_trying_to_get_done');
    expect(nameFromTitle('Откуда вы о нас узнали?')).toBe('откуда_вы_о_нас_узнали');
    expect(nameFromTitle('???')).toBe('question');
    expect(uniqueName('age', new Set(['age', 'age_2']))).toBe('age_3');
  });

  it('should report names the server would refuse and choice questions without choices', () => {
    const state = stateOf(
      question('text', 'same'),
      question('text', 'same'),
      question('text', 'bad{name}'),
      question('radiogroup', 'empty', { choices: [] }),
      question('rating', 'scale', { rateMin: 5, rateMax: 1 }),
    );

    expect(builderProblems(state).map((problem) => problem.code)).toEqual(['nameTaken', 'nameInvalid', 'noChoices', 'rating']);
  });

  it('should find the question a server error path points at', () => {
    const state = stateOf(question('text', 'first'), question('radiogroup', 'second'));

    expect(questionAtPath(state, 'definition.pages[0].elements[1].choices')?.name).toBe('second');
    expect(questionAtPath(state, 'definition.first')?.name).toBe('first');
    expect(questionAtPath(state, 'definition.pages[3].elements[0]')).toBeNull();
    expect(questionAtPath(state, 'title')).toBeNull();
  });
});
