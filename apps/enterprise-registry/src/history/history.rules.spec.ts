import { actorOf } from './history.rules';

describe('actorOf', () => {
  it('records the role the endpoint asked for, when the caller has several', () => {
    expect(actorOf({ id: 'u1', name: 'Ayşe', roles: ['officer', 'admin'] }, ['admin'])).toEqual({ sub: 'u1', name: 'Ayşe', role: 'admin' });
    expect(actorOf({ id: 'u1', roles: ['admin', 'officer'] }, ['officer', 'admin'])).toEqual({ sub: 'u1', name: null, role: 'officer' });
  });

  it('falls back to the first role of the caller', () => {
    expect(actorOf({ id: 'u2', roles: ['reviewer'] }, [])).toMatchObject({ role: 'reviewer' });
  });
});
