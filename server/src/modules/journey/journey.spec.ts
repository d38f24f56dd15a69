import type {
  CommentResponse,
  EvidenceQuoteResponse,
  FindingResponse,
  JourneyMapResponse,
  MapDiffResponse,
  MapVersionResponse,
  Page,
  RecommendationResponse,
  SynthesisRunResponse,
  WhatIfResponse,
} from '@tropa/contracts';
import type { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/create-test-app';
import { evidenceAnswer } from '../../../test/factories/synthesis-evidence';
import { firstUser, memberWithRole } from '../../../test/factories/user.factory';

/**
 * The journey map of a project with survey evidence (open answers mapped to a stage, a
 * satisfaction rating mapped as CSAT), a finished synthesis run with an accepted job,
 * KPIs entered and from an events file: assembly, evidence, review, recommendations,
 * what-if, versions with a diff, exports.
 */
describe('journey map', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let strategist: ApiClient;
  let moderator: ApiClient;
  let projectId: string;
  let stages: Array<{ id: string; name: string }>;
  let surveyToken: string;
  let map: JourneyMapResponse;

  const api = (path: string) => `/api/projects/${projectId}${path}`;
  const count = async (table: string) => (await testApp.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  async function answer(from: number, to: number): Promise<void> {
    for (let i = from; i < to; i++) {
      await owner
        .post(`/api/public/surveys/${surveyToken}/responses`, { respondentKey: `journey-${String(i).padStart(4, '0')}`, answers: { story: evidenceAnswer(i), csat: 1 + (i % 5) } })
        .expect(201);
    }
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject({ language: 'en' })).id;
    strategist = await memberWithRole(owner, projectId, 'strategist');
    moderator = await memberWithRole(owner, projectId, 'moderator');
    stages = (await owner.get(api('/stages')).expect(200)).body.items;
    const definition = {
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'comment', name: 'story', title: 'Tell us about your last order', isRequired: true },
            { type: 'rating', name: 'csat', title: 'How satisfied were you?', rateMin: 1, rateMax: 5 },
          ],
        },
      ],
    };
    const survey = (await owner.post(api('/surveys'), { title: 'Orders', definition }).expect(201)).body as { id: string };
    await owner
      .put(api(`/surveys/${survey.id}/mappings`), {
        mappings: [
          { questionName: 'story', stageId: stages[4].id, touchpointId: null, personaAttribute: null, metric: null, jtbdPrompt: true },
          { questionName: 'csat', stageId: stages[4].id, touchpointId: null, personaAttribute: null, metric: 'csat', jtbdPrompt: false },
        ],
      })
      .expect(200);
    surveyToken = (await owner.patch(api(`/surveys/${survey.id}`), { status: 'open' }).expect(200)).body.publicToken;
    await owner.post(api('/touchpoints'), { name: 'Курьерская доставка', channel: 'other', online: false, ownerDepartment: 'Логистика', aliases: ['курьер'] }).expect(201);
    await answer(0, 40);
    const run = (await owner.post(api('/synthesis/runs'), { seed: 5 }).expect(202)).body as SynthesisRunResponse;
    for (let i = 0; i < 300; i++) {
      const state = (await owner.get(api(`/synthesis/runs/${run.id}`)).expect(200)).body as SynthesisRunResponse;
      if (state.status === 'succeeded') break;
      if (state.status === 'failed') throw new Error(state.error ?? 'run failed');
      await new Promise((r) => setTimeout(r, 100));
    }
    const jobs = (await owner.get(api(`/synthesis/runs/${run.id}/clusters?kind=job`)).expect(200)).body.items as Array<{ id: string }>;
    await owner.post(api(`/synthesis/clusters/${jobs[0].id}/accept`)).expect(200);
  });
  afterAll(() => testApp.close());

  it('should assemble findings that all carry evidence, with the accepted job, emotions from CSAT and KPI columns', async () => {
    map = (await strategist.get(api('/map')).expect(200)).body as JourneyMapResponse;
    expect(map.stages.map((s) => s.id)).toEqual(stages.map((s) => s.id));
    expect(map.findings.length).toBeGreaterThan(3);
    expect(map.findings.every((f) => f.quoteIds.length > 0 && f.strength.quotes > 0)).toBe(true);
    const purchase = map.findings.filter((f) => f.stageId === stages[4].id);
    expect(purchase.some((f) => f.lane === 'jobs')).toBe(true);
    expect(purchase.some((f) => f.lane === 'thoughts')).toBe(true);
    // Many people, but one survey: one source makes the evidence weak.
    expect(map.findings.find((f) => f.lane === 'jobs')?.strength).toMatchObject({ surveys: 1, sessions: 0, level: 'weak' });
    const emotion = map.emotions.find((p) => p.stageId === stages[4].id && p.personaId === null)!;
    expect(emotion.n).toBeGreaterThanOrEqual(40);
    expect(emotion.sources.survey).toBe(40);
    expect(emotion.low).toBeLessThan(emotion.mean!);
    expect(map.funnel.stages).toHaveLength(stages.length);
    expect(map.latestVersion).toBeNull();
    expect(map.findings.every((f) => f.isNew === false)).toBe(true);
  });

  it('should show the quotes behind a finding with their source', async () => {
    const job = map.findings.find((f) => f.lane === 'jobs')!;
    const page = (await strategist.get(api(`/map/findings/${job.id}/evidence?pageSize=5`)).expect(200)).body as Page<EvidenceQuoteResponse>;
    expect(page.total).toBe(job.quoteIds.length);
    expect(page.items[0]).toMatchObject({ sourceType: 'survey_answer', sourceTitle: 'Orders' });
  });

  it('should name a pain tagged with the catch-all "Pain" tag by its most typical quote', async () => {
    const tags = (await owner.get(api('/tags?pageSize=100')).expect(200)).body.items as Array<{ id: string; name: string; kind: string }>;
    const pain = tags.find((tag) => tag.kind === 'pain' && tag.name === 'Pain')!;
    const quotes = (await owner.get(api('/quotes?pageSize=3')).expect(200)).body.items as Array<{ id: string; text: string }>;
    await owner.post(api('/quotes/bulk-tags'), { quoteIds: quotes.map((q) => q.id), tagId: pain.id, action: 'apply' }).expect(200);
    const assembled = (await strategist.post(api('/map/assemble')).expect(200)).body as JourneyMapResponse;
    const finding = assembled.findings.find((f) => f.key === `pains|${stages[4].id}|tag:${pain.id}`)!;
    expect(quotes.map((q) => `Pain: "${q.text.trim()}"`)).toContain(finding.text);
    expect([...finding.quoteIds].sort()).toEqual(quotes.map((q) => q.id).sort());
  });

  it('should speak for an unnamed theme with one of its quotes, and use the name a person gives it', async () => {
    const before = (await strategist.get(api('/map')).expect(200)).body as JourneyMapResponse;
    const theme = before.findings.find((f) => f.key.includes('|theme:'))!;
    const evidence = (await strategist.get(api(`/map/findings/${theme.id}/evidence?pageSize=100`)).expect(200)).body as Page<EvidenceQuoteResponse>;
    expect(evidence.items.map((q) => `"${q.text.trim()}"`)).toContain(theme.text);
    const clusterId = theme.key.slice(theme.key.indexOf('|theme:') + '|theme:'.length);
    await strategist.patch(api(`/synthesis/clusters/${clusterId}`), { label: 'Late couriers' }).expect(200);
    const after = (await strategist.post(api('/map/assemble')).expect(200)).body as JourneyMapResponse;
    expect(after.findings.find((f) => f.key === theme.key)?.text).toBe('Late couriers');
  });

  it('should keep a rejection with its reason, an edit and comments through a re-assembly', async () => {
    const [first, second] = map.findings.filter((f) => f.lane === 'thoughts');
    const missing = await strategist.post(api(`/map/findings/${first.id}/review`), { decision: 'reject' }).expect(400);
    expect(missing.body.details[0].field).toBe('reason');
    const rejected = (await strategist.post(api(`/map/findings/${first.id}/review`), { decision: 'reject', reason: 'Off topic' }).expect(200)).body as FindingResponse;
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'Off topic', reviewedBy: strategist.user?.id });
    await strategist.post(api(`/map/findings/${second.id}/review`), { decision: 'edit', text: 'Customers re-order the same cream' }).expect(200);
    const comment = (await strategist.post(api(`/map/findings/${second.id}/comments`), { text: 'Check with the CRM team' }).expect(201)).body as CommentResponse;
    expect(comment.authorName).toEqual(expect.any(String));
    await moderator.post(api(`/map/findings/${second.id}/review`), { decision: 'accept' }).expect(403);

    const again = (await owner.post(api('/map/assemble')).expect(200)).body as JourneyMapResponse;
    expect(again.findings.find((f) => f.key === first.key)).toMatchObject({ status: 'rejected', rejectReason: 'Off topic' });
    expect(again.findings.find((f) => f.key === second.key)).toMatchObject({ status: 'edited', text: 'Customers re-order the same cream', comments: 1 });
    expect((await strategist.get(api(`/map/findings/${second.id}/comments`)).expect(200)).body.total).toBe(1);
  });

  it('should keep a strategist’s note apart from findings and refuse a stage of no project', async () => {
    const note = (await strategist.post(api('/map/notes'), { stageId: stages[2].id, lane: 'pains', text: 'Ask about returns next time' }).expect(201)).body;
    expect(note).toMatchObject({ lane: 'pains', text: 'Ask about returns next time', authorId: strategist.user?.id });
    const bad = await strategist.post(api('/map/notes'), { stageId: '00000000-0000-4000-8000-000000000000', lane: 'pains', text: 'x' }).expect(400);
    expect(bad.body.details[0].field).toBe('stageId');
    const current = (await strategist.get(api('/map')).expect(200)).body as JourneyMapResponse;
    expect(current.notes).toHaveLength(1);
    expect(current.findings.some((f) => f.text === 'Ask about returns next time')).toBe(false);
  });

  it('should rank recommendations by impact × evidence ÷ effort and refuse findings of no map', async () => {
    const job = map.findings.find((f) => f.lane === 'jobs')!;
    const created = (
      await strategist
        .post(api('/map/recommendations'), { text: 'One-click re-order', findingIds: [job.id], stageId: stages[3].id, kpi: 'C', expectedEffect: '+5 % conversion', impact: 4, effort: 2 })
        .expect(201)
    ).body as RecommendationResponse;
    expect(created).toMatchObject({ kpi: 'C', stageId: stages[3].id, findingIds: [job.id], priority: 2 }); // impact 4 × weak (1) ÷ effort 2
    await strategist.post(api('/map/recommendations'), { text: 'Later', impact: 1, effort: 5 }).expect(201);
    // Linked to the late couriers' pain, whose quotes mention the courier: owned by that touchpoint's department.
    const couriers = map.findings.find((f) => f.lane === 'pains' && /урьер/.test(f.text))!;
    const owned = (await strategist.post(api('/map/recommendations'), { text: 'Call before coming', findingIds: [couriers.id], impact: 1, effort: 5 }).expect(201))
      .body as RecommendationResponse;
    expect(owned.ownerDepartment).toBe('Логистика');
    const unowned = (await strategist.post(api('/map/recommendations'), { text: 'Re-order', findingIds: [job.id], impact: 1, effort: 5, ownerDepartment: 'CRM' }).expect(201))
      .body as RecommendationResponse;
    expect(unowned.ownerDepartment).toBe('CRM');
    const list = (await strategist.get(api('/map/recommendations')).expect(200)).body as Page<RecommendationResponse>;
    expect(list.items.map((r) => r.text)).toEqual(['One-click re-order', 'Later', 'Call before coming', 'Re-order']);
    const before = await count('recommendations');
    const bad = await strategist.post(api('/map/recommendations'), { text: 'X', findingIds: ['00000000-0000-4000-8000-000000000000'] }).expect(400);
    expect(bad.body.details[0].field).toBe('findingIds');
    expect((await strategist.post(api('/map/recommendations'), { text: 'X', impact: 9 }).expect(400)).body.details[0].field).toBe('impact');
    expect(await count('recommendations')).toBe(before);
  });

  it('should compute the funnel from an events file and refuse a file with bad rows whole', async () => {
    const [aw, , co, , pu] = stages;
    const rows = ['customer_id,stage,timestamp,amount'];
    for (let c = 0; c < 20; c++) {
      rows.push(`c${c},${aw.name},2026-03-01 10:00:00,`);
      if (c < 10) rows.push(`c${c},${co.name},2026-03-02 10:00:00,`);
      if (c < 4) rows.push(`c${c},${pu.name},2026-03-03 10:00:00,"1500.50"`);
    }
    const imported = await owner.post(api('/metrics/events')).attach('file', Buffer.from(rows.join('\n')), 'events.csv').expect(200);
    expect(imported.body).toMatchObject({ imported: 34, problems: [] });

    const bad = ['customer_id,stage,timestamp,amount', `x1,${aw.name},2026-03-01 10:00,`, 'x1,Nowhere,2026-03-02 10:00,', `x2,${pu.name},not a date,`, `x3,${pu.name},2026-03-02 10:00,-5`];
    const refused = await owner.post(api('/metrics/events')).attach('file', Buffer.from(bad.join('\n')), 'bad.csv').expect(400);
    expect(refused.body.details.map((d: { message: string }) => d.message.slice(0, 7))).toEqual(['line 3:', 'line 4:', 'line 5:']);
    expect(await count('customer_events')).toBe(34);

    const funnel = ((await owner.post(api('/map/assemble')).expect(200)).body as JourneyMapResponse).funnel;
    const leads = new Map(funnel.stages.map((s) => [s.stageId, s]));
    expect(leads.get(aw.id)).toMatchObject({ leads: 20, source: 'events' });
    expect(leads.get(co.id)?.leads).toBe(10);
    expect(funnel.revenue).toEqual(expect.any(Number));
  });

  it('should answer a what-if and refuse a conversion above 100 %', async () => {
    const result = (await strategist.post(api('/map/what-if'), { stageId: stages[0].id, conversion: 0.9 }).expect(200)).body as WhatIfResponse;
    expect(result.newRevenue).toBeGreaterThan(result.revenue!);
    expect(result.delta).toBeCloseTo(result.newRevenue! - result.revenue!, 1);
    const refused = await strategist.post(api('/map/what-if'), { stageId: stages[0].id, conversion: 1.2 }).expect(400);
    expect(refused.body.details[0].field).toBe('conversion');
  });

  it('should let people enter a KPI and refuse a conversion above one', async () => {
    await strategist.put(api('/metrics'), { stageId: stages[4].id, periodStart: '2026-03-01', kpi: 'Q', value: 2 }).expect(200);
    const refused = await strategist.put(api('/metrics'), { stageId: stages[4].id, periodStart: '2026-03-01', kpi: 'C', value: 1.5 }).expect(400);
    expect(refused.body.details[0].field).toBe('value');
    const metrics = (await strategist.get(api('/metrics')).expect(200)).body;
    expect(metrics.items).toEqual([expect.objectContaining({ kpi: 'Q', value: 2, source: 'manual' })]);
  });

  it('should re-assemble the working map when it is read after its evidence changed, and only then', async () => {
    const first = (await strategist.get(api('/map')).expect(200)).body as JourneyMapResponse;
    const again = (await strategist.get(api('/map')).expect(200)).body as JourneyMapResponse;
    expect(again.assembledAt).toBe(first.assembledAt);
    const purchaseQuotes = (map: JourneyMapResponse) => map.emotions.find((p) => p.stageId === stages[4].id && p.personaId === null)!.n;
    await answer(100, 103); // three new answers at Purchase: three quotes and three CSAT ratings
    const fresh = (await strategist.get(api('/map')).expect(200)).body as JourneyMapResponse;
    expect(fresh.assembledAt).not.toBe(first.assembledAt);
    expect(purchaseQuotes(fresh)).toBeGreaterThan(purchaseQuotes(first));
    const stages2 = (await owner.get(api('/stages')).expect(200)).body.items as Array<{ id: string; name: string }>;
    await owner.patch(api(`/stages/${stages2[0].id}`), { name: 'Узнавание' }).expect(200);
    const renamed = (await strategist.get(api('/map')).expect(200)).body as JourneyMapResponse;
    expect(renamed.stages[0].name).toBe('Узнавание');
    // Several people opening the map after one change share one assembly.
    await answer(103, 104);
    const opened = await Promise.all([strategist, owner, moderator, strategist].map(async (who) => ((await who.get(api('/map')).expect(200)).body as JourneyMapResponse).assembledAt));
    expect(new Set(opened).size).toBe(1);
    expect(opened[0]).not.toBe(renamed.assembledAt);
  });

  it('should draw one emotion line per persona when comparing, without changing the map everyone else reads', async () => {
    const persona = (await owner.post(api('/personas'), { name: 'Delighted', attributes: { satisfaction: '5' } }).expect(201)).body as { id: string };
    const surveyId = ((await owner.get(api('/surveys')).expect(200)).body.items as Array<{ id: string }>)[0].id;
    const mappings = (csat: string | null) => ({
      mappings: [
        { questionName: 'story', stageId: stages[4].id, touchpointId: null, personaAttribute: null, metric: null, jtbdPrompt: true },
        { questionName: 'csat', stageId: stages[4].id, touchpointId: null, personaAttribute: csat, metric: 'csat', jtbdPrompt: false },
      ],
    });
    await owner.put(api(`/surveys/${surveyId}/mappings`), mappings('satisfaction')).expect(200);
    await answer(150, 160); // i % 5 = 4 answers CSAT 5: two respondents are Delighted
    await owner.put(api(`/surveys/${surveyId}/mappings`), mappings(null)).expect(200);

    const compared = (await strategist.get(api('/map?comparePersonas=true')).expect(200)).body as JourneyMapResponse;
    const delighted = compared.emotions.filter((p) => p.personaId === persona.id);
    expect(delighted.filter((p) => p.n > 0).map((p) => [p.stageId, p.sources.survey])).toEqual([[stages[4].id, 2]]);
    const working = (await owner.get(api('/map')).expect(200)).body as JourneyMapResponse;
    expect(working.emotions.map((p) => p.personaId)).toEqual(stages.map(() => null));
    expect(working.findings.map((f) => f.key)).toEqual(compared.findings.map((f) => f.key));
  });

  it('should publish immutable versions and diff the working map against one after new evidence', async () => {
    const v1 = (await strategist.post(api('/map/versions')).expect(201)).body as MapVersionResponse;
    expect(v1).toMatchObject({ number: 1 });
    expect(v1.unreviewed).toBeGreaterThan(0);
    expect((await strategist.patch(api(`/map/versions/${v1.id}`), {}).expect(409)).body.details[0].field).toBe('versionId');

    await answer(40, 52);
    const run = (await owner.post(api('/synthesis/runs'), { seed: 5 }).expect(202)).body as SynthesisRunResponse;
    for (let i = 0; i < 300; i++) {
      if (((await owner.get(api(`/synthesis/runs/${run.id}`)).expect(200)).body as SynthesisRunResponse).status === 'succeeded') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const working = (await owner.post(api('/map/assemble')).expect(200)).body as JourneyMapResponse;
    expect(working.latestVersion).toMatchObject({ id: v1.id, number: 1 });
    const diff = (await strategist.get(api(`/map/diff?from=${v1.id}`)).expect(200)).body as MapDiffResponse;
    expect(diff.to).toEqual({ kind: 'working' });
    expect(diff.added.length + diff.changed.length).toBeGreaterThan(0);
    expect(diff.emotion.find((e) => e.stageId === stages[4].id)).toEqual(expect.objectContaining({ before: expect.any(Number), after: expect.any(Number) }));

    const other = await owner.createProject({ name: 'Other' });
    await owner.get(`/api/projects/${other.id}/map/diff?from=${v1.id}`).expect(404);
    const snapshot = (await moderator.get(api(`/map/versions/${v1.id}`)).expect(200)).body as JourneyMapResponse;
    expect(snapshot.findings.length).toBe(v1.findings);
  });

  it('should export the map as CSV, Markdown, JSON and PDF', async () => {
    const job = (await strategist.get(api('/map')).expect(200)).body.findings.find((f: FindingResponse) => f.lane === 'jobs') as FindingResponse;
    const csv = await strategist.get(api('/map/export?format=csv')).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('stage,lane,finding,status,strength,quotes,people,sources,evidence');
    expect(csv.text).toContain(job.text.slice(0, 30));
    const md = await strategist.get(api('/map/export?format=md')).expect(200);
    expect(md.text).toMatch(/^# Customer journey map/);
    expect(md.text).toContain(`## ${stages[4].name}`);
    expect(md.text).toContain('One-click re-order');
    const json = JSON.parse((await strategist.get(api('/map/export?format=json')).expect(200)).text);
    expect(json.recommendations.length).toBe(4);
    const pdf = await strategist.get(api('/map/export?format=pdf')).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await strategist.get(api('/map/export?format=docx')).expect(400)).body.details[0].field).toBe('format');
  });

  it('should answer 404 to a non-member and 400 to a persona of no project', async () => {
    const other = await owner.createProject({ name: 'Foreign' });
    const outsider = await memberWithRole(owner, other.id, 'owner');
    await outsider.get(api('/map')).expect(404);
    expect((await strategist.get(api('/map?personaId=00000000-0000-4000-8000-000000000000')).expect(400)).body.details[0].field).toBe('personaId');
  });
});
