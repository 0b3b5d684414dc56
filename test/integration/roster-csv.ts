import { ROSTER_COLUMNS, toCsv, type TMember } from '@boucle/shared';

/** A roster file of these members, as the steering group uploads it (the app's own CSV writer). */
export function rosterCsv(members: readonly TMember[]): string {
  return toCsv(
    ROSTER_COLUMNS,
    members.map((m) => [
      m.email,
      m.name,
      m.team,
      m.site,
      m.trainingLevel,
      m.ambassador ? 'yes' : 'no',
      m.role,
    ]),
  );
}
