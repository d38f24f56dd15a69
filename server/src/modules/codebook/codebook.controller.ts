import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Page, ProjectRole, TagResponse } from '@tropa/contracts';
import { ANY_MEMBER, ProjectRoles } from '../../core/auth/auth.decorators';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe';
import { CodebookExchangeService, type CodebookImportReport, MAX_CODEBOOK_BYTES } from './codebook-exchange.service';
import { CodebookService } from './codebook.service';
import { CodebookExportQueryDto, CreateTagDto, MergeTagDto, TagListQueryDto, UpdateTagDto } from './dto/codebook.dto';

/** Coding is the moderators' work, shared with researchers and owners. */
export const CODERS: ProjectRole[] = ['owner', 'researcher', 'moderator'];
const tagId = new UuidParamPipe('Tag');

@ApiTags('codebook')
@Controller('projects/:projectId/tags')
export class CodebookController {
  constructor(
    private readonly codebook: CodebookService,
    private readonly exchange: CodebookExchangeService,
  ) {}

  /** The codebook as REFI-QDA XML (.qdc) for NVivo, ATLAS.ti, MAXQDA — or as CSV. */
  @Get('export')
  @ProjectRoles(...ANY_MEMBER)
  async export(@Param('projectId') projectId: string, @Query() query: CodebookExportQueryDto, @Res() response: Response): Promise<void> {
    const file = await this.exchange.export(projectId, query.format);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    response.send(file.body);
  }

  @Post('import')
  @ProjectRoles(...CODERS)
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_CODEBOOK_BYTES, files: 1 } }))
  import(@Param('projectId') projectId: string, @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined): Promise<CodebookImportReport> {
    return this.exchange.import(projectId, file);
  }

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
