import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import {
  TEXT_LIMITS,
  type CreateStageRequest,
  type ReorderStagesRequest,
  type StageListQuery,
  type StageSort,
  type UpdateStageRequest,
} from '@tropa/contracts';
import { PageQueryDto } from '../../../core/http/page-query.dto';
import { OneOf, OptionalRequiredText, OptionalText, QueryInt, RequiredText } from '../../../core/http/validators';

export const MAX_STAGES = 30;

export class CreateStageDto implements CreateStageRequest {
  @RequiredText(TEXT_LIMITS.name)
  name: string;

  @OptionalText(TEXT_LIMITS.description)
  description?: string;

  @QueryInt(0, MAX_STAGES)
  position?: number;
}

export class UpdateStageDto implements UpdateStageRequest {
  @OptionalRequiredText(TEXT_LIMITS.name)
  name?: string;

  @OptionalText(TEXT_LIMITS.description)
  description?: string;
}

export class ReorderStagesDto implements ReorderStagesRequest {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_STAGES)
  @IsUUID('all', { each: true })
  stageIds: string[];
}

export class StageListQueryDto extends PageQueryDto implements StageListQuery {
  @OneOf(['position', 'name'], true)
  sort?: StageSort;

  @OptionalText(TEXT_LIMITS.name)
  q?: string;
}
