import { Injectable, Logger } from '@nestjs/common';
import type { ErasureResponse, ProjectLanguage } from '@tropa/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainException } from '../../core/errors/domain.exception';
import { AuditService } from '../audit/audit.service';
import { JourneyMapsService } from '../journey/journey-maps.service';

/** Who erases: recorded in the audit row (null for the nightly retention job). */
export interface Eraser {
  id: string;
  email: string;
}

/** What stands in for erased words, in the project's language. */
export const ERASED_TEXT: Record<ProjectLanguage, string> = { ru: '[удалено]', en: '[erased]' };
const ERASED_PARTICIPANT: Record<ProjectLanguage, string> = { ru: 'Удалённый участник', en: 'Erased participant' };

/**
 * Erasure of a person's words: a participant of a session (the text of their utterances,
 * their quotes with tags and cluster memberships, their contact and persona link) or a
 * survey respondent (answers, quotes, respondent key). Rows stay, emptied, so transcripts
 * keep their order and the audit log keeps its meaning; the audit row names no erased text.
 * Journey findings that cite the quotes lose them (and a finding that quoted one verbatim
 * loses its text, also in published versions) in the same transaction; the project's maps
 * are re-assembled after it commits.
 */
@Injectable()
export class ErasureService {
  private readonly logger = new Logger('Privacy');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly maps: JourneyMapsService,
  ) {}

  async eraseParticipant(projectId: string, sessionId: string, participantId: string, actor: Eraser): Promise<ErasureResponse> {
    const result = await this.dataSource.transaction(async (manager) => {
      const [participant] = (await manager.query(
        `SELECT id, pseudonym, erased_at FROM participants WHERE id = $1 AND session_id = $2 AND project_id = $3 FOR UPDATE`,
        [participantId, sessionId, projectId],
      )) as Array<{ id: string; pseudonym: string; erased_at: Date | null }>;
      if (!participant) throw DomainException.notFound('Participant');
      const language = await projectLanguage(manager, projectId);
      const pseudonym = participant.erased_at ? participant.pseudonym : await this.erasedName(manager, sessionId, language);
      const quoteIds = (
        (await manager.query(
          `SELECT q.id FROM quotes q
            WHERE q.project_id = $2 AND (q.utterance_id IN (SELECT u.id FROM utterances u WHERE u.participant_id = $1)
               OR (q.source_type = 'transcript' AND q.participant_key = $1::text))`,
          [participantId, projectId],
        )) as Array<{ id: string }>
      ).map((row) => row.id);
      await this.forgetQuotes(manager, projectId, quoteIds, language);
      const [, utterances] = (await manager.query(
        `UPDATE utterances SET text = $2, speaker = $3 WHERE participant_id = $1 AND (text <> $2 OR speaker IS DISTINCT FROM $3)`,
        [participantId, ERASED_TEXT[language], pseudonym],
      )) as [unknown, number];
      const changed = !participant.erased_at || utterances > 0 || quoteIds.length > 0;
      await manager.query(
        `UPDATE participants SET pseudonym = $2, contact = NULL, persona_id = NULL, erased_at = coalesce(erased_at, now()) WHERE id = $1`,
        [participantId, pseudonym],
      );
      if (changed) {
        await this.audit.record(
          {
            action: 'privacy.erase_participant',
            actorId: actor.id,
            actorEmail: actor.email,
            projectId,
            target: pseudonym,
            details: { sessionId, participantId, utterances, quotes: quoteIds.length },
          },
          manager,
        );
      }
      return { changed, response: { utterances, quotes: quoteIds.length, answers: 0, pseudonym } };
    });
    if (result.changed) await this.reassemble(projectId);
    return result.response;
  }

  async eraseRespondent(projectId: string, surveyId: string, responseId: string, actor: Eraser): Promise<ErasureResponse> {
    const result = await this.dataSource.transaction(async (manager) => {
      const [response] = (await manager.query(`SELECT id FROM survey_responses WHERE id = $1 AND survey_id = $2 AND project_id = $3`, [
        responseId,
        surveyId,
        projectId,
      ])) as unknown[];
      if (!response) throw DomainException.notFound('Response');
      const erased = await this.eraseResponses(manager, projectId, [responseId]);
      const changed = erased.responses > 0 || erased.quotes > 0;
      if (changed) {
        await this.audit.record(
          {
            action: 'privacy.erase_respondent',
            actorId: actor.id,
            actorEmail: actor.email,
            projectId,
            target: `response ${responseId}`,
            details: { surveyId, responseId, answers: erased.answers, quotes: erased.quotes },
          },
          manager,
        );
      }
      return { changed, response: { utterances: 0, quotes: erased.quotes, answers: erased.answers } };
    });
    if (result.changed) await this.reassemble(projectId);
    return result.response;
  }

  /**
   * Erases survey responses of a project inside the caller's transaction: answers emptied,
   * persona link and respondent key replaced, quotes deleted. Responses erased before are
   * skipped; their leftover quotes (none, normally) are deleted all the same.
   */
  async eraseResponses(manager: EntityManager, projectId: string, responseIds: readonly string[]): Promise<{ responses: number; answers: number; quotes: number }> {
    if (responseIds.length === 0) return { responses: 0, answers: 0, quotes: 0 };
    const quoteIds = (
      (await manager.query(`SELECT id FROM quotes WHERE project_id = $1 AND response_id = ANY($2::uuid[])`, [projectId, responseIds])) as Array<{ id: string }>
    ).map((row) => row.id);
    await this.forgetQuotes(manager, projectId, quoteIds, await projectLanguage(manager, projectId));
    const rows = (await manager.query(
      `WITH target AS (
         SELECT id, (SELECT count(*) FROM jsonb_object_keys(answers))::int AS answers FROM survey_responses
          WHERE project_id = $1 AND id = ANY($2::uuid[]) AND erased_at IS NULL FOR UPDATE
       )
       UPDATE survey_responses r
          SET answers = '{}'::jsonb, persona_id = NULL, erased_at = now(), respondent_key = 'erased-' || gen_random_uuid()::text
         FROM target WHERE r.id = target.id
       RETURNING target.answers`,
      [projectId, responseIds],
    )) as [Array<{ answers: number }>, number];
    return { responses: rows[1], answers: rows[0].reduce((sum, row) => sum + row.answers, 0), quotes: quoteIds.length };
  }

  /** Re-assembles every journey map of the project, so that none is built on erased quotes. */
  async reassemble(projectId: string): Promise<void> {
    const maps = (await this.dataSource.query(`SELECT persona_id FROM journey_maps WHERE project_id = $1 ORDER BY created_at`, [projectId])) as Array<{
      persona_id: string | null;
    }>;
    for (const map of maps) {
      // The erasure has committed and the findings no longer cite its quotes; a failed
      // re-assembly only leaves the map as it was, to be assembled again on demand.
      await this.maps.assemble(projectId, map.persona_id).catch((error: unknown) => this.logger.warn(`re-assembly of a map of ${projectId} failed: ${String(error)}`));
    }
  }

  /**
   * Deletes quotes (their tags, cluster memberships and inferences go by cascade) after
   * taking them out of the journey findings that cite them and out of published versions.
   */
  private async forgetQuotes(manager: EntityManager, projectId: string, quoteIds: readonly string[], language: ProjectLanguage): Promise<void> {
    if (quoteIds.length === 0) return;
    const subjects = quoteIds.map((id) => `quote:${id}`);
    const placeholder = ERASED_TEXT[language];
    // A finding keeps at least one quote (a CHECK); one left with none is hidden until the next assembly drops it.
    await manager.query(
      `UPDATE journey_findings f
          SET quote_ids = CASE WHEN cardinality(x.rest) > 0 THEN x.rest ELSE f.quote_ids END,
              present = f.present AND cardinality(x.rest) > 0,
              assembled_text = CASE WHEN split_part(f.key, '|', 3) = ANY($2::text[]) THEN $3 ELSE f.assembled_text END,
              edited_text = CASE WHEN split_part(f.key, '|', 3) = ANY($2::text[]) AND f.edited_text IS NOT NULL THEN $3 ELSE f.edited_text END,
              digest = ''
         FROM (SELECT c.id, coalesce((SELECT array_agg(q) FROM unnest(c.quote_ids) q WHERE NOT (q = ANY($1::uuid[]))), '{}'::uuid[]) AS rest
                 FROM journey_findings c JOIN journey_maps m ON m.id = c.map_id
                WHERE m.project_id = $4 AND c.quote_ids && $1::uuid[]) x
        WHERE f.id = x.id`,
      [quoteIds, subjects, placeholder, projectId],
    );
    await manager.query(
      `UPDATE map_versions v
          SET snapshot = jsonb_set(v.snapshot, '{findings}', (
            SELECT coalesce(jsonb_agg(
                     CASE WHEN NOT (e.f->'quoteIds' ?| $1::text[]) THEN e.f
                          ELSE e.f || jsonb_build_object('quoteIds',
                                 (SELECT coalesce(jsonb_agg(x), '[]'::jsonb) FROM jsonb_array_elements_text(e.f->'quoteIds') x WHERE NOT (x = ANY($1::text[]))))
                               || CASE WHEN split_part(e.f->>'key', '|', 3) = ANY($2::text[]) THEN jsonb_build_object('text', $3::text, 'assembledText', $3::text) ELSE '{}'::jsonb END
                     END ORDER BY e.ord), '[]'::jsonb)
              FROM jsonb_array_elements(v.snapshot->'findings') WITH ORDINALITY AS e(f, ord)))
        WHERE v.project_id = $4 AND EXISTS (SELECT 1 FROM jsonb_array_elements(v.snapshot->'findings') g WHERE g->'quoteIds' ?| $1::text[])`,
      [quoteIds, subjects, placeholder, projectId],
    );
    await manager.query(`DELETE FROM quotes WHERE project_id = $1 AND id = ANY($2::uuid[])`, [projectId, quoteIds]);
  }

  /** "Erased participant N" with the smallest N free in the session (pseudonyms are unique per session). */
  private async erasedName(manager: EntityManager, sessionId: string, language: ProjectLanguage): Promise<string> {
    const taken = new Set(
      ((await manager.query(`SELECT lower(pseudonym) AS name FROM participants WHERE session_id = $1`, [sessionId])) as Array<{ name: string }>).map((row) => row.name),
    );
    for (let n = 1; ; n++) {
      const name = `${ERASED_PARTICIPANT[language]} ${n}`;
      if (!taken.has(name.toLowerCase())) return name;
    }
  }
}

async function projectLanguage(manager: EntityManager, projectId: string): Promise<ProjectLanguage> {
  const [row] = (await manager.query(`SELECT language FROM projects WHERE id = $1`, [projectId])) as Array<{ language: ProjectLanguage }>;
  return row?.language ?? 'en';
}
