import { aTranscriptPreview } from '../../testing/factories';
import { buildTranscriptPlan, findingKey, previewRedaction, segmentText, usableNames } from './transcript-plan';

describe('transcript plan', () => {
  const preview = aTranscriptPreview();
  const [email, phone] = preview.personalData;

  it('should send every speaker with its mapping and only the accepted findings when building the plan', () => {
    const plan = buildTranscriptPlan(
      preview,
      { 'Анна Петрова': { kind: 'participant', participantId: 'participant-1' }, Модератор: { kind: 'moderator' } },
      new Set([findingKey(phone)]),
      [{ name: 'Анна Петрова', pseudonym: 'P1' }],
    );

    expect(plan).toEqual({
      speakers: [
        { speaker: 'Анна Петрова', participantId: 'participant-1' },
        { speaker: 'Модератор', moderator: true },
      ],
      redactions: [phone],
      names: [{ name: 'Анна Петрова', pseudonym: 'P1' }],
    });
  });

  it('should send an ignored speaker without participant or moderator when it is not mapped', () => {
    const plan = buildTranscriptPlan(preview, { Модератор: { kind: 'ignore' } }, new Set(), []);

    expect(plan.speakers).toEqual([{ speaker: 'Анна Петрова' }, { speaker: 'Модератор' }]);
  });

  it('should drop blank, too short and repeated names when the rows are incomplete', () => {
    expect(
      usableNames([
        { name: ' Анна ', pseudonym: ' P1 ', prefilled: true },
        { name: 'анна', pseudonym: 'P2' },
        { name: 'А', pseudonym: 'P3' },
        { name: 'Олег', pseudonym: '' },
      ]),
    ).toEqual([{ name: 'Анна', pseudonym: 'P1' }]);
  });

  it('should split the text at the findings when highlighting', () => {
    const segments = segmentText(preview.utterances[0].text, [phone, email]);

    expect(segments.map((segment) => [segment.text, segment.finding?.kind ?? null])).toEqual([
      ['Пишите на ', null],
      ['anna@example.com', 'email'],
      [' или звоните ', null],
      ['+7 912 345-67-89', 'phone'],
    ]);
  });

  it('should show placeholders and pseudonyms, inflected forms included, when previewing the redaction', () => {
    expect(previewRedaction(preview.utterances[0].text, [email, phone], [])).toBe('Пишите на [email] или звоните [phone]');
    expect(previewRedaction('Спасибо, Анне и анна!', [], [{ name: 'Анна', pseudonym: 'P1' }])).toBe('Спасибо, P1 и P1!');
    expect(previewRedaction('Олег, а Олега Смирнова?', [], [{ name: 'Олег Смирнов', pseudonym: 'P2' }])).toBe('P2, а P2?');
  });
});
