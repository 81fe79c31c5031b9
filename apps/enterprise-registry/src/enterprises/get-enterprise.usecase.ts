import { Injectable } from '@nestjs/common';
import { assertCanSeeEnterprise, type AuthUser } from '@westgate/auth';
import { enterpriseNotFound } from './enterprise.errors';
import type { EnterpriseView } from './enterprise.rules';
import { EnterpriseStore } from './enterprise.store';

/** One enterprise by id or by USCC; an `enterprise` caller sees only its own (404 for the others). */
@Injectable()
export class GetEnterprise {
  constructor(private readonly store: EnterpriseStore) {}

  async byId(id: string, user: AuthUser): Promise<EnterpriseView> {
    // Scope first: another enterprise's id costs no query and looks exactly like a missing one.
    assertCanSeeEnterprise(user, id, () => enterpriseNotFound(id));
    const view = await this.store.findView(id);
    if (!view) throw enterpriseNotFound(id);
    return view;
  }

  async byUscc(uscc: string, user: AuthUser): Promise<EnterpriseView> {
    const view = await this.store.findViewByUscc(uscc);
    const notFound = () => enterpriseNotFound(`with USCC ${uscc}`);
    if (!view) throw notFound();
    assertCanSeeEnterprise(user, view.id, notFound);
    return view;
  }
}
