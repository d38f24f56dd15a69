import { aQuestion } from '../../testing/factories';
import { answeredQuestions } from './answer-text';

describe('answeredQuestions', () => {
  const yesNo = { yes: 'Yes', no: 'No' };

  it('should show every answer as text, with choice texts, yes/no and matrix rows', () => {
    const questions = [
      aQuestion({ name: 'heard', title: 'Heard?', type: 'radiogroup', choices: [{ value: 'f', text: 'A friend' }] }),
      aQuestion({ name: 'used', title: 'Used?', type: 'checkbox', choices: [{ value: 'w', text: 'Website' }, { value: 'a', text: 'App' }] }),
      aQuestion({ name: 'nps', title: 'NPS', type: 'rating' }),
      aQuestion({ name: 'bought', title: 'Bought?', type: 'boolean' }),
      aQuestion({ name: 'grid', title: 'Grid', type: 'matrix', rows: [{ value: 't', text: 'Taste' }], choices: [{ value: '5', text: 'Great' }] }),
      aQuestion({ name: 'skipped', title: 'Skipped', type: 'text' }),
    ];

    const answered = answeredQuestions(
      questions,
      { heard: 'f', used: ['w', 'a'], nps: 9, bought: false, grid: { t: '5' }, extra: '<script>x</script>' },
      yesNo,
    );

    expect(answered.map((item) => [item.title, item.text])).toEqual([
      ['Heard?', 'A friend'],
      ['Used?', 'Website, App'],
      ['NPS', '9'],
      ['Bought?', 'No'],
      ['Grid', 'Taste: Great'],
      ['Skipped', null],
      ['extra', '<script>x</script>'],
    ]);
  });
});
