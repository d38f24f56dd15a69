import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, PersonaResponse } from '@tropa/contracts';
import { ANY_MEMBER, ProjectRoles, RESEARCH_EDITORS } from '../../core/auth/auth.decorators';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe';
import { CreatePersonaDto, PersonaListQueryDto, UpdatePersonaDto } from './dto/personas.dto';
import { PersonasService } from './personas.service';

@ApiTags('personas')
@Controller('projects/:projectId/personas')
export class PersonasController {
  constructor(private readonly personas: PersonasService) {}

  @Get()
  @ProjectRoles(...ANY_MEMBER)
  list(@Param('projectId') projectId: string, @Query() query: PersonaListQueryDto): Promise<Page<PersonaResponse>> {
    return this.personas.list(projectId, query);
  }

  @Post()
  @ProjectRoles(...RESEARCH_EDITORS)
  create(@Param('projectId') projectId: string, @Body() dto: CreatePersonaDto): Promise<PersonaResponse> {
    return this.personas.create(projectId, dto);
  }

  @Patch(':personaId')
  @ProjectRoles(...RESEARCH_EDITORS)
  update(
    @Param('projectId') projectId: string,
    @Param('personaId', new UuidParamPipe('Persona')) personaId: string,
    @Body() dto: UpdatePersonaDto,
  ): Promise<PersonaResponse> {
    return this.personas.update(projectId, personaId, dto);
  }

  @Delete(':personaId')
  @ProjectRoles(...RESEARCH_EDITORS)
  @HttpCode(204)
  remove(@Param('projectId') projectId: string, @Param('personaId', new UuidParamPipe('Persona')) personaId: string): Promise<void> {
    return this.personas.remove(projectId, personaId);
  }
}
