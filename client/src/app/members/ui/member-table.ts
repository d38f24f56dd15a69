import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSelectModule } from '@angular/material/select';
import type { MemberResponse, ProjectRole } from '@tropa/contracts';
import { PROJECT_ROLES } from '@tropa/contracts';
import { labelKeys } from '../../core/i18n/labels';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

export interface RoleChange {
  userId: string;
  role: ProjectRole;
}

@Component({
  selector: 'tropa-member-table',
  imports: [MatButtonModule, MatSelectModule, TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-table-wrap">
      <table class="tropa-table" data-testid="member-table">
        <thead>
          <tr>
            <th>{{ 'auth.displayName' | t }}</th>
            <th>{{ 'auth.email' | t }}</th>
            <th>{{ 'members.role' | t }}</th>
            <th>{{ 'members.joined' | t }}</th>
            @if (editable()) {
              <th><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (member of members(); track member.userId) {
            <tr data-testid="member-row">
              <td>{{ member.displayName }}</td>
              <td data-testid="member-row-email">{{ member.email }}</td>
              <td>
                @if (editable() && member.userId !== currentUserId()) {
                  <mat-select
                    class="role-select"
                    [value]="member.role"
                    (valueChange)="roleChanged.emit({ userId: member.userId, role: $event })"
                    [attr.aria-label]="'members.role' | t"
                    data-testid="member-row-role-select"
                  >
                    @for (role of roles; track role) {
                      <mat-option [value]="role">{{ labels.role(role) | t }}</mat-option>
                    }
                  </mat-select>
                } @else {
                  <span data-testid="member-row-role">{{ labels.role(member.role) | t }}</span>
                }
              </td>
              <td>{{ member.joinedAt | localDate }}</td>
              @if (editable()) {
                <td class="actions">
                  @if (member.userId !== currentUserId()) {
                    <button mat-button type="button" class="delete" (click)="removed.emit(member)" data-testid="member-remove">
                      {{ 'common.remove' | t }}
                    </button>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .role-select {
      min-width: 160px;
    }
    .actions {
      text-align: right;
    }
    .delete {
      color: var(--mat-sys-error);
    }
  `,
})
export class MemberTable {
  readonly members = input.required<MemberResponse[]>();
  readonly editable = input(false);
  readonly currentUserId = input<string | null>(null);
  readonly roleChanged = output<RoleChange>();
  readonly removed = output<MemberResponse>();

  protected readonly labels = labelKeys;
  protected readonly roles = PROJECT_ROLES;
}
