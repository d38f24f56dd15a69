import { predictNaiveBayes, trainNaiveBayes } from './index';

describe('naive Bayes', () => {
  const examples = [
    { features: ['a', 'b'], label: 'x' },
    { features: ['a', 'c'], label: 'x' },
    { features: ['a', 'b', 'c'], label: 'x' },
    { features: ['d', 'e'], label: 'y' },
    { features: ['d', 'f'], label: 'y' },
    { features: ['e', 'f'], label: 'y' },
  ];

  it('should give probabilities that sum to one when features are known', () => {
    const model = trainNaiveBayes(examples);
    const probs = predictNaiveBayes(model, ['a', 'b']);
    expect(probs).not.toBeNull();
    const values = [...(probs ?? new Map<string, number>()).values()];
    expect(values.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 10);
    expect(probs?.get('x')).toBeGreaterThan(0.5);
  });

  it('should return null when no feature is in the vocabulary', () => {
    expect(predictNaiveBayes(trainNaiveBayes(examples), ['zzz'])).toBeNull();
  });

  it('should pick a temperature from the grid when trained', () => {
    expect(trainNaiveBayes(examples).temperature).toBeGreaterThan(0);
  });
});
