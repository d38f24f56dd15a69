import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, QuoteResponse } from '@tropa/contracts';
import { ANY_MEMBER, CurrentUser, ProjectRoles } from '../../core/auth/auth.decorators';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe';
import { CODERS } from '../codebook/codebook.controller';
import { ApplyTagDto, BulkTagDto, CreateQuoteDto, QuoteListQueryDto, UpdateQuoteDto } from '../codebook/dto/codebook.dto';
import type { UserEntity } from '../users/user.entity';
import { QuotesService } from './quotes.service';

const tagId = new UuidParamPipe('Tag');
const quoteId = new UuidParamPipe('Quote');

@ApiTags('quotes')
@Controller('projects/:projectId/quotes')
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Get()
  @ProjectRoles(...ANY_MEMBER)
  list(@Param('projectId') projectId: string, @Query() query: QuoteListQueryDto, @CurrentUser() user: UserEntity): Promise<Page<QuoteResponse>> {
    return this.quotes.list(projectId, query, user);
  }

  @Post()
  @ProjectRoles(...CODERS)
  create(@Param('projectId') projectId: string, @Body() dto: CreateQuoteDto, @CurrentUser() user: UserEntity): Promise<QuoteResponse> {
    return this.quotes.create(projectId, dto, user);
  }

  @Post('bulk-tags')
  @ProjectRoles(...CODERS)
  @HttpCode(200)
  bulkTag(@Param('projectId') projectId: string, @Body() dto: BulkTagDto, @CurrentUser() user: UserEntity): Promise<{ quotes: number }> {
    return this.quotes.bulkTag(projectId, dto, user);
  }

  @Patch(':quoteId')
  @ProjectRoles(...CODERS)
  update(@Param('projectId') projectId: string, @Param('quoteId', quoteId) id: string, @Body() dto: UpdateQuoteDto): Promise<QuoteResponse> {
    return this.quotes.update(projectId, id, dto);
  }

  @Delete(':quoteId')
  @ProjectRoles(...CODERS)
  @HttpCode(204)
  remove(@Param('projectId') projectId: string, @Param('quoteId', quoteId) id: string): Promise<void> {
    return this.quotes.remove(projectId, id);
  }

  @Post(':quoteId/tags')
  @ProjectRoles(...CODERS)
  applyTag(@Param('projectId') projectId: string, @Param('quoteId', quoteId) id: string, @Body() dto: ApplyTagDto, @CurrentUser() user: UserEntity): Promise<QuoteResponse> {
    return this.quotes.applyTag(projectId, id, dto.tagId, user);
  }

  @Delete(':quoteId/tags/:tagId')
  @ProjectRoles(...CODERS)
  @HttpCode(204)
  removeTag(@Param('projectId') projectId: string, @Param('quoteId', quoteId) id: string, @Param('tagId', tagId) tag: string, @CurrentUser() user: UserEntity): Promise<void> {
    return this.quotes.removeTag(projectId, id, tag, user);
  }
}
