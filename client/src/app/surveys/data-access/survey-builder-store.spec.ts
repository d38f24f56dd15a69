import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Model } from 'survey-core';
import { SurveyBuilderStore } from './survey-builder-store';

type Elements = Array<Record<string, unknown>>;

describe('SurveyBuilderStore', () => {
  let builder: SurveyBuilderStore;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), SurveyBuilderStore] });
    builder = TestBed.inject(SurveyBuilderStore);
    builder.load({ pages: [{ name: 'page1', elements: [] }] });
  });

  const firstPage = (): string => builder.pages()[0].id;
  const elements = (page = 0): Elements => (builder.definition()['pages'] as Array<{ elements: Elements }>)[page].elements;

  it('should name a question after its title until the name is edited', () => {
    const question = builder.addQuestion('comment', firstPage());

    builder.updateQuestion(question.id, { title: 'What were you trying to get done?' });
    expect(elements()[0]['name']).toBe('what_were_you_trying_to_get_done');

    builder.updateQuestion(question.id, { name: 'job' });
    builder.updateQuestion(question.id, { title: 'What job did you hire us for?' });
    expect(elements()[0]).toMatchObject({ name: 'job', title: 'What job did you hire us for?' });
  });

  it('should give a new question a name no other question has', () => {
    builder.addQuestion('text', firstPage());
    builder.addQuestion('text', firstPage());

    expect(elements().map((element) => element['name'])).toEqual(['new_question', 'new_question_2']);
    expect(builder.problems()).toEqual([]);
  });

  it('should build a definition SurveyJS evaluates, with the condition following a renamed question', () => {
    const bought = builder.addQuestion('boolean', firstPage());
    const what = builder.addQuestion('text', firstPage());
    builder.updateQuestion(bought.id, { title: 'Did you buy?' });
    builder.updateQuestion(what.id, { title: 'What?', visibleIf: { question: 'did_you_buy', value: 'true' } });

    builder.updateQuestion(bought.id, { name: 'bought' });

    expect(elements()[1]['visibleIf']).toBe('{bought} = true');
    const model = new Model(builder.definition());
    expect(model.getQuestionByName('what').isVisible).toBe(false);
    model.setValue('bought', true);
    expect(model.getQuestionByName('what').isVisible).toBe(true);
  });

  it('should drop a condition on a question that is removed', () => {
    const source = builder.addQuestion('radiogroup', firstPage());
    const target = builder.addQuestion('text', firstPage());
    builder.updateQuestion(target.id, { visibleIf: { question: source.name, value: 'Option 1' } });

    builder.removeQuestion(source.id);

    expect(elements()).toHaveLength(1);
    expect(elements()[0]['visibleIf']).toBeUndefined();
  });

  it('should move a question within its page and on to the next page', () => {
    const first = builder.addQuestion('text', firstPage());
    builder.addQuestion('comment', firstPage());
    builder.addPage();

    builder.moveQuestion(first.id, 1);
    expect(elements().map((element) => element['type'])).toEqual(['comment', 'text']);

    builder.moveQuestion(first.id, 1);
    expect(elements(0).map((element) => element['type'])).toEqual(['comment']);
    expect(elements(1).map((element) => element['type'])).toEqual(['text']);
    expect(builder.definition()['pages']).toHaveLength(2);
  });

  it('should know there are unsaved changes until the save is marked', () => {
    expect(builder.dirty()).toBe(false);
    builder.addQuestion('text', firstPage());
    expect(builder.dirty()).toBe(true);

    builder.markSaved();

    expect(builder.dirty()).toBe(false);
  });

  it('should replace the survey with pasted JSON and refuse text that is not JSON', () => {
    expect(builder.applyJson('{ "pages": [ ')).toMatchObject({ ok: false });
    expect(builder.applyJson('[1, 2]')).toMatchObject({ ok: false });

    const result = builder.applyJson(JSON.stringify({ pages: [{ name: 'p', elements: [{ type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 }] }] }));

    expect(result).toEqual({ ok: true });
    expect(builder.questions().map((question) => question.kind)).toEqual(['nps']);
  });

  it('should put the server’s path-level errors on the question they name', () => {
    builder.addQuestion('text', firstPage());
    const choice = builder.addQuestion('radiogroup', firstPage());

    builder.setServerErrors([
      { field: 'definition.pages[0].elements[1].choices', message: 'must be a non-empty list' },
      { field: 'title', message: 'title should not be empty' },
    ]);

    expect(builder.serverErrorsByQuestion().get(choice.id)).toEqual(['must be a non-empty list']);
    expect(builder.serverErrorsByQuestion().size).toBe(1);
  });
});
