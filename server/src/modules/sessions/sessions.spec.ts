import type { ParticipantResponse, SessionResponse, TranscriptPreviewResponse } from '@tropa/contracts';
import type { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/create-test-app';
import { focusGroupVtt } from '../../../test/factories/transcript.factory';
import { firstUser, memberWithRole } from '../../../test/factories/user.factory';
import { zipBomb } from '../../../test/factories/zip-bomb.factory';

describe('sessions and transcripts', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let moderator: ApiClient;
  let projectId: string;
  let session: SessionResponse;
  const participants: Record<string, ParticipantResponse> = {};

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
    moderator = await memberWithRole(owner, projectId, 'moderator');
  });
  afterAll(() => testApp.close());

  const sessions = (path = '') => `/api/projects/${projectId}/sessions${path}`;
  const utteranceCount = async () => (await testApp.dataSource.query('SELECT count(*)::int AS n FROM utterances'))[0].n as number;
  const vtt = () => Buffer.from(focusGroupVtt(), 'utf8');

  it('should let a moderator create a focus group with participants', async () => {
    session = (await moderator.post(sessions(), { kind: 'focus_group', title: 'Фокус-группа 1', heldOn: '2026-11-20', moderatorId: moderator.user?.id }).expect(201)).body;
    expect(session).toMatchObject({ kind: 'focus_group', title: 'Фокус-группа 1', heldOn: '2026-11-20', participantCount: 0 });
    for (const [pseudonym, contact] of [
      ['Участница 1', 'anna@example.ru'],
      ['Участник 2', null],
      ['Участница 3', null],
    ] as const) {
      participants[pseudonym] = (await moderator.post(sessions(`/${session.id}/participants`), { pseudonym, consent: true, contact }).expect(201)).body;
    }
    expect((await owner.get(sessions(`/${session.id}`)).expect(200)).body.participantCount).toBe(3);
  });

  it('should show contact data to owners and researchers only', async () => {
    const strategist = await memberWithRole(owner, projectId, 'strategist');
    const contact = async (client: ApiClient) =>
      (await client.get(sessions(`/${session.id}/participants`)).expect(200)).body.items.find((p: ParticipantResponse) => p.pseudonym === 'Участница 1').contact;
    expect(await contact(owner)).toBe('anna@example.ru');
    expect(await contact(strategist)).toBe('•••');
    expect(await contact(moderator)).toBe('•••');
    await strategist.post(sessions(`/${session.id}/participants`), { pseudonym: 'X' }).expect(403);
  });

  it.each([
    [{ kind: 'workshop', title: 'X' }, 'kind'],
    [{ kind: 'interview', title: 'X', heldOn: '20.11.2026' }, 'heldOn'],
    [{ kind: 'interview', title: 'X', moderatorId: '00000000-0000-4000-8000-000000000000' }, 'moderatorId'],
  ])('should answer 400 naming the field when a session is %j', async (body, field) => {
    const response = await owner.post(sessions(), body).expect(400);
    expect(response.body.details[0].field).toBe(field);
  });

  it('should answer 409 for a second participant with the same pseudonym', async () => {
    const response = await owner.post(sessions(`/${session.id}/participants`), { pseudonym: 'участница 1' }).expect(409);
    expect(response.body.details[0].field).toBe('pseudonym');
  });

  it('should preview speakers and personal data without storing anything', async () => {
    const response = await moderator.post(sessions(`/${session.id}/transcript/preview`)).attach('file', vtt(), 'group.vtt').expect(200);
    const preview: TranscriptPreviewResponse = response.body;
    expect(preview.format).toBe('vtt');
    expect(preview.speakers.map((speaker) => speaker.name)).toEqual(['Модератор', 'Анна Петрова', 'Игорь', 'Ольга']);
    // Anna's two consecutive cues merge into one utterance.
    expect(preview.utterances).toHaveLength(4);
    expect(preview.personalData.map((finding) => [finding.utterance, finding.kind, finding.text])).toEqual([
      [1, 'email', 'anna.petrova@example.ru'],
      [2, 'phone', '+7 (912) 345-67-89'],
    ]);
    expect(await utteranceCount()).toBe(0);
  });

  it('should store the redacted transcript with speakers mapped to participants', async () => {
    const preview: TranscriptPreviewResponse = (await moderator.post(sessions(`/${session.id}/transcript/preview`)).attach('file', vtt(), 'group.vtt').expect(200)).body;
    const plan = {
      speakers: [
        { speaker: 'Модератор', moderator: true },
        { speaker: 'Анна Петрова', participantId: participants['Участница 1'].id },
        { speaker: 'Игорь', participantId: participants['Участник 2'].id },
        { speaker: 'Ольга', participantId: participants['Участница 3'].id },
      ],
      redactions: preview.personalData,
      names: [{ name: 'Анна', pseudonym: 'Участница 1' }],
    };
    await moderator.post(sessions(`/${session.id}/transcript`)).field('plan', JSON.stringify(plan)).attach('file', vtt(), 'group.vtt').expect(201);
    const list = (await owner.get(sessions(`/${session.id}/utterances`)).expect(200)).body;
    expect(list.items.map((u: { speaker: string; moderator: boolean; text: string }) => [u.speaker, u.moderator, u.text])).toEqual([
      ['Модератор', true, 'Здравствуйте! Расскажите, где вы обычно покупаете косметику?'],
      ['Участница 1', false, 'Чаще всего в приложении, там удобнее искать по составу. Можете написать мне на [email], я расскажу подробнее.'],
      ['Участник 2', false, 'А я звоню в поддержку, мой номер [phone], перезвонили через день.'],
      ['Участница 3', false, 'Я как Участница 1: приложение, но доставка долгая.'],
    ]);
    const stored = JSON.stringify(await testApp.dataSource.query('SELECT speaker, text FROM utterances'));
    expect(stored).not.toMatch(/anna\.petrova|912|Анна/);
    const anna = await owner.get(sessions(`/${session.id}/utterances?participantId=${participants['Участница 1'].id}`)).expect(200);
    expect(anna.body.total).toBe(1);
  });

  it('should refuse a second transcript for the same session', async () => {
    const response = await moderator.post(sessions(`/${session.id}/transcript`)).field('plan', JSON.stringify({ speakers: [], redactions: [], names: [] })).attach('file', vtt(), 'group.vtt').expect(409);
    expect(response.body.details[0].field).toBe('file');
  });

  describe('bad transcript input', () => {
    let fresh: SessionResponse;
    beforeAll(async () => {
      fresh = (await owner.post(sessions(), { kind: 'interview', title: 'Интервью' }).expect(201)).body;
    });

    it.each([
      ['an empty file', Buffer.alloc(0), 'empty.vtt'],
      ['a binary file renamed .txt', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)), 'notes.txt'],
      ['a PDF', Buffer.from('%PDF-1.7 binary'), 'notes.pdf'],
      ['a VTT without cues', Buffer.from('WEBVTT\n\nNOTE nothing here\n'), 'empty-cues.vtt'],
    ])('should answer 400 naming the file when it is %s', async (_label, content, name) => {
      const response = await owner.post(sessions(`/${fresh.id}/transcript/preview`)).attach('file', content, name).expect(400);
      expect(response.body.details[0].field).toBe('file');
    });

    it('should answer 400 naming the file when a DOCX is a zip bomb', async () => {
      const response = await owner.post(sessions(`/${fresh.id}/transcript/preview`)).attach('file', await zipBomb('word/document.xml'), 'bomb.docx').expect(400);
      expect(response.body.details[0].field).toBe('file');
    });

    it('should answer 400 and store nothing when a redaction does not match the file or a speaker is unknown', async () => {
      const before = await utteranceCount();
      const stale = { speakers: [], redactions: [{ utterance: 1, kind: 'email', start: 0, end: 5, text: 'Чаще ' }], names: [] };
      const staleResponse = await owner.post(sessions(`/${fresh.id}/transcript`)).field('plan', JSON.stringify(stale)).attach('file', vtt(), 'group.vtt').expect(400);
      expect(staleResponse.body.details[0].field).toBe('plan.redactions[0]');
      const unknown = { speakers: [{ speaker: 'Пётр', moderator: true }], redactions: [], names: [] };
      const unknownResponse = await owner.post(sessions(`/${fresh.id}/transcript`)).field('plan', JSON.stringify(unknown)).attach('file', vtt(), 'group.vtt').expect(400);
      expect(unknownResponse.body.details[0].field).toBe('plan.speakers[0].speaker');
      const broken = await owner.post(sessions(`/${fresh.id}/transcript`)).field('plan', '{not json').attach('file', vtt(), 'group.vtt').expect(400);
      expect(broken.body.details[0].field).toBe('plan');
      expect(await utteranceCount()).toBe(before);
    });

    it('should answer 404 to a moderator of another project', async () => {
      const otherProject = await owner.createProject({ name: 'Чужой' });
      const outsider = await memberWithRole(owner, otherProject.id, 'moderator');
      await outsider.post(sessions(`/${fresh.id}/transcript/preview`)).attach('file', vtt(), 'group.vtt').expect(404);
      await outsider.get(sessions(`/${fresh.id}/utterances`)).expect(404);
    });
  });
});
