import type { Db } from 'mongodb';
import { VersionedCopies } from '@eventonight/platform';
import type { UserCopy } from '../domain/user-copy.js';
import { USERS } from './collections.js';

/** Local copies of users, written only by the user.* handlers. */
export type UserCopies = VersionedCopies<UserCopy>;

export function userCopies(db: Db): UserCopies {
  return new VersionedCopies<UserCopy>(db, USERS);
}
