import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AddMemberResponse, InvitationResponse, MemberResponse, Page } from '@tropa/contracts';
import { ANY_MEMBER, CurrentUser, ProjectRoles } from '../../core/auth/auth.decorators';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe';
import type { UserEntity } from '../users/user.entity';
import { AddMemberDto, MemberListQueryDto, UpdateMemberDto } from './dto/members.dto';
import { InvitationsService } from './invitations.service';
import { MembersService } from './members.service';

@ApiTags('members')
@Controller('projects/:projectId')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get('members')
  @ProjectRoles(...ANY_MEMBER)
  list(@Param('projectId') projectId: string, @Query() query: MemberListQueryDto): Promise<Page<MemberResponse>> {
    return this.members.list(projectId, query);
  }

  @Post('members')
  @ProjectRoles('owner')
  add(@Param('projectId') projectId: string, @Body() dto: AddMemberDto, @CurrentUser() user: UserEntity): Promise<AddMemberResponse> {
    return this.members.add(projectId, dto, user);
  }

  @Patch('members/:userId')
  @ProjectRoles('owner')
  updateRole(
    @Param('projectId') projectId: string,
    @Param('userId', new UuidParamPipe('Member')) userId: string,
    @Body() dto: UpdateMemberDto,
    @CurrentUser() user: UserEntity,
  ): Promise<MemberResponse> {
    return this.members.updateRole(projectId, userId, dto, user);
  }

  @Delete('members/:userId')
  @ProjectRoles('owner')
  @HttpCode(204)
  remove(@Param('projectId') projectId: string, @Param('userId', new UuidParamPipe('Member')) userId: string, @CurrentUser() user: UserEntity): Promise<void> {
    return this.members.remove(projectId, userId, user);
  }

  @Get('invitations')
  @ProjectRoles('owner')
  listInvitations(@Param('projectId') projectId: string, @Query() query: PageQueryDto): Promise<Page<InvitationResponse>> {
    return this.invitations.listPending(projectId, query);
  }

  @Delete('invitations/:invitationId')
  @ProjectRoles('owner')
  @HttpCode(204)
  revokeInvitation(
    @Param('projectId') projectId: string,
    @Param('invitationId', new UuidParamPipe('Invitation')) invitationId: string,
    @CurrentUser() user: UserEntity,
  ): Promise<void> {
    return this.invitations.revoke(projectId, invitationId, user);
  }
}
