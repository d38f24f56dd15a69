import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ApiError } from '@tropa/contracts';
import { anApiError } from '../../testing/factories';
import { RegisterForm } from './register-form';
import type { RegisterFormValue } from './register-form';

@Component({
  selector: 'tropa-test-host',
  imports: [RegisterForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<tropa-register-form [email]="email()" [serverError]="error()" (submitted)="submitted.set($event)" />`,
})
class TestHost {
  readonly email = signal('');
  readonly error = signal<ApiError | null>(null);
  readonly submitted = signal<RegisterFormValue | null>(null);
}

function typeInto(root: HTMLElement, testId: string, value: string): void {
  const input = root.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
  if (!input) throw new Error(`no ${testId}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('RegisterForm', () => {
  async function setUp(): Promise<{ host: TestHost; root: HTMLElement; render: () => Promise<void> }> {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    const fixture = TestBed.createComponent(TestHost);
    await fixture.whenStable();
    return { host: fixture.componentInstance, root: fixture.nativeElement as HTMLElement, render: () => fixture.whenStable() };
  }

  it('should show each server field error next to its field when the server rejects the input', async () => {
    const { host, root, render } = await setUp();

    host.error.set(
      anApiError({
        details: [
          { field: 'email', message: 'email must be an email' },
          { field: 'password', message: 'password must be longer than or equal to 8 characters' },
        ],
      }),
    );
    await render();

    const emailField = root.querySelector('[data-testid="register-email"]')?.closest('mat-form-field');
    const passwordField = root.querySelector('[data-testid="register-password"]')?.closest('mat-form-field');
    expect(emailField?.querySelector('[data-testid="error-email"]')?.textContent).toContain('email must be an email');
    expect(passwordField?.querySelector('[data-testid="error-password"]')?.textContent).toContain(
      'password must be longer than or equal to 8 characters',
    );
    expect(root.querySelector('[data-testid="form-error"]')).toBeNull();
  });

  it('should show the server message above the form when no field is named', async () => {
    const { host, root, render } = await setUp();

    host.error.set(anApiError({ statusCode: 403, error: 'Forbidden', message: 'Registration requires an invitation' }));
    await render();

    expect(root.querySelector('[data-testid="form-error"]')?.textContent).toContain('Registration requires an invitation');
  });

  it('should prefill the invited email and emit the trimmed values on submit', async () => {
    const { host, root, render } = await setUp();
    host.email.set('invited@example.com');
    await render();

    typeInto(root, 'register-display-name', '  Boris ');
    typeInto(root, 'register-password', 'long-enough-password');
    root.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    await render();

    expect(host.submitted()).toEqual({
      email: 'invited@example.com',
      displayName: 'Boris',
      password: 'long-enough-password',
    });
  });

  it('should not submit when a required field is empty', async () => {
    const { host, root, render } = await setUp();

    root.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    await render();

    expect(host.submitted()).toBeNull();
  });
});
