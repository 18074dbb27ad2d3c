/** What chat keeps of a user (from user.* events) to show names and avatars without calls. */
export interface UserCopy {
  _id: string;
  /** aggregateVersion of the last event applied: older events never overwrite newer data. */
  sourceVersion: number;
  displayName: string | null;
  avatarMediaId: string | null;
  deleted: boolean;
}
