import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, ProjectRole, TagResponse } from '@tropa/contracts';
import { ANY_MEMBER, ProjectRoles } from '../../core/auth/auth.decorators';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe';
import { CodebookService } from './codebook.service';
import { CreateTagDto, MergeTagDto, TagListQueryDto, UpdateTagDto } from './dto/codebook.dto';

/** Coding is the moderators' work, shared with researchers and owners. */
export const CODERS: ProjectRole[] = ['owner', 'researcher', 'moderator'];
const tagId = new UuidParamPipe('Tag');

@ApiTags('codebook')
@Controller('projects/:projectId/tags')
export class CodebookController {
  constructor(private readonly codebook: CodebookService) {}

  @Get()
  @ProjectRoles(...ANY_MEMBER)
  list(@Param('projectId') projectId: string, @Query() query: TagListQueryDto): Promise<Page<TagResponse>> {
    return this.codebook.list(projectId, query);
  }

  @Post()
  @ProjectRoles(...CODERS)
  create(@Param('projectId') projectId: string, @Body() dto: CreateTagDto): Promise<TagResponse> {
    return this.codebook.create(projectId, dto);
  }

  /** With `usage`: how many quotes deleting it would untag. */
  @Get(':tagId')
  @ProjectRoles(...ANY_MEMBER)
  get(@Param('projectId') projectId: string, @Param('tagId', tagId) id: string): Promise<TagResponse> {
    return this.codebook.get(projectId, id);
  }

  @Patch(':tagId')
  @ProjectRoles(...CODERS)
  update(@Param('projectId') projectId: string, @Param('tagId', tagId) id: string, @Body() dto: UpdateTagDto): Promise<TagResponse> {
    return this.codebook.update(projectId, id, dto);
  }

  @Post(':tagId/merge')
  @ProjectRoles(...CODERS)
  @HttpCode(200)
  merge(@Param('projectId') projectId: string, @Param('tagId', tagId) id: string, @Body() dto: MergeTagDto): Promise<TagResponse> {
    return this.codebook.merge(projectId, id, dto.intoTagId);
  }

  @Delete(':tagId')
  @ProjectRoles(...CODERS)
  @HttpCode(204)
  remove(@Param('projectId') projectId: string, @Param('tagId', tagId) id: string): Promise<void> {
    return this.codebook.remove(projectId, id);
  }
}
