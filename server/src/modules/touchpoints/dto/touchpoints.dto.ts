import { IsBoolean } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import {
  CHANNEL_KINDS,
  TEXT_LIMITS,
  type ChannelKind,
  type CreateTouchpointRequest,
  type TouchpointListQuery,
  type TouchpointSort,
  type UpdateTouchpointRequest,
} from '@tropa/contracts';
import { PageQueryDto } from '../../../core/http/page-query.dto';
import { OneOf, OptionalBoolean, OptionalRequiredText, OptionalText, QueryBoolean, RequiredText, TextList, UuidList } from '../../../core/http/validators';
import { IsOptional, IsUUID } from 'class-validator';

const MAX_ALIASES = 50;
const MAX_STAGE_LINKS = 30;

export class CreateTouchpointDto implements CreateTouchpointRequest {
  @RequiredText(TEXT_LIMITS.name)
  name: string;

  @OneOf(CHANNEL_KINDS)
  channel: ChannelKind;

  @ApiProperty()
  @IsBoolean()
  online: boolean;

  @OptionalText(TEXT_LIMITS.name)
  ownerDepartment?: string;

  @UuidList(MAX_STAGE_LINKS)
  stageIds?: string[];

  @TextList(MAX_ALIASES, TEXT_LIMITS.alias)
  aliases?: string[];
}

export class UpdateTouchpointDto implements UpdateTouchpointRequest {
  @OptionalRequiredText(TEXT_LIMITS.name)
  name?: string;

  @OneOf(CHANNEL_KINDS, true)
  channel?: ChannelKind;

  @OptionalBoolean()
  online?: boolean;

  @OptionalText(TEXT_LIMITS.name)
  ownerDepartment?: string;

  @UuidList(MAX_STAGE_LINKS)
  stageIds?: string[];

  @TextList(MAX_ALIASES, TEXT_LIMITS.alias)
  aliases?: string[];
}

export class TouchpointListQueryDto extends PageQueryDto implements TouchpointListQuery {
  @OneOf(['name', 'channel', 'createdAt'], true)
  sort?: TouchpointSort;

  @OptionalText(TEXT_LIMITS.name)
  q?: string;

  @OneOf(CHANNEL_KINDS, true)
  channel?: ChannelKind;

  @QueryBoolean()
  online?: boolean;

  @IsOptional()
  @IsUUID('all', { message: 'stageId must be a stage id' })
  stageId?: string;
}
