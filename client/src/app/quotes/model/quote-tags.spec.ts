import { groupTagApplications } from './quote-tags';

describe('groupTagApplications', () => {
  it('should list each tag once with every coder who applied it when coders agree', () => {
    const groups = groupTagApplications([
      { tagId: 'pain', appliedBy: 'anna' },
      { tagId: 'joy', appliedBy: 'anna' },
      { tagId: 'pain', appliedBy: 'igor' },
    ]);

    expect(groups).toEqual([
      { tagId: 'pain', appliedBy: ['anna', 'igor'] },
      { tagId: 'joy', appliedBy: ['anna'] },
    ]);
  });

  it('should keep an application whose coder is unknown', () => {
    expect(groupTagApplications([{ tagId: 'pain', appliedBy: null }])).toEqual([{ tagId: 'pain', appliedBy: [null] }]);
  });

  it('should give nothing for an untagged quote', () => {
    expect(groupTagApplications([])).toEqual([]);
  });
});
