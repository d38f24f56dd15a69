import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { MemberResponse } from '@tropa/contracts';
import { aPage } from '../../testing/factories';
import { MembersStore } from './members-store';

function aMember(overrides: Partial<MemberResponse> = {}): MemberResponse {
  return {
    userId: 'user-1',
    email: 'anna@example.com',
    displayName: 'Anna',
    role: 'owner',
    joinedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('MembersStore', () => {
  let store: MembersStore;
  let http: HttpTestingController;
  const membersUrl = '/api/projects/project-1/members';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), MembersStore],
    });
    store = TestBed.inject(MembersStore);
    http = TestBed.inject(HttpTestingController);
    store.open('project-1');
    http.expectOne((req) => req.url === membersUrl).flush(aPage([aMember()]));
  });

  afterEach(() => http.verify());

  it('should hand back the invitation token and not reload the members when an unknown email is invited', async () => {
    const add = store.add({ email: 'new@example.com', role: 'strategist' });
    const request = http.expectOne({ method: 'POST', url: membersUrl });
    expect(request.request.body).toEqual({ email: 'new@example.com', role: 'strategist' });
    request.flush(
      {
        member: null,
        invitation: {
          id: 'inv-1',
          email: 'new@example.com',
          role: 'strategist',
          token: 'secret-token',
          expiresAt: '2026-02-01T00:00:00.000Z',
          createdAt: '2026-01-01T00:00:00.000Z',
        },
      },
      { status: 201, statusText: 'Created' },
    );

    const result = await add;

    expect(result.ok && result.value.invitation?.token).toBe('secret-token');
    http.expectNone((req) => req.method === 'GET' && req.url === membersUrl);
  });

  it('should reload the list when an existing user joins at once', async () => {
    const add = store.add({ email: 'boris@example.com', role: 'researcher' });
    http
      .expectOne({ method: 'POST', url: membersUrl })
      .flush(
        { member: aMember({ userId: 'user-2', email: 'boris@example.com', role: 'researcher' }), invitation: null },
        { status: 201, statusText: 'Created' },
      );
    await add;

    http
      .expectOne((req) => req.method === 'GET' && req.url === membersUrl)
      .flush(aPage([aMember(), aMember({ userId: 'user-2', email: 'boris@example.com', role: 'researcher' })]));
    expect(store.items()).toHaveLength(2);
  });

  it('should show the new role of a member after a role change', async () => {
    const change = store.changeRole('user-1', 'researcher');
    const request = http.expectOne({ method: 'PATCH', url: `${membersUrl}/user-1` });
    expect(request.request.body).toEqual({ role: 'researcher' });
    request.flush(aMember({ role: 'researcher' }));
    await change;

    expect(store.items()[0].role).toBe('researcher');
  });
});
