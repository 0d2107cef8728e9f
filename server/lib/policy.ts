import { type AppError, notFound } from './app-error.ts';

/**
 * Declared policies (convention 4, in the spirit of Outline's): a feature's `<f>.policy.ts` says what
 * may be done to its resource, one predicate per action, and every caller asks the same question,
 * `can(actor, action, resource)`, or `authorize(...)`, which throws the feature's own refusal (404 by
 * default: the actor learns nothing about a record they may not touch). `allowedActions` lists what
 * the actor may do now, for the response fields that tell the client which buttons to show.
 */

/** Whether `actor` may take one action on `resource`. Pure: whatever it needs is loaded first. */
export type Rule<A, R> = (actor: A, resource: R) => boolean;

export interface Policy<A, R, Action extends string> {
  /** Every action, in the order declared. */
  readonly actions: readonly Action[];
  can(actor: A, action: Action, resource: R): boolean;
  /** The actions `actor` may take on `resource` now, in the order declared. */
  allowedActions(actor: A, resource: R): Action[];
  /** Returns when `can` says yes; otherwise throws the policy's refusal for that action. */
  authorize(actor: A, action: Action, resource: R): void;
}

/**
 * `definePolicy<Actor, Resource>()({ action: rule, … }, refuse?)`. The two steps let the actions be
 * inferred from the rules while the actor and resource types are written out. `refuse` picks the error
 * of a refused `authorize` (a 409 for a thread one may read but no longer write to, say).
 */
export function definePolicy<A, R>() {
  return <Action extends string>(
    rules: Readonly<Record<Action, Rule<A, R>>>,
    refuse: (action: Action, actor: A, resource: R) => AppError = () => notFound(),
  ): Policy<A, R, Action> => {
    const actions = Object.keys(rules) as Action[];
    const can = (actor: A, action: Action, resource: R) => rules[action](actor, resource);
    return {
      actions,
      can,
      allowedActions: (actor, resource) => actions.filter((action) => can(actor, action, resource)),
      authorize(actor, action, resource) {
        if (!can(actor, action, resource)) throw refuse(action, actor, resource);
      },
    };
  };
}
