import { call } from '../api/client';
import { useApi } from '../app/context';
import type { paths } from '../api/generated/ticketing';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
export type DoorStaffList = Json<paths['/events/{eventId}/door-staff']['get']['responses'][200]>;
export type DoorStaffMember = DoorStaffList['items'][number];
export type DoorPlace = Json<paths['/door-invitations']['get']['responses'][200]>['items'][number];

export function doorStaffOf(eventId: string): Promise<DoorStaffList> {
  return call(useApi().ticketing.GET('/events/{eventId}/door-staff', { params: { path: { eventId } } }));
}

export function inviteDoorStaff(eventId: string, email: string): Promise<DoorStaffMember | Omit<DoorStaffMember, 'checkIns'>> {
  return call(useApi().ticketing.POST('/events/{eventId}/door-staff', { params: { path: { eventId } }, body: { email } }));
}

export async function revokeDoorStaff(eventId: string, staffId: string): Promise<void> {
  await call(useApi().ticketing.DELETE('/events/{eventId}/door-staff/{staffId}', { params: { path: { eventId, staffId } } }));
}

export async function myDoorPlaces(): Promise<DoorPlace[]> {
  return (await call(useApi().ticketing.GET('/door-invitations'))).items;
}

export async function acceptDoorInvitation(invitationId: string): Promise<void> {
  await call(useApi().ticketing.POST('/door-invitations/{invitationId}/accept', { params: { path: { invitationId } } }));
}
