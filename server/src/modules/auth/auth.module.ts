import { Global, Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordService } from './password.service';
import { SessionsService } from './sessions.service';

@Global()
@Module({
  imports: [MembersModule],
  controllers: [AuthController],
  providers: [AuthService, PasswordService, SessionsService],
  exports: [PasswordService, SessionsService],
})
export class AuthModule {}
