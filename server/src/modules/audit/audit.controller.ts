import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEntryResponse, Page } from '@tropa/contracts';
import { ProjectRoles } from '../../core/auth/auth.decorators';
import { AuditService } from './audit.service';
import { AuditListQueryDto } from './dto/audit-list-query.dto';

@ApiTags('audit')
@Controller('projects/:projectId/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ProjectRoles('owner')
  list(@Param('projectId') projectId: string, @Query() query: AuditListQueryDto): Promise<Page<AuditEntryResponse>> {
    return this.audit.listForProject(projectId, query);
  }
}
