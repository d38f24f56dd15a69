import { Module } from '@nestjs/common';
import { InvitationsService } from './invitations.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({ controllers: [MembersController], providers: [MembersService, InvitationsService], exports: [InvitationsService, MembersService] })
export class MembersModule {}
