import { Injectable } from '@nestjs/common';
import type { AgreementResponse, Disagreement, TagAgreement } from '@tropa/contracts';
import { DataSource } from 'typeorm';
import { DomainException } from '../../../core/errors/domain.exception';
import { MembershipEntity } from '../../members/membership.entity';
import { UtteranceEntity } from '../session.entities';
import { SessionsService } from '../sessions.service';
import type { SettleDisagreementDto } from '../dto/sessions.dto';
import { binaryAgreement } from './cohen-kappa';

interface Application {
  utterance_id: string;
  tag_id: string;
  tag_name: string;
  applied_by: string;
}

/**
 * Agreement of two coders on one session. Units are the session's utterances: a
 * coder applied a tag to an utterance when they applied it to any quote inside it.
 */
@Injectable()
export class AgreementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * Settles one disagreement. keep: the coder who lacked the tag on the utterance gets it
   * on the other coder's quotes there; drop: both coders' applications there go.
   */
  async settle(projectId: string, sessionId: string, dto: SettleDisagreementDto): Promise<AgreementResponse> {
    await this.dataSource.transaction(async (manager) => {
      const utterance = await manager.findOneBy(UtteranceEntity, { id: dto.utteranceId, sessionId, projectId });
      if (!utterance) throw DomainException.invalid('utteranceId', 'utteranceId must be an utterance of this session');
      const coders = [dto.coderA, dto.coderB];
      if (dto.decision === 'drop') {
        await manager.query(
          `DELETE FROM quote_tags qt USING quotes q
            WHERE qt.quote_id = q.id AND q.utterance_id = $1 AND qt.tag_id = $2 AND qt.applied_by = ANY($3)`,
          [utterance.id, dto.tagId, coders],
        );
        return;
      }
      await manager.query(
        `INSERT INTO quote_tags (quote_id, tag_id, applied_by)
         SELECT qt.quote_id, qt.tag_id, coder
           FROM quote_tags qt JOIN quotes q ON q.id = qt.quote_id CROSS JOIN unnest($3::uuid[]) AS coder
          WHERE q.utterance_id = $1 AND qt.tag_id = $2 AND qt.applied_by = ANY($3)
         ON CONFLICT DO NOTHING`,
        [utterance.id, dto.tagId, coders],
      );
    });
    return this.compare(projectId, sessionId, dto.coderA, dto.coderB);
  }

  async compare(projectId: string, sessionId: string, coderA: string, coderB: string): Promise<AgreementResponse> {
    await this.sessions.find(this.dataSource.manager, projectId, sessionId);
    if (coderA === coderB) throw DomainException.invalid('coderB', 'Compare two different coders');
    for (const [field, userId] of [
      ['coderA', coderA],
      ['coderB', coderB],
    ] as const) {
      if (!(await this.dataSource.getRepository(MembershipEntity).existsBy({ projectId, userId }))) {
        throw DomainException.invalid(field, `${field} must be a member of the project`);
      }
    }
    const utterances = await this.dataSource.getRepository(UtteranceEntity).find({ where: { sessionId }, order: { position: 'ASC' } });
    const applications = await this.dataSource.query<Application[]>(
      `SELECT DISTINCT q.utterance_id, qt.tag_id, t.name AS tag_name, qt.applied_by
         FROM quotes q JOIN quote_tags qt ON qt.quote_id = q.id JOIN tags t ON t.id = qt.tag_id
        WHERE q.session_id = $1 AND qt.applied_by = ANY($2)`,
      [sessionId, [coderA, coderB]],
    );
    const has = new Set(applications.map((row) => `${row.applied_by}|${row.tag_id}|${row.utterance_id}`));
    const tagNames = new Map(applications.map((row) => [row.tag_id, row.tag_name]));

    const tags: TagAgreement[] = [...tagNames].map(([tagId, tagName]) => {
      const a = utterances.map((u) => has.has(`${coderA}|${tagId}|${u.id}`));
      const b = utterances.map((u) => has.has(`${coderB}|${tagId}|${u.id}`));
      const { percent, kappa } = binaryAgreement(a, b);
      return { tagId, tagName, units: a.filter((value, i) => value || b[i]).length, percentAgreement: percent, kappa };
    });
    tags.sort((x, y) => x.tagName.localeCompare(y.tagName));

    const disagreements: Disagreement[] = [];
    for (const utterance of utterances) {
      const onlyA: string[] = [];
      const onlyB: string[] = [];
      for (const [tagId, tagName] of tagNames) {
        const a = has.has(`${coderA}|${tagId}|${utterance.id}`);
        const b = has.has(`${coderB}|${tagId}|${utterance.id}`);
        if (a && !b) onlyA.push(tagName);
        if (b && !a) onlyB.push(tagName);
      }
      if (onlyA.length || onlyB.length) disagreements.push({ utteranceId: utterance.id, position: utterance.position, speaker: utterance.speaker, text: utterance.text, onlyA, onlyB });
    }
    const kappas = tags.map((tag) => tag.kappa).filter((kappa): kappa is number => kappa !== null);
    const pairs = tags.length * utterances.length;
    return {
      coderA,
      coderB,
      units: utterances.length,
      percentAgreement: pairs ? tags.reduce((sum, tag) => sum + tag.percentAgreement * utterances.length, 0) / pairs : 0,
      kappa: kappas.length ? kappas.reduce((sum, kappa) => sum + kappa, 0) / kappas.length : null,
      tags,
      disagreements,
    };
  }
}
