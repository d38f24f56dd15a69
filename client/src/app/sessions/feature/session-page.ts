import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { AuthStore } from '../../auth/data-access/auth-store';
import type { ApiError, CreateParticipantRequest, CreateSessionRequest, ParticipantResponse } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { labelKeys } from '../../core/i18n/labels';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { toResult } from '../../core/http/api-error';
import { PrivacyApi } from '../../privacy/data-access/privacy-api';
import { ProjectStore } from '../../projects/data-access/project-store';
import { SessionStore } from '../data-access/session-store';
import { canCode, canSeeContacts, canWriteSessions } from '../model/session-roles';
import { ParticipantForm } from '../ui/participant-form';
import { ParticipantTable } from '../ui/participant-table';
import { SessionForm } from '../ui/session-form';
import { AgreementPanel } from './agreement-panel';
import { TranscriptImportPanel } from './transcript-import-panel';
import { TranscriptViewer } from './transcript-viewer';

/** One session: details, participants, and its transcript (the upload wizard until there is one). */
@Component({
  selector: 'tropa-session-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    SessionForm,
    ParticipantForm,
    ParticipantTable,
    TranscriptImportPanel,
    TranscriptViewer,
    AgreementPanel,
    TranslatePipe,
    LocalDatePipe,
    ErrorBanner,
    LoadingIndicator,
  ],
  providers: [SessionStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a routerLink="../" class="back" data-testid="sessions-back">{{ 'sessions.back' | t }}</a>
    @if (store.session(); as session) {
      <div class="tropa-page-header heading">
        <h2 data-testid="session-heading">{{ session.title }}</h2>
        <span class="tropa-chip" data-testid="session-kind-chip">{{ labels.sessionKind(session.kind) | t }}</span>
      </div>
      @if (!canWrite()) {
        <p class="tropa-muted" data-testid="session-read-only">{{ 'sessions.readOnly' | t }}</p>
      }
      @if (actionError(); as actionError) {
        <tropa-error-banner [error]="actionError" [retryable]="false" />
      }

      <section class="tropa-panel" data-testid="session-details">
        <div class="tropa-page-header">
          <h3>{{ 'sessions.details' | t }}</h3>
          @if (canWrite() && !editing()) {
            <button mat-button type="button" (click)="startEdit()" data-testid="session-edit">{{ 'common.edit' | t }}</button>
            <button mat-button type="button" (click)="deleteSession()" data-testid="session-delete">{{ 'common.delete' | t }}</button>
          }
        </div>
        @if (editing()) {
          <tropa-session-form
            [session]="session"
            [members]="store.members()"
            [serverError]="formError()"
            [saving]="saving()"
            (submitted)="saveSession($event)"
            (cancelled)="editing.set(false)"
          />
        } @else {
          <dl class="details">
            <dt>{{ 'sessions.heldOn' | t }}</dt>
            <dd data-testid="session-held-on-value">{{ (session.heldOn | localDate) || '—' }}</dd>
            <dt>{{ 'sessions.moderator' | t }}</dt>
            <dd data-testid="session-moderator-value">{{ store.moderator()?.displayName ?? ('sessions.noModerator' | t) }}</dd>
            <dt>{{ 'sessions.notes' | t }}</dt>
            <dd class="notes" data-testid="session-notes-value">{{ session.notes || '—' }}</dd>
          </dl>
        }
      </section>

      <section class="tropa-panel" data-testid="participants">
        <div class="tropa-page-header">
          <h3>{{ 'participants.title' | t }}</h3>
          @if (canWrite() && participantEditing() === null) {
            <button mat-button type="button" (click)="startParticipant('new')" data-testid="participant-add">
              {{ 'participants.add' | t }}
            </button>
          }
        </div>
        @if (participantEditing() !== null) {
          <tropa-participant-form
            [participant]="editedParticipant()"
            [personas]="store.personas()"
            [contactVisible]="contactVisible()"
            [serverError]="participantError()"
            [saving]="saving()"
            (submitted)="saveParticipant($event)"
            (cancelled)="participantEditing.set(null)"
          />
        }
        @if (store.participants().length === 0) {
          <p class="tropa-empty" data-testid="participants-empty">{{ 'participants.empty' | t }}</p>
        } @else {
          <tropa-participant-table
            [participants]="store.participants()"
            [personas]="store.personas()"
            [editable]="canWrite()"
            [erasable]="project.canEditContent()"
            (edit)="startParticipant($event)"
            (remove)="deleteParticipant($event)"
            (erase)="eraseParticipant($event)"
          />
        }
      </section>

      <section class="transcript" data-testid="transcript-section">
        @if (store.hasTranscript()) {
          <mat-button-toggle-group
            class="tabs"
            [value]="tab()"
            (change)="tab.set($event.value)"
            [attr.aria-label]="'transcript.title' | t"
            data-testid="session-tabs"
          >
            <mat-button-toggle value="transcript" data-testid="session-tab-transcript">{{ 'coding.tabTranscript' | t }}</mat-button-toggle>
            <mat-button-toggle value="agreement" data-testid="session-tab-agreement">{{ 'coding.tabAgreement' | t }}</mat-button-toggle>
          </mat-button-toggle-group>
          @if (tab() === 'agreement') {
            <tropa-agreement-panel
              [projectId]="projectId()"
              [sessionId]="session.id"
              [members]="store.members()"
              [me]="me()"
              [canSettle]="coder()"
              (utteranceOpened)="showUtterance($event)"
            />
          } @else {
            @for (revision of [transcriptRevision()]; track revision) {
              <tropa-transcript-viewer
                [projectId]="projectId()"
                [sessionId]="session.id"
                [participants]="store.participants()"
                [members]="store.members()"
                [me]="me()"
                [canCode]="coder()"
                [blindCoding]="session.blindCoding"
                [focusUtteranceId]="utterance() ?? null"
              />
            }
          }
        } @else if (canWrite()) {
          <h3>{{ 'transcript.title' | t }}</h3>
          <tropa-transcript-import-panel [projectId]="projectId()" [sessionId]="session.id" (saved)="transcriptSaved()" />
        } @else {
          <h3>{{ 'transcript.title' | t }}</h3>
          <p class="tropa-empty" data-testid="transcript-none">{{ 'transcript.none' | t }}</p>
        }
      </section>
    } @else if (store.status() === 'error') {
      @if (store.error(); as error) {
        <tropa-error-banner [error]="error" (retry)="store.load(projectId(), sessionId())" />
      }
    } @else {
      <tropa-loading />
    }
  `,
  styles: `
    .back {
      color: var(--mat-sys-primary);
    }
    .heading {
      margin-top: 8px;
    }
    .details {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .notes {
      white-space: pre-wrap;
    }
    .transcript {
      margin-top: 16px;
    }
    .tabs {
      margin-bottom: 12px;
    }
  `,
})
export class SessionPage {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly privacy = inject(PrivacyApi);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);

  readonly projectId = input.required<string>();
  readonly sessionId = input.required<string>();
  /** `?utterance=<id>`: a deep link into the transcript (the quotes page links here). */
  readonly utterance = input<string | undefined>();

  protected readonly labels = labelKeys;
  protected readonly canWrite = computed(() => canWriteSessions(this.project.role()));
  protected readonly contactVisible = computed(() => canSeeContacts(this.project.role()));
  /** Highlighting and tagging, and settling disagreements. */
  protected readonly coder = computed(() => canCode(this.project.role()));
  protected readonly me = computed(() => this.auth.user()?.id ?? null);
  protected readonly tab = signal<'transcript' | 'agreement'>('transcript');
  protected readonly editing = signal(false);
  protected readonly saving = signal(false);
  protected readonly formError = signal<ApiError | null>(null);
  protected readonly actionError = signal<ApiError | null>(null);
  /** Bumped after an erasure: the transcript viewer is created anew and reloads the utterances. */
  protected readonly transcriptRevision = signal(0);
  /** 'new', a participant's id, or null when no participant form is open. */
  protected readonly participantEditing = signal<string | null>(null);
  protected readonly participantError = signal<ApiError | null>(null);
  protected readonly editedParticipant = computed(() => {
    const id = this.participantEditing();
    return this.store.participants().find((participant) => participant.id === id) ?? null;
  });

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      const sessionId = this.sessionId();
      untracked(() => this.store.load(projectId, sessionId));
    });
  }

  protected startEdit(): void {
    this.formError.set(null);
    this.editing.set(true);
  }

  protected async saveSession(request: CreateSessionRequest): Promise<void> {
    this.formError.set(null);
    this.saving.set(true);
    const result = await this.store.update(request);
    this.saving.set(false);
    if (result.ok) {
      this.editing.set(false);
    } else {
      this.formError.set(result.error);
    }
  }

  protected async deleteSession(): Promise<void> {
    const session = this.store.session();
    if (!session) {
      return;
    }
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('sessions.deleteTitle'),
      message: this.i18n.t('sessions.deleteConfirm', { title: session.title }),
      confirmLabel: this.i18n.t('common.delete'),
    });
    if (!confirmed) {
      return;
    }
    const result = await this.store.remove();
    if (result.ok) {
      await this.router.navigate(['../'], { relativeTo: this.route });
    } else {
      this.actionError.set(result.error);
    }
  }

  protected startParticipant(participant: ParticipantResponse | 'new'): void {
    this.participantError.set(null);
    this.participantEditing.set(participant === 'new' ? 'new' : participant.id);
  }

  protected async saveParticipant(request: CreateParticipantRequest): Promise<void> {
    const editing = this.participantEditing();
    this.participantError.set(null);
    this.saving.set(true);
    const result =
      editing && editing !== 'new' ? await this.store.updateParticipant(editing, request) : await this.store.createParticipant(request);
    this.saving.set(false);
    if (result.ok) {
      this.participantEditing.set(null);
    } else {
      this.participantError.set(result.error);
    }
  }

  /** Erases what a participant said and left (see privacy.participant.eraseConfirm), then reloads the session and its transcript. */
  protected async eraseParticipant(participant: ParticipantResponse): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('privacy.participant.eraseTitle', { name: participant.pseudonym }),
      message: this.i18n.t('privacy.participant.eraseConfirm', { name: participant.pseudonym }),
      confirmLabel: this.i18n.t('privacy.erase'),
    });
    if (!confirmed) {
      return;
    }
    this.actionError.set(null);
    const result = await toResult(this.privacy.eraseParticipant(this.projectId(), this.sessionId(), participant.id));
    if (!result.ok) {
      this.actionError.set(result.error);
      return;
    }
    this.snackBar.open(this.i18n.t('privacy.participant.erasedToast', { utterances: result.value.utterances, quotes: result.value.quotes }), undefined, {
      duration: 4000,
    });
    this.store.load(this.projectId(), this.sessionId());
    this.transcriptRevision.update((revision) => revision + 1);
  }

  protected async deleteParticipant(participant: ParticipantResponse): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('participants.deleteTitle'),
      message: this.i18n.t('participants.deleteConfirm', { name: participant.pseudonym }),
      confirmLabel: this.i18n.t('common.delete'),
    });
    if (!confirmed) {
      return;
    }
    this.actionError.set(null);
    const result = await this.store.removeParticipant(participant.id);
    if (!result.ok) {
      this.actionError.set(result.error);
    }
  }

  /** From the agreement report to the utterance in the transcript (the same deep link the quotes page uses). */
  protected async showUtterance(utteranceId: string): Promise<void> {
    this.tab.set('transcript');
    await this.router.navigate([], { relativeTo: this.route, queryParams: { utterance: utteranceId }, queryParamsHandling: 'merge' });
  }

  protected async transcriptSaved(): Promise<void> {
    await this.store.refreshSession();
  }
}
