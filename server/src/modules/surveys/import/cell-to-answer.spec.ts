import { questionInfo } from '../../../../test/factories/question.factory';
import { cellToAnswer, matchChoice, mergeAnswer } from './cell-to-answer';

const question = questionInfo;

const channels = question({
  name: 'channels',
  type: 'checkbox',
  choices: [
    { value: 'site', text: 'Сайт' },
    { value: 'app', text: 'Приложение' },
    { value: 'store', text: 'Магазин' },
  ],
});

describe('cellToAnswer', () => {
  it('should match a choice by its label in any letter case when the file holds labels', () => {
    expect(matchChoice(channels, '  приложение ')).toBe('app');
    expect(matchChoice(channels, 'SITE')).toBe('site');
    expect(matchChoice(channels, 'Телефон')).toBeNull();
  });

  it('should split a list cell into choices when options share one column', () => {
    expect(cellToAnswer(channels, 'Сайт, Магазин', { column: 0, question: 'channels' })).toEqual({ value: ['site', 'store'] });
    expect(cellToAnswer(channels, 'Сайт; Телепатия', { column: 0, question: 'channels' })).toEqual({ error: '"Телепатия" is not one of the choices' });
  });

  it('should read a mark as the chosen option when each option has its own column', () => {
    expect(cellToAnswer(channels, 'Приложение', { column: 3, question: 'channels', choice: 'app' })).toEqual({ value: ['app'] });
    expect(cellToAnswer(channels, '', { column: 3, question: 'channels', choice: 'app' })).toEqual({ empty: true });
  });

  it('should read ratings with a label after the number and refuse ones out of range', () => {
    const rating = question({ type: 'rating', rateMin: 1, rateMax: 5 });
    expect(cellToAnswer(rating, '4 - Хорошо', { column: 0, question: 'q' })).toEqual({ value: 4 });
    expect(cellToAnswer(rating, '7', { column: 0, question: 'q' })).toEqual({ error: '"7" is not a whole number from 1 to 5' });
    expect(cellToAnswer(rating, 'отлично', { column: 0, question: 'q' })).toHaveProperty('error');
  });

  it('should read yes and no in Russian and English', () => {
    const yesNo = question({ type: 'boolean', choices: [{ value: 'true', text: 'Да' }, { value: 'false', text: 'Нет' }] });
    expect(cellToAnswer(yesNo, 'Да', { column: 0, question: 'q' })).toEqual({ value: true });
    expect(cellToAnswer(yesNo, 'no', { column: 0, question: 'q' })).toEqual({ value: false });
    expect(cellToAnswer(yesNo, 'может быть', { column: 0, question: 'q' })).toHaveProperty('error');
  });

  it('should merge list columns of one question into one answer', () => {
    const answers = {};
    mergeAnswer(answers, channels, ['site']);
    mergeAnswer(answers, channels, ['store', 'site']);
    expect(answers).toEqual({ channels: ['site', 'store'] });
  });
});
