import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { AddMemberRequest, ApiError, InvitationResponse, MemberResponse } from '@tropa/contracts';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { AuthStore } from '../../auth/data-access/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { InvitationsStore } from '../data-access/invitations-store';
import { MembersStore } from '../data-access/members-store';
import { AddMemberForm } from '../ui/add-member-form';
import { InvitationTable } from '../ui/invitation-table';
import { InviteLink } from '../ui/invite-link';
import { MemberTable } from '../ui/member-table';
import type { RoleChange } from '../ui/member-table';

interface IssuedInvitation {
  link: string;
  invitation: InvitationResponse;
}

@Component({
  selector: 'tropa-members-tab',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    AddMemberForm,
    MemberTable,
    InvitationTable,
    InviteLink,
    TranslatePipe,
    ErrorBanner,
    LoadingIndicator,
  ],
  providers: [MembersStore, InvitationsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page-header">
      <h2>{{ 'tabs.members' | t }}</h2>
    </div>
    @if (project.isOwner()) {
      <section class="tropa-panel">
        <h3>{{ 'members.add' | t }}</h3>
        @if (issued(); as issued) {
          <tropa-invite-link
            [link]="issued.link"
            [email]="issued.invitation.email"
            [role]="issued.invitation.role"
            (dismissed)="dismissInvitation()"
          />
        }
        <tropa-add-member-form
          [serverError]="addError()"
          [saving]="saving()"
          [resetToken]="added()"
          (submitted)="addMember($event)"
        />
      </section>
    }
    <div class="tropa-filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'common.search' | t }}</mat-label>
        <input matInput type="search" [formControl]="search" data-testid="members-search" />
      </mat-form-field>
    </div>
    @if (members.status() === 'loading') {
      <tropa-loading />
    }
    @if (members.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="members.reload()" />
    }
    @if (actionError(); as actionError) {
      <tropa-error-banner [error]="actionError" [retryable]="false" />
    }
    <tropa-member-table
      [members]="members.items()"
      [editable]="project.isOwner()"
      [currentUserId]="auth.user()?.id ?? null"
      (roleChanged)="changeRole($event)"
      (removed)="removeMember($event)"
    />
    @if (members.total() > (members.query().pageSize ?? 0)) {
      <mat-paginator
        [length]="members.total()"
        [pageIndex]="(members.query().page ?? 1) - 1"
        [pageSize]="members.query().pageSize"
        [pageSizeOptions]="[10, 25, 50, 100]"
        (page)="changePage($event)"
      />
    }

    @if (project.isOwner()) {
      <h3 class="section">{{ 'members.pendingInvitations' | t }}</h3>
      @if (invitations.error(); as error) {
        <tropa-error-banner [error]="error" (retry)="invitations.reload()" />
      }
      @if (invitations.isEmpty()) {
        <p class="tropa-muted" data-testid="invitations-empty">{{ 'members.noInvitations' | t }}</p>
      } @else {
        <tropa-invitation-table [invitations]="invitations.items()" (revoked)="revokeInvitation($event)" />
      }
    }
  `,
  styles: `
    .section {
      margin-top: 32px;
    }
  `,
})
export class MembersTab {
  protected readonly project = inject(ProjectStore);
  protected readonly auth = inject(AuthStore);
  protected readonly members = inject(MembersStore);
  protected readonly invitations = inject(InvitationsStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);

  readonly projectId = input.required<string>();

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly issued = signal<IssuedInvitation | null>(null);
  protected readonly addError = signal<ApiError | null>(null);
  protected readonly actionError = signal<ApiError | null>(null);
  protected readonly saving = signal(false);
  protected readonly added = signal(0);

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      const isOwner = this.project.isOwner();
      untracked(() => {
        this.members.open(projectId);
        if (isOwner) {
          this.invitations.open(projectId);
        }
      });
    });
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((q) => this.members.load({ q: q.trim() || undefined }));
  }

  protected async addMember(request: AddMemberRequest): Promise<void> {
    this.addError.set(null);
    this.issued.set(null);
    this.saving.set(true);
    const result = await this.members.add(request);
    this.saving.set(false);
    if (!result.ok) {
      this.addError.set(result.error);
      return;
    }
    this.added.update((count) => count + 1);
    const { invitation, member } = result.value;
    if (invitation?.token) {
      this.issued.set({ invitation, link: this.inviteLink(invitation.token) });
      this.invitations.reload();
    } else if (member) {
      this.snackBar.open(this.i18n.t('members.added', { email: member.email }), undefined, { duration: 3000 });
    }
  }

  protected async changeRole(change: RoleChange): Promise<void> {
    this.actionError.set(null);
    const result = await this.members.changeRole(change.userId, change.role);
    if (!result.ok) {
      this.actionError.set(result.error);
      this.members.reload();
    }
  }

  protected async removeMember(member: MemberResponse): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('members.removeTitle'),
      message: this.i18n.t('members.removeConfirm', { email: member.email }),
      confirmLabel: this.i18n.t('common.remove'),
    });
    if (!confirmed) {
      return;
    }
    this.actionError.set(null);
    const result = await this.members.remove(member.userId);
    if (!result.ok) {
      this.actionError.set(result.error);
    }
  }

  protected async revokeInvitation(invitation: InvitationResponse): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('members.revokeTitle'),
      message: this.i18n.t('members.revokeConfirm', { email: invitation.email }),
      confirmLabel: this.i18n.t('members.revoke'),
    });
    if (!confirmed) {
      return;
    }
    this.actionError.set(null);
    const result = await this.invitations.revoke(invitation.id);
    if (!result.ok) {
      this.actionError.set(result.error);
    }
  }

  protected dismissInvitation(): void {
    this.issued.set(null);
  }

  protected changePage(event: PageEvent): void {
    this.members.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  private inviteLink(token: string): string {
    const origin = this.document.location?.origin ?? '';
    return `${origin}/invite/${encodeURIComponent(token)}`;
  }
}
