import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntryResponse, Page } from '@tropa/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { pageWindow, sqlOrder, toPage } from '../../core/http/page-query.dto';
import { AuditLogEntity } from './audit-log.entity';
import type { AuditListQueryDto } from './dto/audit-list-query.dto';

export interface AuditEvent {
  action: AuditAction;
  actorId?: string | null;
  actorEmail?: string | null;
  projectId?: string | null;
  target?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

function toResponse(row: AuditLogEntity): AuditEntryResponse {
  return {
    id: row.id,
    action: row.action,
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    projectId: row.projectId,
    target: row.target,
    details: row.details,
    createdAt: row.createdAt.toISOString(),
  };
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an event; pass the transaction's manager so the row lands with the change or not at all. */
  async record(event: AuditEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.save(
      manager.create(AuditLogEntity, {
      action: event.action,
      actorId: event.actorId ?? null,
      actorEmail: event.actorEmail ?? null,
      projectId: event.projectId ?? null,
      target: event.target ?? null,
      details: event.details ?? {},
      ip: event.ip ?? null,
      }),
    );
  }

  async listForProject(projectId: string, query: AuditListQueryDto): Promise<Page<AuditEntryResponse>> {
    const window = pageWindow(query);
    const builder = this.dataSource
      .getRepository(AuditLogEntity)
      .createQueryBuilder('audit')
      .where('audit.project_id = :projectId', { projectId })
      .orderBy('audit.createdAt', sqlOrder(query.order, 'desc'))
      .addOrderBy('audit.id', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    if (query.action) builder.andWhere('audit.action = :action', { action: query.action });
    return toPage(await builder.getManyAndCount(), window, toResponse);
  }
}
