import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CommitTranscriptPlan } from '@tropa/contracts';
import { aParticipant, aTranscriptPreview, anApiError } from '../../testing/factories';
import { TranscriptImportStore } from './transcript-import-store';

const transcriptUrl = '/api/projects/project-1/sessions/session-1/transcript';

describe('TranscriptImportStore', () => {
  let store: TranscriptImportStore;
  let http: HttpTestingController;
  const file = new File(['WEBVTT\n'], 'group.vtt', { type: 'text/vtt' });
  const participants = [aParticipant({ id: 'participant-1', pseudonym: 'P1' }), aParticipant({ id: 'participant-2', pseudonym: 'Модератор' })];

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), TranscriptImportStore],
    });
    store = TestBed.inject(TranscriptImportStore);
    http = TestBed.inject(HttpTestingController);
    store.open('project-1', 'session-1');
  });

  afterEach(() => http.verify());

  async function preview(moderatorName: string | null = null): Promise<void> {
    const choosing = store.choose(file, [aParticipant({ id: 'participant-1', pseudonym: 'P1' })], moderatorName);
    const request = http.expectOne({ method: 'POST', url: `${transcriptUrl}/preview` });
    expect(((request.request.body as FormData).get('file') as File).name).toBe('group.vtt');
    request.flush(aTranscriptPreview());
    await choosing;
  }

  it('should accept every finding and map a speaker named like the moderator when the preview arrives', async () => {
    await preview('Модератор');

    expect(store.step()).toBe('preview');
    expect(store.acceptedCount()).toBe(2);
    expect(store.choices()).toEqual({ 'Анна Петрова': { kind: 'ignore' }, Модератор: { kind: 'moderator' } });
  });

  it('should build the plan from the mapping, the kept redactions and the names when the moderator decides', async () => {
    await preview();
    const [email, phone] = aTranscriptPreview().personalData;

    store.assign('Анна Петрова', { kind: 'participant', participantId: 'participant-1' }, participants);
    store.assign('Модератор', { kind: 'moderator' }, participants);
    store.toggleFinding(email, false);
    store.addName({ name: 'Олег', pseudonym: 'P2' });

    expect(store.plan()).toEqual({
      speakers: [
        { speaker: 'Анна Петрова', participantId: 'participant-1' },
        { speaker: 'Модератор', moderator: true },
      ],
      redactions: [phone],
      names: [
        { name: 'Анна Петрова', pseudonym: 'P1' },
        { name: 'Олег', pseudonym: 'P2' },
      ],
    });
    expect(store.redactedPreview()[0].text).toBe('Пишите на anna@example.com или звоните [phone]');
  });

  it('should replace the prefilled name when the speaker is mapped to someone else', async () => {
    await preview();

    store.assign('Анна Петрова', { kind: 'participant', participantId: 'participant-1' }, participants);
    store.assign('Анна Петрова', { kind: 'ignore' }, participants);

    expect(store.names()).toEqual([]);
  });

  it('should send the same file again with the plan as JSON and end on done when saved', async () => {
    await preview();
    store.assign('Анна Петрова', { kind: 'participant', participantId: 'participant-1' }, participants);

    const saving = store.commit();
    const request = http.expectOne({ method: 'POST', url: transcriptUrl });
    const body = request.request.body as FormData;
    expect((body.get('file') as File).name).toBe('group.vtt');
    const plan = JSON.parse(body.get('plan') as string) as CommitTranscriptPlan;
    expect(plan.speakers[0]).toEqual({ speaker: 'Анна Петрова', participantId: 'participant-1' });
    expect(plan.redactions).toHaveLength(2);
    expect(plan.names).toEqual([{ name: 'Анна Петрова', pseudonym: 'P1' }]);
    request.flush({ utterances: 2 }, { status: 201, statusText: 'Created' });
    const result = await saving;

    expect(result.ok).toBe(true);
    expect(store.step()).toBe('done');
    expect(store.saved()).toBe(2);
  });

  it('should stay on the preview with the error when the session already has a transcript (409)', async () => {
    await preview();

    const saving = store.commit();
    http
      .expectOne({ method: 'POST', url: transcriptUrl })
      .flush(anApiError({ statusCode: 409, error: 'Conflict', message: 'This session already has a transcript', details: [{ field: 'file', message: 'exists' }] }), {
        status: 409,
        statusText: 'Conflict',
      });
    await saving;

    expect(store.step()).toBe('preview');
    expect(store.error()?.statusCode).toBe(409);
    expect(store.file()).toBe(file);
  });

  it('should keep the field errors of a refused plan (400)', async () => {
    await preview();

    const saving = store.commit();
    http
      .expectOne({ method: 'POST', url: transcriptUrl })
      .flush(anApiError({ details: [{ field: 'plan.speakers[0].speaker', message: '"X" is not a speaker of this transcript' }] }), {
        status: 400,
        statusText: 'Bad Request',
      });
    await saving;

    expect(store.error()?.details).toEqual([{ field: 'plan.speakers[0].speaker', message: '"X" is not a speaker of this transcript' }]);
  });

  it('should go back to choosing a file when the file is refused (400 file)', async () => {
    const choosing = store.choose(file, participants);
    http
      .expectOne({ method: 'POST', url: `${transcriptUrl}/preview` })
      .flush(anApiError({ details: [{ field: 'file', message: 'The file is empty' }] }), { status: 400, statusText: 'Bad Request' });
    await choosing;

    expect(store.step()).toBe('choose');
    expect(store.error()?.details?.[0].field).toBe('file');
    expect(store.file()).toBeNull();
  });
});
