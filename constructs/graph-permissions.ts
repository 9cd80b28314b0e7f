/**
 * Microsoft Graph permission NAMES a tenant file may ask for, so that a typo fails at synth time
 * instead of as a missing map key at apply time. Only names live here: the GUIDs are read at apply
 * time from the Graph service principal (`app_role_ids` / `oauth2_permission_scope_ids`), because
 * many published GUID tables are wrong.
 *
 * The lists cover the permissions CVI vendors ask for and their neighbours; a name Microsoft adds
 * later needs one line here.
 */

/** Microsoft Graph's well-known app id: the same in every tenant (not a permission id). */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** Application permissions (Graph app roles). */
export const GRAPH_APPLICATION_PERMISSIONS: ReadonlySet<string> = new Set([
  'Application.Read.All',
  'Application.ReadWrite.All',
  'AppRoleAssignment.ReadWrite.All',
  'Calendars.Read',
  'Calendars.ReadWrite',
  'CallRecords.Read.All',
  'Calls.AccessMedia.All',
  'Calls.Initiate.All',
  'Calls.InitiateGroupCall.All',
  'Calls.JoinGroupCall.All',
  'Calls.JoinGroupCallAsGuest.All',
  'Channel.ReadBasic.All',
  'ChannelMessage.Read.All',
  'Chat.Read.All',
  'Chat.ReadBasic.All',
  'Chat.ReadWrite.All',
  'Contacts.Read',
  'DelegatedPermissionGrant.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
  'Domain.Read.All',
  'Group.Read.All',
  'Group.ReadWrite.All',
  'GroupMember.Read.All',
  'Mail.Read',
  'Mail.Send',
  'OnlineMeetingArtifact.Read.All',
  'OnlineMeetingRecording.Read.All',
  'OnlineMeetings.Read.All',
  'OnlineMeetings.ReadWrite.All',
  'OnlineMeetingTranscript.Read.All',
  'Organization.Read.All',
  'Place.Read.All',
  'Presence.Read.All',
  'Presence.ReadWrite.All',
  'RoleManagement.Read.Directory',
  'Team.ReadBasic.All',
  'TeamMember.Read.All',
  'TeamSettings.Read.All',
  'TeamsAppInstallation.ReadForUser.All',
  'User.Read.All',
  'User.ReadBasic.All',
  'User.ReadWrite.All',
]);

/** Delegated permissions (Graph OAuth2 permission scopes). */
export const GRAPH_DELEGATED_PERMISSIONS: ReadonlySet<string> = new Set([
  'Calendars.Read',
  'Calendars.Read.Shared',
  'Calendars.ReadWrite',
  'Calendars.ReadWrite.Shared',
  'Chat.Read',
  'Chat.ReadBasic',
  'Chat.ReadWrite',
  'Contacts.Read',
  'Directory.Read.All',
  'email',
  'Group.Read.All',
  'GroupMember.Read.All',
  'Mail.Read',
  'Mail.Send',
  'offline_access',
  'OnlineMeetings.Read',
  'OnlineMeetings.ReadWrite',
  'openid',
  'People.Read',
  'Place.Read.All',
  'Presence.Read',
  'Presence.Read.All',
  'profile',
  'Team.ReadBasic.All',
  'User.Read',
  'User.Read.All',
  'User.ReadBasic.All',
]);

/** Levenshtein distance, case-insensitive: permission names differ in case as often as in letters. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const substitution = previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[t.length];
}

/** The candidate closest to `name`, or undefined when nothing is plausibly meant. */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Beyond half the name's length the "suggestion" is noise, not a likely intent.
  return bestDistance <= Math.max(2, Math.floor(name.length / 2)) ? best : undefined;
}

/** Error text for an unknown permission, with the nearest known name when there is one. */
export function unknownPermissionMessage(name: string, kind: 'application' | 'delegated'): string {
  const known = kind === 'application' ? GRAPH_APPLICATION_PERMISSIONS : GRAPH_DELEGATED_PERMISSIONS;
  const suggestion = nearestName(name, known);
  const hint = suggestion ? `; did you mean ${suggestion}?` : '';
  return `unknown Microsoft Graph ${kind} permission${hint}`;
}
