import { conversionToSlider, sliderToConversion, whatIfChangeText } from './what-if';

describe('what-if', () => {
  it('should describe a conversion raised by ten points with the revenue gained', () => {
    expect(whatIfChangeText(0.25, 0.35, 4000, 'Consideration', 'en')).toEqual({ change: '+10 %', stage: 'Consideration', delta: '+4,000' });
  });

  it('should sign a lowered conversion and a revenue loss with minus', () => {
    expect(whatIfChangeText(0.5, 0.375, -12500.4, 'Interest', 'en')).toEqual({ change: '−12.5 %', stage: 'Interest', delta: '−12,500' });
  });

  it('should show a dash for the delta when the revenue is unknown', () => {
    expect(whatIfChangeText(null, 0.3, null, 'Awareness', 'en').delta).toBe('—');
  });

  it('should map slider positions to conversions clamped to 0..100 %', () => {
    expect(sliderToConversion(35)).toBe(0.35);
    expect(sliderToConversion(140)).toBe(1);
    expect(sliderToConversion(-3)).toBe(0);
    expect(conversionToSlider(0.254)).toBe(25);
    expect(conversionToSlider(null)).toBe(0);
  });
});
