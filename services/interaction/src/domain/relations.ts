/**
 * The aggregates this service owns. A like, follow or participation is never deleted: removing
 * it flips `active`, so a later re-add is an update whose version keeps growing and every
 * event about the pair carries a correct, increasing aggregateVersion.
 */
export interface ToggleState {
  _id: string;
  active: boolean;
  /** When it last became active: the sort key of lists ("since"). */
  activatedAt: Date;
  updatedAt: Date;
}

export interface LikeState extends ToggleState {
  eventId: string;
  userId: string;
}

export interface ParticipationState extends ToggleState {
  eventId: string;
  userId: string;
  /** Orders whose purchase already made this user a participant: a redelivery changes nothing. */
  ticketOrderIds: string[];
}

export interface FollowState extends ToggleState {
  followerId: string;
  followeeId: string;
}

/** One review per user and event; PUT again edits it. */
export interface ReviewState {
  _id: string;
  eventId: string;
  userId: string;
  rating: number;
  text: string;
  createdAt: Date;
  updatedAt: Date;
}
