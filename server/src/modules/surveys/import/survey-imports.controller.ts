import { Body, Controller, Get, HttpCode, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Page, RunImportResponse, SurveyImportResponse } from '@tropa/contracts';
import { ANY_MEMBER, CurrentUser, ProjectRoles, RESEARCH_EDITORS } from '../../../core/auth/auth.decorators';
import { PageQueryDto } from '../../../core/http/page-query.dto';
import { UuidParamPipe } from '../../../core/http/uuid-param.pipe';
import type { UserEntity } from '../../users/user.entity';
import { RunImportDto } from '../dto/surveys.dto';
import { MAX_IMPORT_BYTES, SurveyImportsService } from './survey-imports.service';
import { RemoveTemporaryUpload, temporaryFileStorage, type UploadedTemporaryFile } from './temporary-upload';

const surveyId = new UuidParamPipe('Survey');
const importId = new UuidParamPipe('Import');

@ApiTags('survey imports')
@Controller('projects/:projectId/surveys/:surveyId/imports')
export class SurveyImportsController {
  constructor(private readonly imports: SurveyImportsService) {}

  /** Upload a CSV/XLSX export (Google Forms, SurveyMonkey, Typeform, Qualtrics); returns its columns and a suggested mapping. */
  @Post()
  @ProjectRoles(...RESEARCH_EDITORS)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { storage: temporaryFileStorage, limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } }), RemoveTemporaryUpload)
  upload(
    @Param('projectId') projectId: string,
    @Param('surveyId', surveyId) id: string,
    @UploadedFile() file: UploadedTemporaryFile | undefined,
    @CurrentUser() user: UserEntity,
  ): Promise<SurveyImportResponse> {
    return this.imports.upload(projectId, id, file, user);
  }

  @Get()
  @ProjectRoles(...ANY_MEMBER)
  list(@Param('projectId') projectId: string, @Param('surveyId', surveyId) id: string, @Query() query: PageQueryDto): Promise<Page<SurveyImportResponse>> {
    return this.imports.list(projectId, id, query);
  }

  @Get(':importId')
  @ProjectRoles(...ANY_MEMBER)
  get(@Param('projectId') projectId: string, @Param('surveyId', surveyId) id: string, @Param('importId', importId) importIdValue: string): Promise<SurveyImportResponse> {
    return this.imports.get(projectId, id, importIdValue);
  }

  /** Validate (dryRun) or import the file with this mapping, as a background job. */
  @Post(':importId/run')
  @ProjectRoles(...RESEARCH_EDITORS)
  @HttpCode(202)
  run(
    @Param('projectId') projectId: string,
    @Param('surveyId', surveyId) id: string,
    @Param('importId', importId) importIdValue: string,
    @Body() dto: RunImportDto,
    @CurrentUser() user: UserEntity,
  ): Promise<RunImportResponse> {
    return this.imports.run(projectId, id, importIdValue, dto, user);
  }
}
