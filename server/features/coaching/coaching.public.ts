/**
 * What other features use of coaching; nothing else in this folder is imported from outside it. This
 * feature owns `coaching_relationships`, their events and coach profiles: others write them only
 * through coaching's own routes.
 */

// coaching-sessions (sessions, notes, referrals) and messages (coaching conversations) decide who takes
// part in a relationship with coaching's one party model, and declare what each party may do there.
export { type Party, type PartyActor, partiesOf, type Relationship } from './coaching.policy.ts';
// coaching-sessions: the relationship a session, note or referral belongs to, with the page's two aliases.
// messages: the relationships between two people, whose parties decide whether they may talk.
export { type RelationshipWithPeople, relationshipsOf, relationshipWithPeople } from './coaching.relationships.ts';
